/**
 * Implementations of EKS cluster access. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.kubernetes.access.internal;

import org.jspecify.annotations.NullMarked;
