/**
 * Implementations of the monitoring operations and the JSON and SDK mappings. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.monitoring.internal;

import org.jspecify.annotations.NullMarked;
