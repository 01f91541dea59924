/**
 * Implementations of the lifecycle desired states and their AWS shapes. Not API: no compatibility promise.
 */
@NullMarked
package dev.opskit.cost.lifecycle.internal;

import org.jspecify.annotations.NullMarked;
