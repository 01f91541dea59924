/**
 * Implementations of the node group operations. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.cost.eks.internal;

import org.jspecify.annotations.NullMarked;
