/**
 * The Kubernetes secret sink, its error mapping and its scrubbing of secret values. Not API: no compatibility
 * promise.
 */
@NullMarked
package dev.opskit.kubernetes.secret.internal;

import org.jspecify.annotations.NullMarked;
