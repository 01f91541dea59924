package dev.opskit.benchmarks;

import dev.opskit.core.RetryPolicy;
import dev.opskit.core.Sleeper;
import dev.opskit.core.audit.AuditSink;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Gate;
import dev.opskit.core.internal.GateImpl;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * The gate's own cost per {@code submit} of a PutMetricAlarm (the guide's high-CPU alarm, with tags), without
 * network: the "call" is a function that returns a ready answer, so what is measured is everything the gate
 * does around it (parameters and redaction, audit event, retry, result). {@link #raw} is the call alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GateBenchmark {
  /** The request of the guide's HighCPUUtilization alarm. */
  static final PutMetricAlarmRequest REQUEST = PutMetricAlarmRequest.builder()
      .alarmName("HighCPUUtilization")
      .alarmDescription("CPU above 80% for 10 minutes")
      .namespace("AWS/RDS")
      .metricName("CPUUtilization")
      .dimensions(Dimension.builder().name("DBInstanceIdentifier").value("prod-database").build())
      .statistic(Statistic.AVERAGE)
      .period(300)
      .evaluationPeriods(2)
      .threshold(80.0)
      .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
      .alarmActions("arn:aws:sns:us-east-1:123456789012:ops-alerts")
      .okActions("arn:aws:sns:us-east-1:123456789012:ops-alerts")
      .treatMissingData("missing")
      .tags(Tag.builder().key("managed-by").value("opskit").build())
      .build();
  static final PutMetricAlarmResponse ANSWER = PutMetricAlarmResponse.builder().build();
  /** A sink that keeps nothing: the cost of keeping events is the sink's, not the gate's. */
  static final AuditSink DISCARD = event -> { };

  private final Gate live = new GateImpl(false, Clock.systemUTC(), Sleeper.system(), DISCARD, RetryPolicy.DEFAULT);
  private final Gate dryRun = new GateImpl(true, Clock.systemUTC(), Sleeper.system(), DISCARD, RetryPolicy.DEFAULT);

  /**
   * The call alone.
   *
   * @return the answer
   */
  @Benchmark
  public PutMetricAlarmResponse raw() {
    return answer(REQUEST);
  }

  /**
   * The same call through the gate, the change built as OpsKit's alarms build it.
   *
   * @return the result
   */
  @Benchmark
  public ChangeResult<PutMetricAlarmResponse> live() {
    return live.submit(change());
  }

  /**
   * The same change planned (dry-run).
   *
   * @return the plan
   */
  @Benchmark
  public ChangeResult<PutMetricAlarmResponse> dryRun() {
    return dryRun.submit(change());
  }

  private Change<PutMetricAlarmResponse> change() {
    return Change.of("cloudwatch:PutMetricAlarm", "HighCPUUtilization", REQUEST, GateBenchmark::answer).build();
  }

  /** The call: a ready answer, no network. */
  static PutMetricAlarmResponse answer(PutMetricAlarmRequest request) {
    return ANSWER;
  }
}
