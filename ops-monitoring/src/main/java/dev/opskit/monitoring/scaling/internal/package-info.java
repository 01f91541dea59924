/**
 * Implementation of the Application Auto Scaling operations and the scaling JSON mapping. Not API: no
 * compatibility promise.
 */
@NullMarked
package dev.opskit.monitoring.scaling.internal;

import org.jspecify.annotations.NullMarked;
