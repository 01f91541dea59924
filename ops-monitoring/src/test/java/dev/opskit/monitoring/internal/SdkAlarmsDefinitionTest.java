package dev.opskit.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.opskit.core.internal.ObjectNode;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmGenerators;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The live definition mapped directly from the SDK alarm ({@link SdkAlarms#definition(MetricAlarm)}) equals the
 * one of the JSON route it replaced on the read path ({@code AlarmJson.read(SdkAlarms.tree(a))}, kept here as
 * the oracle), for every alarm shape: valid and invalid fields alike, null exactly where the JSON route rejects.
 */
class SdkAlarmsDefinitionTest {
  private static final String SNS = "arn:aws:sns:us-east-1:123456789012:critical-alerts";
  private static final String STOP = "arn:aws:automate:us-east-1:ec2:stop";
  private static final String LONG = "x".repeat(256);

  /** The JSON route: the tree read back with full validation, null when OpsKit's rules reject it. */
  private static @Nullable AlarmSpec oracle(MetricAlarm a) {
    return SdkAlarms.definition(SdkAlarms.tree(a));
  }

  private static @Nullable AlarmSpec oracle(CompositeAlarm a) {
    return SdkAlarms.definition(SdkAlarms.tree(a));
  }

  @Test
  void everyValidDefinitionComesBackAsItselfByBothRoutes() {
    qt().withExamples(1500).forAll(AlarmGenerators.definitions()).checkAssert(d -> {
      MetricAlarm live = live(SdkAlarms.putRequest(d, Map.of()));
      assertThat(SdkAlarms.definition(live)).isEqualTo(withoutTags(d)).isEqualTo(oracle(live));
    });
  }

  @Test
  void presetsAndTheGuideShapesMapAsTheJsonRouteDoes() {
    for (AlarmDefinition d : List.of(AlarmPresets.highCpuUtilization(), anomaly(), percentile())) {
      MetricAlarm live = live(SdkAlarms.putRequest(d, Map.of()));
      assertThat(SdkAlarms.definition(live)).isEqualTo(d).isEqualTo(oracle(live));
    }
  }

  @Test
  void anyMetricAlarmAwsMayReportMapsAsTheJsonRouteDoes() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger examples = new AtomicInteger();
    qt().withExamples(6000).forAll(metricAlarms()).checkAssert(a -> {
      AlarmSpec direct = SdkAlarms.definition(a);
      AlarmSpec json = oracle(a);
      assertThat(direct).as("%s", a).isEqualTo(json);
      assertThat(String.valueOf(direct)).isEqualTo(String.valueOf(json));
      examples.incrementAndGet();
      if (direct != null) {
        accepted.incrementAndGet();
      }
    });
    // Both outcomes are exercised: alarms OpsKit accepts and alarms its rules reject.
    assertThat(accepted.get()).isBetween(examples.get() / 10, examples.get() * 9 / 10);
  }

  @Test
  void anyCompositeAlarmAwsMayReportMapsAsTheJsonRouteDoes() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger examples = new AtomicInteger();
    qt().withExamples(1500).forAll(compositeAlarms()).checkAssert(a -> {
      AlarmSpec direct = SdkAlarms.definition(a);
      assertThat(direct).as("%s", a).isEqualTo(oracle(a));
      examples.incrementAndGet();
      if (direct != null) {
        accepted.incrementAndGet();
      }
    });
    assertThat(accepted.get()).isBetween(examples.get() / 10, examples.get() * 9 / 10);
  }

  @Test
  void aMetricStatWithoutItsMetricIsNoDefinitionWhereTheJsonRouteFailedWithoutAType() {
    MetricAlarm a = MetricAlarm.builder().alarmName("math").evaluationPeriods(1).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .metrics(MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().period(60).stat("Sum").build())
            .build())
        .build();

    assertThat(SdkAlarms.definition(a)).isNull();
    // The JSON tree of such an alarm cannot be made (the old read path failed here): only a diff still needs it.
    assertThatThrownBy(() -> SdkAlarms.tree(a)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theLiveStatusCarriesTheDirectDefinition() {
    AlarmDefinition d = AlarmPresets.highCpuUtilization();
    MetricAlarm live = live(SdkAlarms.putRequest(d, Map.of())).toBuilder().stateValue("ALARM").build();

    assertThat(LiveAlarm.of(live).status().definition()).contains(d);
    assertThat(LiveAlarm.of(live).tree()).isEqualTo(SdkAlarms.tree(live));
  }

  /** The definition as DescribeAlarms can report it: tags are not part of a described alarm. */
  private static AlarmSpec withoutTags(AlarmSpec d) {
    ObjectNode tree = AlarmJson.tree(d);
    tree.remove("Tags");
    return AlarmJson.read(tree);
  }

  private static AlarmDefinition anomaly() {
    return AlarmDefinition.fromJson("""
        {"AlarmName": "latency-anomaly", "EvaluationPeriods": 3, "DatapointsToAlarm": 2,
         "ComparisonOperator": "GreaterThanUpperThreshold", "TreatMissingData": "notBreaching",
         "ThresholdMetricId": "ad1",
         "Metrics": [
           {"Id": "m1", "ReturnData": true, "MetricStat": {"Metric": {"Namespace": "AWS/ApplicationELB",
             "MetricName": "TargetResponseTime", "Dimensions": [{"Name": "LoadBalancer", "Value": "app/web/1"}]},
             "Period": 300, "Stat": "p99", "Unit": "Seconds"}},
           {"Id": "ad1", "Expression": "ANOMALY_DETECTION_BAND(m1, 2)", "Label": "band", "ReturnData": true}]}""");
  }

  private static AlarmDefinition percentile() {
    return AlarmDefinition.fromJson("""
        {"AlarmName": "p99", "AlarmDescription": "slow", "ActionsEnabled": false,
         "OKActions": ["arn:aws:sns:us-east-1:123456789012:ok"], "InsufficientDataActions": ["%s"],
         "Namespace": "AWS/Lambda", "MetricName": "Duration", "ExtendedStatistic": "p99.9",
         "Dimensions": [{"Name": "FunctionName", "Value": "f"}, {"Name": "Resource", "Value": "f:live"}],
         "Period": 60, "Unit": "Milliseconds", "EvaluationPeriods": 5, "Threshold": 2500.5,
         "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluateLowSampleCountPercentile": "ignore"}"""
        .formatted(STOP));
  }

  /** The alarm DescribeAlarms reports after PutMetricAlarm: the same fields under the same names. */
  private static MetricAlarm live(PutMetricAlarmRequest r) {
    return MetricAlarm.builder().alarmName(r.alarmName()).alarmArn("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x")
        .alarmDescription(r.alarmDescription()).actionsEnabled(r.actionsEnabled()).okActions(r.okActions())
        .alarmActions(r.alarmActions()).insufficientDataActions(r.insufficientDataActions()).stateValue("OK")
        .metricName(r.metricName()).namespace(r.namespace()).statistic(r.statisticAsString())
        .extendedStatistic(r.extendedStatistic()).dimensions(r.dimensions()).period(r.period()).unit(r.unitAsString())
        .evaluationPeriods(r.evaluationPeriods()).datapointsToAlarm(r.datapointsToAlarm()).threshold(r.threshold())
        .comparisonOperator(r.comparisonOperatorAsString()).treatMissingData(r.treatMissingData())
        .evaluateLowSampleCountPercentile(r.evaluateLowSampleCountPercentile()).metrics(r.metrics())
        .thresholdMetricId(r.thresholdMetricId()).build();
  }

  // Generators of SDK alarms: a valid shape (single metric, percentile, metric math, anomaly band), then a few
  // fields set from pools of valid, edge, empty, missing and invalid values, so both outcomes occur.

  @SafeVarargs
  private static <T> T pick(RandomnessSource in, T... values) {
    return values[integers().between(0, values.length - 1).generate(in)];
  }

  private static boolean chance(RandomnessSource in, int percent) {
    return integers().between(1, 100).generate(in) <= percent;
  }

  private static List<String> actions(RandomnessSource in) {
    int n = pick(in, 0, 0, 0, 1, 1, 2, 5, 6);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(chance(in, 92) ? pick(in, SNS, STOP, "arn:aws:sns:us-east-1:123456789012:t" + i)
          : pick(in, "not-an-arn", "", "arn:aws:sns:nowhere:123:x"));
    }
    return out;
  }

  private static List<Dimension> dimensions(RandomnessSource in) {
    int n = pick(in, 0, 0, 1, 1, 2, 3);
    List<Dimension> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(chance(in, 90) ? pick(in, Dimension.builder().name("InstanceId").value("i-1").build(),
          Dimension.builder().name("InstanceId").value("i-2").build(),
          Dimension.builder().name("AutoScalingGroupName").value("web").build())
          : pick(in, Dimension.builder().name("").value("v").build(), Dimension.builder().name("n").value("").build(),
          Dimension.builder().value("v").build(), Dimension.builder().name("n").build(),
          Dimension.builder().name(LONG).value("v").build()));
    }
    return out;
  }

  private static MetricDataQuery query(RandomnessSource in, String id, boolean stat, boolean returnData) {
    MetricDataQuery.Builder q = MetricDataQuery.builder().id(id).returnData(returnData);
    if (stat) {
      q.metricStat(MetricStat.builder().metric(Metric.builder().namespace("AWS/EC2").metricName("CPUUtilization")
          .dimensions(dimensions(in)).build()).period(pick(in, 60, 300, 10)).stat(pick(in, "Average", "p99", "Sum"))
          .unit(pick(in, (String) null, "Percent")).build());
    } else {
      q.expression(pick(in, "m1 * 2", "SUM(METRICS())"));
    }
    if (chance(in, 30)) {
      pick(in, (Consumer<MetricDataQuery.Builder>) b -> b.id(pick(in, null, "", "Bad", "m1", LONG)),
          b -> b.label(pick(in, null, "", "label", "y".repeat(1025))),
          b -> b.returnData(pick(in, null, true, false)),
          b -> b.period(pick(in, null, 60, 45, 0)),
          b -> b.accountId(pick(in, null, "", "123456789012", "12")),
          b -> b.expression(pick(in, null, "", "m1 + 1")),
          b -> b.metricStat(stat ? null : MetricStat.builder().metric(Metric.builder().namespace("AWS/EC2")
              .metricName("CPUUtilization").build()).period(60).stat("Average").build()),
          b -> b.metricStat(MetricStat.builder()
              .metric(Metric.builder().namespace(pick(in, null, "", ":x", "AWS/RDS"))
                  .metricName(pick(in, null, "", "FreeStorageSpace")).build())
              .period(pick(in, null, 60, 7, Integer.MAX_VALUE)).stat(pick(in, null, "", "Maximum", "bogus", "tm90"))
              .unit(pick(in, null, "", "Bytes", "Bogus")).build())).accept(q);
    }
    return q.build();
  }

  private static Gen<MetricAlarm> metricAlarms() {
    return in -> {
      MetricAlarm.Builder b = MetricAlarm.builder().alarmName(pick(in, "cpu-high", "Web / 5xx", "a"))
          .alarmArn("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x").stateValue("OK")
          .evaluationPeriods(pick(in, 1, 2, 5)).treatMissingData(pick(in, null, "missing", "breaching"))
          .actionsEnabled(pick(in, null, true, false)).alarmActions(actions(in)).okActions(actions(in))
          .insufficientDataActions(actions(in)).alarmDescription(pick(in, null, "", "High CPU"));
      int shape = integers().between(0, 3).generate(in);
      if (shape <= 1) {
        b.namespace("AWS/EC2").metricName("CPUUtilization").dimensions(dimensions(in)).period(pick(in, 60, 300, 10))
            .threshold(pick(in, 80.0, 0.0, -0.0, -5.5)).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD);
        if (shape == 0) {
          b.statistic(pick(in, Statistic.AVERAGE, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT));
        } else {
          b.extendedStatistic(pick(in, "p99", "p99.9", "tm90", "IQM"))
              .evaluateLowSampleCountPercentile(pick(in, null, "evaluate", "ignore"));
        }
      } else if (shape == 2) {
        b.threshold(10.0).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
            .metrics(query(in, "m1", true, false), query(in, "e1", false, true));
      } else {
        b.comparisonOperator(ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD)
            .threshold(pick(in, null, null, 3.0)).thresholdMetricId("ad1")
            .metrics(query(in, "m1", true, true), MetricDataQuery.builder().id("ad1")
                .expression("ANOMALY_DETECTION_BAND(m1, 2)").returnData(true).build());
      }
      int changes = pick(in, 0, 1, 1, 2, 3);
      for (int i = 0; i < changes; i++) {
        mutation(in).accept(b);
      }
      return b.build();
    };
  }

  private static Consumer<MetricAlarm.Builder> mutation(RandomnessSource in) {
    List<Consumer<MetricAlarm.Builder>> all = Arrays.asList(
        b -> b.alarmName(pick(in, null, "", " ", "x\u0001y", LONG, "ok")),
        b -> b.alarmDescription(pick(in, null, "", "d", "d".repeat(1025))),
        b -> b.actionsEnabled(pick(in, null, true, false)),
        b -> b.okActions(actions(in)),
        b -> b.alarmActions(actions(in)),
        b -> b.insufficientDataActions(actions(in)),
        b -> b.namespace(pick(in, null, "", "AWS/RDS", ":bad", LONG)),
        b -> b.metricName(pick(in, null, "", "FreeStorageSpace", LONG)),
        b -> b.statistic(pick(in, null, "", "Average", "Sum", "Bogus")),
        b -> b.extendedStatistic(pick(in, null, "", "p90", "p101", "bogus")),
        b -> b.dimensions(dimensions(in)),
        b -> b.period(pick(in, null, 10, 30, 60, 45, 0, -60, 3600, 86_400, Integer.MAX_VALUE)),
        b -> b.unit(pick(in, null, "", "Percent", "Bytes", "Bogus")),
        b -> b.evaluationPeriods(pick(in, null, 0, 1, 3, 100_000)),
        b -> b.datapointsToAlarm(pick(in, null, 0, 1, 2, 6)),
        b -> b.threshold(pick(in, null, 0.0, 1e300, Double.NaN, Double.POSITIVE_INFINITY)),
        b -> b.comparisonOperator(pick(in, null, "", "GreaterThanThreshold", "LessThanLowerThreshold",
            "LessThanOrEqualToThreshold", "Bogus")),
        b -> b.treatMissingData(pick(in, null, "", "missing", "notBreaching", "ignore", "bogus")),
        b -> b.evaluateLowSampleCountPercentile(pick(in, null, "", "evaluate", "ignore", "bogus")),
        b -> b.thresholdMetricId(pick(in, null, "", "ad1", "m1", "zz")),
        b -> b.metrics(List.of()),
        b -> b.metrics(query(in, "m1", true, true)));
    return all.get(integers().between(0, all.size() - 1).generate(in));
  }

  private static Gen<CompositeAlarm> compositeAlarms() {
    return in -> CompositeAlarm.builder().alarmName(pick(in, "composite", "c", null, "", LONG))
        .alarmArn("arn:aws:cloudwatch:us-east-1:123456789012:alarm:c").stateValue("ALARM")
        .alarmDescription(pick(in, null, "", "both", "d".repeat(1025))).actionsEnabled(pick(in, null, true, false))
        .alarmActions(chance(in, 70) ? List.of() : actions(in)).okActions(chance(in, 70) ? List.of() : actions(in))
        .insufficientDataActions(chance(in, 70) ? List.of() : actions(in))
        .alarmRule(pick(in, "ALARM(cpu-high) AND ALARM(\"Web / 5xx\")", "OK(a) OR NOT ALARM(b)", "TRUE", null, "",
            "ALARM(", "bogus rule"))
        .build();
  }
}
