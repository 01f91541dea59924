/** The implementation of {@link dev.opskit.monitoring.health.Health}: no compatibility promise. */
@NullMarked
package dev.opskit.monitoring.health.internal;

import org.jspecify.annotations.NullMarked;
