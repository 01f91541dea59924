/**
 * OpsKit's benchmarks: JMH micro-benchmarks of the gate, and plain Java end-to-end runs against moto and
 * local stubs, gathered into one table of targets by {@link dev.opskit.benchmarks.BenchmarkTable}.
 */
@NullMarked
package dev.opskit.benchmarks;

import org.jspecify.annotations.NullMarked;
