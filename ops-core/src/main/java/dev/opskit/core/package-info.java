/**
 * OpsKit core: {@link dev.opskit.core.OpsContext}, the exception hierarchy, retry and rate-limit policy,
 * and progress reporting. Everything other modules build on.
 */
@NullMarked
package dev.opskit.core;

import org.jspecify.annotations.NullMarked;
