/** The implementation of {@link dev.opskit.monitoring.metrics.Metrics}: no compatibility promise. */
@NullMarked
package dev.opskit.monitoring.metrics.internal;

import org.jspecify.annotations.NullMarked;
