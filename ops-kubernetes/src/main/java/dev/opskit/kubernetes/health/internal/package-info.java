/** The implementation of {@link dev.opskit.kubernetes.health.ClusterHealth}: no compatibility promise. */
@NullMarked
package dev.opskit.kubernetes.health.internal;

import org.jspecify.annotations.NullMarked;
