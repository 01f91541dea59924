/**
 * Test support for OpsKit users and for OpsKit itself.
 *
 * <ul>
 *   <li>{@link dev.opskit.test.Emulator}: a running AWS API emulator (moto, LocalStack, or one that is
 *       already running), usable from JUnit and from plain code;
 *   <li>{@link dev.opskit.test.OpsEmulatorTest} / {@link dev.opskit.test.OpsEmulatorExtension}: a JUnit 5
 *       extension that injects an {@link dev.opskit.core.OpsContext} bound to that emulator;
 *   <li>{@link dev.opskit.test.AuditAssertions}: assertions on the audit trail;
 *   <li>{@link dev.opskit.test.FaultInjectingProxy}: a loopback proxy that injects faults into chosen
 *       requests (lost responses, 5xx, throttling in each protocol's shape, resets, slow responses);
 *   <li>{@link dev.opskit.test.faults}: a table-driven fault-injection suite over mutating operations.
 * </ul>
 */
@NullMarked
package dev.opskit.test;

import org.jspecify.annotations.NullMarked;
