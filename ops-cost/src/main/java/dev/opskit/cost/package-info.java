/**
 * The guide's Cost Optimization: Cost Explorer reports, recommendations, guarded purchases, waste finder and safe cleanup, lifecycle desired state.
 */
@NullMarked
package dev.opskit.cost;

import org.jspecify.annotations.NullMarked;
