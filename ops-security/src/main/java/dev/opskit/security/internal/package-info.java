/**
 * Helpers shared by the security packages (strict JSON field access). Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.security.internal;

import org.jspecify.annotations.NullMarked;
