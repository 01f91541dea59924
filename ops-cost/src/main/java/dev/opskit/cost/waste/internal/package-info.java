/**
 * Implementations of the waste finder, its price sources and the cleanup cycle. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.cost.waste.internal;

import org.jspecify.annotations.NullMarked;
