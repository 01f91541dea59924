/**
 * Implementation of the Performance Insights operations, and the JSON reader the Performance Management packages
 * share. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.monitoring.performance.internal;

import org.jspecify.annotations.NullMarked;
