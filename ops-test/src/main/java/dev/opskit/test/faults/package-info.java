/**
 * A table-driven fault-injection suite: {@link dev.opskit.test.faults.MutatingOperation rows} (an
 * operation that changes something, the requests that make the change, how to see the change in the
 * emulator) run under every {@link dev.opskit.test.faults.FaultKind} (lost responses, 5xx, throttling,
 * resets, slow responses) by {@link dev.opskit.test.faults.FaultSuite}, which asserts that each call
 * either returned having made its change exactly once or threw a typed OpsKit exception, and that the
 * audit trail says the same as the caller saw.
 */
@NullMarked
package dev.opskit.test.faults;

import org.jspecify.annotations.NullMarked;
