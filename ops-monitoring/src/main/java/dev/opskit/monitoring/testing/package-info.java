/**
 * In-memory fakes of the monitoring operations, for tests that should not need AWS or an emulator:
 * {@link dev.opskit.monitoring.testing.FakeAlarms} and {@link dev.opskit.monitoring.testing.FakeDashboards}.
 * They live in ops-monitoring rather than ops-test because ops-monitoring's own tests depend on ops-test
 * (Maven forbids the cycle). They pass the same contract test as the real operations against moto.
 */
@NullMarked
package dev.opskit.monitoring.testing;

import org.jspecify.annotations.NullMarked;
