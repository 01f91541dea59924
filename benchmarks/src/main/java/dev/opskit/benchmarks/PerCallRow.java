package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.test.Emulator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
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
      DescribeAlarmsRequest describe = DescribeAlarmsRequest.builder().alarmNames(NAME).build();
      Runnable rawRead = () -> raw.describeAlarms(describe);
      Runnable opsRead = () -> alarms.get(NAME);
      Runnable rawChange = () -> raw.setAlarmState(SetAlarmStateRequest.builder().alarmName(NAME)
          .stateValue(StateValue.ALARM).stateReason("benchmark").build());
      Runnable opsChange = () -> alarms.setState(NAME, AlarmState.ALARM, "benchmark");
      // Warm both sides up first.
      for (int i = 0; i < perRound; i++) {
        rawRead.run();
        opsRead.run();
        rawChange.run();
        opsChange.run();
      }
      for (int r = 0; r < rounds; r++) {
        // Alternate which side goes first, so that drift in the machine's load falls on both.
        boolean rawFirst = r % 2 == 0;
        double[] rr = rawFirst ? time(rawRead, perRound) : null;
        double[] or = time(opsRead, perRound);
        if (rr == null) {
          rr = time(rawRead, perRound);
        }
        double[] rc = rawFirst ? time(rawChange, perRound) : null;
        double[] oc = time(opsChange, perRound);
        if (rc == null) {
          rc = time(rawChange, perRound);
        }
        readWall.add(or[0] / rr[0]);
        readCpu.add(or[1] / rr[1]);
        changeWall.add(oc[0] / rc[0]);
        changeCpu.add(oc[1] / rc[1]);
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
   * {@code {wall ns, client CPU ns}} for {@code n} runs. The client's CPU is the calling thread's: a sync SDK
   * client marshals, signs, sends and parses on it; the JIT and GC threads are left out, as their work falls on
   * whichever side happens to run when they do.
   */
  private static double[] time(Runnable call, int n) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < n; i++) {
      call.run();
    }
    return new double[] {System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu};
  }
}
