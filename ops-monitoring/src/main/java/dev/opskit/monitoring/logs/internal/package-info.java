/** The implementation of {@link dev.opskit.monitoring.logs.Logs}: no compatibility promise. */
@NullMarked
package dev.opskit.monitoring.logs.internal;

import org.jspecify.annotations.NullMarked;
