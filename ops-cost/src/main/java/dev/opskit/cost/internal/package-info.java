/** Implementations of ops-cost's Cost Explorer, report, recommendation and purchase operations (no compatibility promise). */
@NullMarked
package dev.opskit.cost.internal;

import org.jspecify.annotations.NullMarked;
