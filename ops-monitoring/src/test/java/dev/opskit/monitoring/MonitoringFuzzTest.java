package dev.opskit.monitoring;

import static dev.opskit.monitoring.Hostile.doubles;
import static dev.opskit.monitoring.Hostile.durations;
import static dev.opskit.monitoring.Hostile.ints;
import static dev.opskit.monitoring.Hostile.json;
import static dev.opskit.monitoring.Hostile.orNull;
import static dev.opskit.monitoring.Hostile.outcome;
import static dev.opskit.monitoring.Hostile.pick;
import static dev.opskit.monitoring.Hostile.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.core.value.Arn;
import dev.opskit.monitoring.Hostile.Attempt;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmGenerators;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.GuideFiles;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.MetricQuery;
import dev.opskit.monitoring.alarm.MetricStatistic;
import dev.opskit.monitoring.alarm.TreatMissingData;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.Widget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Every public parser, {@code fromJson} and builder of ops-monitoring, fed hostile input: only
 * {@link dev.opskit.core.ValidationException} comes out, and whatever is accepted round-trips through its
 * JSON and through {@code toBuilder()}.
 */
class MonitoringFuzzTest {
  private static final String[] ALARM_NAMES = {"HighCPUUtilization", "Db Connections", "prod-database-high-cpu"};
  private static final String[] ARN_TEXTS = {"arn:aws:sns:us-east-1:123456789012:critical-alerts",
      "arn:aws:automate:us-east-1:ec2:stop", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization"};
  private static final String COMPOSITE = "{\"AlarmName\":\"HostUnderPressure\",\"AlarmRule\":"
      + "\"ALARM(\\\"HighCPUUtilization\\\") AND ALARM(\\\"HighMemoryUsage\\\")\",\"ActionsEnabled\":true,"
      + "\"AlarmActions\":[\"arn:aws:sns:us-east-1:123456789012:critical-alerts\"],\"Tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}]}";

  /** Valid alarm JSON: the guide's blocks, a composite alarm, and generated definitions of every shape. */
  private static final Gen<String> ALARM_JSON = in -> switch (Generate.range(0, 5).generate(in)) {
    case 0 -> GuideFiles.read("high-cpu-utilization.json");
    case 1 -> GuideFiles.read("database-connection-failures.json");
    case 2 -> COMPOSITE;
    default -> AlarmGenerators.definitions().generate(in).toJson();
  };

  static void assertRoundTrips(AlarmSpec spec) {
    assertThat(AlarmSpec.fromJson(spec.toJson())).isEqualTo(spec);
    if (spec instanceof AlarmDefinition d) {
      assertThat(AlarmDefinition.fromJson(d.toJson())).isEqualTo(d);
      assertThat(d.toBuilder().build()).isEqualTo(d);
    } else if (spec instanceof CompositeAlarmDefinition c) {
      assertThat(CompositeAlarmDefinition.fromJson(c.toJson())).isEqualTo(c);
      assertThat(c.toBuilder().build()).isEqualTo(c);
    }
  }

  static void assertRoundTrips(DashboardDefinition d) {
    DashboardDefinition read = DashboardDefinition.fromBodyJson(d.name(), d.bodyJson());
    assertThat(read.bodyJson()).isEqualTo(d.bodyJson());
    assertThat(read).isEqualTo(d);
    DashboardDefinition rebuilt = d.toBuilder().build();
    assertThat(rebuilt.bodyJson()).isEqualTo(d.bodyJson());
    assertThat(rebuilt).isEqualTo(d);
  }

  @Nested
  class AlarmJson {
    @Test
    void mutatedJsonIsReadOrRejectedAndWhatIsReadRoundTrips() {
      qt().withExamples(1500).forAll(json(ALARM_JSON, "AlarmName", "Period", "Threshold", "Metrics", "Dimensions")).checkAssert(text ->
          outcome(text, () -> AlarmSpec.fromJson(text)).ifPresent(spec -> {
            assertRoundTrips(spec);
            assertThat(outcome(text, () -> AlarmDefinition.fromJson(text)).isPresent())
                .isEqualTo(spec instanceof AlarmDefinition);
            assertThat(outcome(text, () -> CompositeAlarmDefinition.fromJson(text)).isPresent())
                .isEqualTo(spec instanceof CompositeAlarmDefinition);
          }));
    }

    @Test
    void arbitraryTextIsReadOrRejected() {
      qt().withExamples(500).forAll(strings(COMPOSITE, GuideFiles.read("high-memory-usage.json"), "{}", "[]", "null"))
          .checkAssert(text -> {
            outcome(text, () -> AlarmSpec.fromJson(text)).ifPresent(MonitoringFuzzTest::assertRoundTrips);
            outcome(text, () -> AlarmDefinition.fromJson(text)).ifPresent(MonitoringFuzzTest::assertRoundTrips);
            outcome(text, () -> CompositeAlarmDefinition.fromJson(text)).ifPresent(MonitoringFuzzTest::assertRoundTrips);
          });
    }
  }

  @Nested
  class AlarmBuilders {
    /** Hostile builder calls, their arguments drawn when generated. */
    private final List<Function<RandomnessSource, Step>> calls = List.of(
        in -> step("name", strings(ALARM_NAMES).generate(in), (b, v) -> b.name(v)),
        in -> step("description", strings("CPU above 80%").generate(in), (b, v) -> b.description(v)),
        in -> step("metric", Arrays.asList(strings("AWS/EC2", ":x").generate(in), strings("CPUUtilization").generate(in)),
            (b, v) -> b.metric(v.get(0), v.get(1))),
        in -> step("dimension", Arrays.asList(strings("InstanceId").generate(in), strings("i-0123").generate(in)),
            (b, v) -> b.dimension(v.get(0), v.get(1))),
        in -> step("dimensions", map(strings("InstanceId").generate(in), strings("i-0123").generate(in), in),
            (b, v) -> b.dimensions(v)),
        in -> step("statistic", pick(Arrays.asList(null, Statistic.AVERAGE, Statistic.UNKNOWN_TO_SDK_VERSION), in),
            (b, v) -> b.statistic(v)),
        in -> step("extendedStatistic", strings("p99", "tm90", "IQM", "PR(10:)", "p99.9999999999").generate(in),
            (b, v) -> b.extendedStatistic(v)),
        in -> step("percentile", doubles().generate(in), (b, v) -> b.percentile(v)),
        in -> step("period", durations().generate(in), (b, v) -> b.period(v)),
        in -> step("unit", pick(Arrays.asList(null, StandardUnit.PERCENT, StandardUnit.UNKNOWN_TO_SDK_VERSION), in),
            (b, v) -> b.unit(v)),
        in -> step("evaluationPeriods", ints().generate(in), (b, v) -> b.evaluationPeriods(v)),
        in -> step("period+evaluationPeriods", Arrays.asList(durations().generate(in), ints().generate(in)),
            (b, v) -> b.period((Duration) v.get(0)).evaluationPeriods((Integer) v.get(1))),
        in -> step("datapointsToAlarm", orNull(ints()).generate(in), (b, v) -> b.datapointsToAlarm(v)),
        in -> step("threshold", doubles().generate(in), (b, v) -> b.threshold(v)),
        in -> step("comparisonOperator", pick(Arrays.asList(ComparisonOperator.values()), in),
            (b, v) -> b.comparisonOperator(v)),
        in -> step("comparisonOperator", null, (b, v) -> b.comparisonOperator(null)),
        in -> step("treatMissingData", pick(Arrays.asList(null, TreatMissingData.IGNORE), in), (b, v) -> b.treatMissingData(v)),
        in -> step("evaluateLowSampleCountPercentile", strings("evaluate", "ignore").generate(in),
            (b, v) -> b.evaluateLowSampleCountPercentile(v)),
        in -> step("metricQuery", pick(Arrays.asList(null, query(in)), in), (b, v) -> b.metricQuery(v)),
        in -> step("metricQueries", Arrays.asList(query(in), pick(Arrays.asList(null, query(in)), in)),
            (b, v) -> b.metricQueries(v)),
        in -> step("thresholdMetricId", strings("m1", "e1").generate(in), (b, v) -> b.thresholdMetricId(v)),
        in -> step("alarmAction", strings(ARN_TEXTS).generate(in), (b, v) -> b.alarmAction(v)),
        in -> step("alarmActions", pick(Arrays.asList(null, new Arn[] {null}, new Arn[0]), in), (b, v) -> b.alarmActions(v)),
        in -> step("okActions", pick(Arrays.asList(null, Arn.parse(ARN_TEXTS[1])), in),
            (b, v) -> b.okActions(Arn.parse(ARN_TEXTS[0]), v)),
        in -> step("insufficientDataActions", null, (b, v) -> b.insufficientDataActions((Arn[]) null)),
        in -> step("tag", Arrays.asList(strings("team", "aws:x").generate(in), strings("ops").generate(in)),
            (b, v) -> b.tag(v.get(0), v.get(1))),
        in -> step("tags", map(strings("team").generate(in), strings("ops").generate(in), in), (b, v) -> b.tags(v)),
        in -> step("clearActions", Generate.booleans().generate(in), (b, v) -> b.clearActions().actionsEnabled(v)));

    private MetricQuery query(RandomnessSource in) {
      return outcome("query", () -> new MetricQuery(strings("m1", "e1").generate(in),
          pick(Arrays.asList(null, stat(in)), in), strings("m1 * 2", "ANOMALY_DETECTION_BAND(m1, 2)").generate(in),
          strings("label").generate(in), Generate.booleans().generate(in), pick(Arrays.asList(null,
              durations().generate(in)), in), strings("123456789012").generate(in)))
          .orElseGet(() -> MetricQuery.expression("e9", "1"));
    }

    private MetricStatistic stat(RandomnessSource in) {
      return outcome("stat", () -> MetricStatistic.ofStat(strings("AWS/EC2").generate(in), strings("CPUUtilization").generate(in),
          map(strings("Host").generate(in), strings("a").generate(in), in), durations().generate(in),
          strings("Average", "p99", "TM(10%:90%)").generate(in),
          pick(Arrays.asList(null, StandardUnit.COUNT, StandardUnit.UNKNOWN_TO_SDK_VERSION), in)))
          .orElseGet(() -> MetricStatistic.of("AWS/EC2", "CPUUtilization", Statistic.AVERAGE, Duration.ofMinutes(5)));
    }

    @Test
    void hostileCallsOnValidBuildersBuildOrAreRejectedAndWhatIsBuiltRoundTrips() {
      Gen<AlarmDefinition> definitions = AlarmGenerators.definitions();
      Gen<Attempt<AlarmDefinition>> attempts = in -> {
        AlarmDefinition valid = definitions.generate(in);
        List<Step> steps = new ArrayList<>();
        for (int i = Generate.range(1, 3).generate(in); i > 0; i--) {
          steps.add(pick(calls, in).apply(in));
        }
        return new Attempt<>(valid + " then " + steps, () -> {
          AlarmDefinition.Builder b = valid.toBuilder();
          for (Step step : steps) {
            b = step.apply().apply(b);
          }
          return b.build();
        });
      };
      qt().withExamples(2000).forAll(attempts).checkAssert(attempt ->
          outcome(attempt, attempt.call()).ifPresent(MonitoringFuzzTest::assertRoundTrips));
    }

    @Test
    void compositeAlarmsAndRulesBuildOrAreRejected() {
      qt().withExamples(800).forAll(strings(ALARM_NAMES), strings("ALARM(\"a\") OR OK(b)", "TRUE"), Generate.range(0, 5))
          .checkAssert((name, ruleText, shape) -> outcome(name + " " + ruleText + " " + shape, () -> {
            AlarmRule rule = switch (shape) {
              case 0 -> AlarmRule.of(ruleText);
              case 1 -> AlarmRule.alarm(name);
              case 2 -> AlarmRule.allOf(AlarmRule.ok(name), AlarmRule.of(ruleText));
              case 3 -> AlarmRule.anyOf(AlarmRule.insufficientData(name), null);
              case 4 -> AlarmRule.not(AlarmRule.of(ruleText));
              default -> AlarmRule.not(null);
            };
            rule.alarmNames();
            return Alarms.defineComposite(name).rule(rule).alarmAction(ARN_TEXTS[0]).tag("team", name).build();
          }).ifPresent(MonitoringFuzzTest::assertRoundTrips));
    }

    @Test
    void markersPresetsAndTreatmentsAcceptOrReject() {
      qt().withExamples(500).forAll(strings("managed-by", "opskit-", "aws:x"), strings("opskit", "prod-database"))
          .checkAssert((a, b) -> {
            outcome(a, () -> ManagedBy.tag(a, b)).ifPresent(m -> assertThat(m.markerTags()).containsEntry(a, b));
            outcome(a, () -> ManagedBy.prefix(a)).ifPresent(m -> assertThat(m.manages(a + b, Map.of())).isTrue());
            outcome(a, () -> TreatMissingData.of(a)).ifPresent(t -> assertThat(TreatMissingData.of(t.value())).isEqualTo(t));
            outcome(b, () -> AlarmPresets.rds(b).all()).ifPresent(all -> all.forEach(MonitoringFuzzTest::assertRoundTrips));
            outcome(b, () -> AlarmPresets.ecs(a, b).get(b));
            outcome(b, () -> AlarmPresets.lambda(b).get(a));
          });
    }
  }

  @Nested
  class Dashboards {
    private final Gen<String> bodies = in -> Generate.range(0, 1).generate(in) == 0
        ? GuideFiles.read("core-metrics-dashboard.json")
        : dashboard(in).bodyJson();

    private DashboardDefinition dashboard(RandomnessSource in) {
      DashboardDefinition.Builder b = dev.opskit.monitoring.dashboard.Dashboards.define("ops")
          .widget(Widget.text("# Production").size(24, 2))
          .widget(Widget.metric().metric("AWS/EC2", "CPUUtilization", "InstanceId", "i-1").region("us-east-1")
              .period(Duration.ofMinutes(5)).stat("Average").property("yAxis", Map.of("left", Map.of("min", 0))).build())
          .widget(Widget.alarmStatus("Critical", List.of(Arn.parse(ARN_TEXTS[2]))));
      if (Generate.booleans().generate(in)) {
        b.option("periodOverride", "inherit").option("start", "-PT6H");
      }
      return b.build();
    }

    @Test
    void mutatedBodiesAreReadOrRejectedAndWhatIsReadRoundTrips() {
      qt().withExamples(800).forAll(json(bodies, "widgets", "properties", "x", "width", "periodOverride"), strings("ops", "infrastructure-overview")).checkAssert((body, name) ->
          outcome(body, () -> DashboardDefinition.fromBodyJson(name, body)).ifPresent(MonitoringFuzzTest::assertRoundTrips));
    }

    @Test
    void hostileWidgetsAndOptionsBuildOrAreRejectedAndWhatIsBuiltRoundTrips() {
      Gen<String> types = strings("custom", "metric", "text");
      Gen<Attempt<DashboardDefinition>> attempts = in -> {
        Object value = plain(in, 0);
        Object option = plain(in, 0);
        String type = types.generate(in);
        int shape = Generate.range(0, 6).generate(in);
        Duration period = durations().generate(in);
        List<Integer> numbers = Hostile.several(ints(), 4).generate(in);
        return new Attempt<>("shape " + shape + ": " + Hostile.describe(type) + ", " + Hostile.describe(value) + ", "
            + Hostile.describe(option) + ", " + period + ", " + numbers, () -> {
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("p", value);
          properties.put("region", "us-east-1");
          Widget widget = switch (shape) {
            case 0 -> Widget.of(type, properties);
            case 1 -> Widget.text(type);
            case 2 -> Widget.alarmStatus(type, Arrays.asList(Arn.parse(ARN_TEXTS[2]), null));
            case 3 -> Widget.metric().metric("AWS/EC2", type, "InstanceId", null).region("us-east-1").build();
            case 4 -> Widget.metric().metric("AWS/EC2", "CPUUtilization").period(period).region(type)
                .property(type, value).build();
            case 5 -> Widget.text("x").size(numbers.get(0), numbers.get(1)).at(numbers.get(2), numbers.get(3));
            default -> Widget.of("custom", properties).at(0, numbers.get(0));
          };
          return dev.opskit.monitoring.dashboard.Dashboards.define("ops").widget(widget).widget(Widget.text("below"))
              .option(type, option).build();
        });
      };
      qt().withExamples(1500).forAll(attempts).checkAssert(attempt ->
          outcome(attempt, attempt.call()).ifPresent(MonitoringFuzzTest::assertRoundTrips));
    }
  }

  /** A builder call with its argument, described. */
  record Step(String description, UnaryOperator<AlarmDefinition.Builder> apply) {
    @Override
    public String toString() {
      return description;
    }
  }

  static <V> Step step(String name, V argument, BiFunction<AlarmDefinition.Builder, V, AlarmDefinition.Builder> call) {
    return new Step(name + "(" + Hostile.describe(argument) + ")", b -> call.apply(b, argument));
  }

  /** A random plain JSON value, or something that only looks like one. */
  static Object plain(RandomnessSource in, int depth) {
    int kind = Generate.range(0, 17).generate(in);
    switch (kind) {
      case 0 -> {
        return null;
      }
      case 1 -> {
        return strings("x", "us-east-1").generate(in);
      }
      case 2 -> {
        return ints().generate(in);
      }
      case 3 -> {
        return Hostile.longs().generate(in);
      }
      case 4 -> {
        return doubles().generate(in);
      }
      case 5 -> {
        return (float) (double) doubles().generate(in);
      }
      case 6 -> {
        return new BigDecimal(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in)).scaleByPowerOfTen(
            Generate.range(-400, 400).generate(in));
      }
      case 7 -> {
        return BigInteger.TEN.pow(Generate.range(0, 1_200).generate(in)).negate();
      }
      case 8 -> {
        return Generate.booleans().generate(in);
      }
      case 9, 10 -> {
        if (depth > 4) {
          return "leaf";
        }
        List<Object> list = new ArrayList<>();
        for (int i = Generate.range(0, 3).generate(in); i > 0; i--) {
          list.add(plain(in, depth + 1));
        }
        return list;
      }
      case 11, 12 -> {
        if (depth > 4) {
          return 1;
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = Generate.range(0, 3).generate(in); i > 0; i--) {
          map.put(strings("k", "metrics").generate(in), plain(in, depth + 1));
        }
        return map;
      }
      case 13 -> {
        Object deep = "x";
        for (int i = pick(List.of(99, 100, 101, 5_000, 100_000), in); i > 0; i--) {
          deep = List.of(deep);
        }
        return deep;
      }
      case 14 -> {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        return cyclic;
      }
      case 15 -> {
        return Duration.ofMinutes(5);
      }
      case 16 -> {
        return new java.util.concurrent.atomic.AtomicInteger(3);
      }
      default -> {
        return map(Generate.booleans().generate(in) ? null : "k", "v", in);
      }
    }
  }

  /** A map of one entry, its key or value possibly null; or null. */
  static <V> Map<String, V> map(String key, V value, RandomnessSource in) {
    if (Generate.range(0, 9).generate(in) == 0) {
      return null;
    }
    Map<String, V> m = new HashMap<>();
    m.put(key, value);
    return m;
  }
}
