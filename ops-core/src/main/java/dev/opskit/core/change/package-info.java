/**
 * The one door for changes. Every call that changes AWS state is described as a
 * {@link dev.opskit.core.change.Change} and submitted to the context's {@link dev.opskit.core.change.Gate},
 * which honours dry-run, audits, retries declared conditions and makes retried creates idempotent.
 */
@NullMarked
package dev.opskit.core.change;

import org.jspecify.annotations.NullMarked;
