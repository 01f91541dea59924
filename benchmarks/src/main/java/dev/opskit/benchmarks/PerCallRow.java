package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.test.Emulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Target 2: the same calls through OpsKit and through the raw SDK against one moto, interleaved in rounds:
 * a read ({@code Alarms.get}: one DescribeAlarms) and a change ({@code Alarms.setState}: one SetAlarmState
 * through the gate). Wall time and the calling thread's CPU time (the client's) per call.
 * OpsKit's pacing is set flat and far above the calls' rate, so that this row measures the client's overhead;
 * pacing is target 3's.
 */
final class PerCallRow {
  static final String TARGET = "Per call: wall and client CPU ≤ 1.05× the raw SDK, reads and changes";
  private static final double MAX = 1.05;
  private static final String NAME = "bench-cpu-alarm";
  /** Calls per side before timing (the full run's): C2's invocation threshold (Tier4InvocationThreshold). */
  private static final int WARM_UP = 5000;
  /** Calls of one side timed together before the other side's. */
  private static final int BLOCK = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PerCallRow() {}

  static Row run(Run run) {
    Emulator moto = Moto.shared();
    moto.reset();
    int rounds = run.pick(2, 15);
    int perRound = run.pick(10, 200);
    List<Double> readWall = new ArrayList<>();
    List<Double> readCpu = new ArrayList<>();
    List<Double> changeWall = new ArrayList<>();
    List<Double> changeCpu = new ArrayList<>();
    try (OpsContext ctx = moto.contextBuilder().rateLimitPolicy(RateLimitPolicy.perSecond(100_000)).build();
        ApacheHttpClient http = (ApacheHttpClient) ApacheHttpClient.builder().maxConnections(64).build();
        CloudWatchClient raw = CloudWatchClient.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(http).build()) {
      Alarms alarms = Alarms.using(ctx);
      alarms.apply(alarms.plan(List.of(AlarmPresets.highCpuUtilization().toBuilder().name(NAME).build()),
          ManagedBy.tag("managed-by", "opskit")));
      // The same request as Alarms.get sends: by name, metric and composite alarms, pages of 100.
      DescribeAlarmsRequest describe = DescribeAlarmsRequest.builder().alarmNames(NAME)
          .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).maxRecords(100).build();
      Runnable rawRead = () -> raw.describeAlarms(describe);
      Runnable opsRead = () -> alarms.get(NAME);
      Runnable rawChange = () -> raw.setAlarmState(SetAlarmStateRequest.builder().alarmName(NAME)
          .stateValue(StateValue.ALARM).stateReason("benchmark").build());
      Runnable opsChange = () -> alarms.setState(NAME, AlarmState.ALARM, "benchmark");
      // Warm both sides up first, up to the JIT's C2 threshold: OpsKit's own code runs only on its side,
      // while the SDK's runs on both and so compiles twice as early; timed before that, the rounds would
      // weigh interpreted OpsKit code against compiled SDK code.
      int warmUp = run.pick(perRound, WARM_UP);
      for (int i = 0; i < warmUp; i++) {
        rawRead.run();
        opsRead.run();
        rawChange.run();
        opsChange.run();
      }
      for (int r = 0; r < rounds; r++) {
        double[][] read = interleaved(rawRead, opsRead, perRound);
        double[][] change = interleaved(rawChange, opsChange, perRound);
        readWall.add(read[1][0] / read[0][0]);
        readCpu.add(read[1][1] / read[0][1]);
        changeWall.add(change[1][0] / change[0][0]);
        changeCpu.add(change[1][1] / change[0][1]);
      }
    }
    double rw = Stats.median(readWall);
    double rc = Stats.median(readCpu);
    double cw = Stats.median(changeWall);
    double cc = Stats.median(changeCpu);
    boolean pass = rw <= MAX && rc <= MAX && cw <= MAX && cc <= MAX;
    String measured = Stats.format("read %.2f× wall, %.2f× CPU; change %.2f× wall, %.2f× CPU", rw, rc, cw, cc);
    String spread = "read wall " + Stats.range(readWall, "%.2f") + ", CPU " + Stats.range(readCpu, "%.2f")
        + "; change wall " + Stats.range(changeWall, "%.2f") + ", CPU " + Stats.range(changeCpu, "%.2f");
    return new Row(2, TARGET, measured, spread, pass);
  }

  /**
   * {@code {{raw wall, raw CPU}, {OpsKit wall, OpsKit CPU}}} in ns of {@code n} calls of each side, run in
   * blocks of {@value #BLOCK} calls in the order raw, OpsKit, OpsKit, raw, raw, OpsKit...: the machine is shared
   * and its load changes from one second to the next, so each side is timed beside the other within tens of
   * milliseconds (with blocks of a whole round, about a second each, a burst of load fell on one side only).
   */
  private static double[][] interleaved(Runnable raw, Runnable ops, int n) {
    double[][] sum = new double[2][2];
    for (int done = 0, block = 0; done < n; done += BLOCK, block++) {
      int calls = Math.min(BLOCK, n - done);
      int first = block % 2 == 0 ? 0 : 1;
      add(sum[first], time(first == 0 ? raw : ops, calls));
      add(sum[1 - first], time(first == 0 ? ops : raw, calls));
    }
    return sum;
  }

  private static void add(double[] sum, double[] timed) {
    sum[0] += timed[0];
    sum[1] += timed[1];
  }

  /**
   * {@code {wall ns, client CPU ns}} for {@code n} runs. The client's CPU is the calling thread's: a sync SDK
   * client marshals, signs, sends and parses on it; the JIT and GC threads are left out, as their work falls on
   * whichever side happens to run when they do.
   */
  private static double[] time(Runnable call, int n) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < n; i++) {
      call.run();
    }
    return new double[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
  }
}
