package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class AlarmDefinitionTest {

  static AlarmDefinition.Builder cpu() {
    return Alarms.define("HighCPUUtilization")
        .metric("AWS/EC2", "CPUUtilization")
        .statistic(Statistic.AVERAGE)
        .period(Duration.ofMinutes(5))
        .evaluationPeriods(2)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .threshold(80.0);
  }

  @Test
  void theBuilderMakesTheGuidesAlarm() {
    AlarmDefinition built = cpu().alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts").build();

    assertThat(built).isEqualTo(AlarmPresets.highCpuUtilization());
    assertThat(built.toString()).contains("\"AlarmName\":\"HighCPUUtilization\"");
  }

  @Test
  void actionsCompareAsSets() {
    Arn a = Arn.parse("arn:aws:sns:us-east-1:123456789012:a");
    Arn b = Arn.parse("arn:aws:sns:us-east-1:123456789012:b");

    assertThat(cpu().alarmActions(a, b).build()).isEqualTo(cpu().alarmActions(b, a).build());
  }

  @Test
  void percentilesAreExtendedStatistics() {
    AlarmDefinition p = cpu().percentile(99.9).build();

    assertThat(p.extendedStatistic()).isEqualTo("p99.9");
    assertThat(p.statistic()).isNull();
    assertThat(cpu().percentile(99).build().extendedStatistic()).isEqualTo("p99");
  }

  @Test
  void metricMathAlarmsHaveNoMetricOfTheirOwn() {
    AlarmDefinition errorRate = Alarms.define("ApiErrorRate")
        .metricQuery(MetricQuery.metric("errors", MetricStatistic.of("AWS/Lambda", "Errors", Statistic.SUM, Duration.ofMinutes(5)))
            .withReturnData(false))
        .metricQuery(MetricQuery.metric("calls", MetricStatistic.of("AWS/Lambda", "Invocations", Statistic.SUM, Duration.ofMinutes(5)))
            .withReturnData(false))
        .metricQuery(MetricQuery.expression("rate", "100 * errors / calls").withLabel("Error rate"))
        .evaluationPeriods(3)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .threshold(5)
        .build();

    assertThat(errorRate.metrics()).hasSize(3);
    assertThat(errorRate.toJson()).contains("\"Expression\" : \"100 * errors / calls\"").doesNotContain("\"Period\" : 300,\n  \"Unit\"");
  }

  @Test
  void everyStateTakesAnActionAsArnText() {
    AlarmDefinition cpu = cpu()
        .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
        .okAction("arn:aws:sns:us-east-1:123456789012:all-clear")
        .insufficientDataAction("arn:aws:sns:us-east-1:123456789012:monitoring-gaps")
        .build();

    assertThat(cpu.okActions()).containsExactly(Arn.parse("arn:aws:sns:us-east-1:123456789012:all-clear"));
    assertThat(cpu.insufficientDataActions())
        .containsExactly(Arn.parse("arn:aws:sns:us-east-1:123456789012:monitoring-gaps"));
    assertThat(AlarmDefinition.fromJson(cpu.toJson())).isEqualTo(cpu);
  }

  @Test
  void aMetricStatisticHasAStatisticOrAnExtendedStatisticTypedLikeTheAlarms() {
    MetricStatistic average = MetricStatistic.of("AWS/EC2", "CPUUtilization", Statistic.AVERAGE, Duration.ofMinutes(5));
    MetricStatistic p99 = MetricStatistic.extended("AWS/ApplicationELB", "TargetResponseTime", "p99",
        Duration.ofMinutes(1));

    assertThat(average.statistic()).isEqualTo(Statistic.AVERAGE);
    assertThat(average.stat()).isEqualTo("Average");
    assertThat(p99.statistic()).isNull();
    assertThat(p99.stat()).isEqualTo("p99");
    AlarmDefinition latency = Alarms.define("LatencyP99")
        .metricQuery(MetricQuery.metric("m1", p99))
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(2).build();
    assertThat(latency.toJson()).contains("\"Stat\" : \"p99\"");
    assertThat(AlarmDefinition.fromJson(latency.toJson())).isEqualTo(latency);
    assertThatThrownBy(() -> new MetricStatistic("AWS/EC2", "CPUUtilization", java.util.Map.of(), Duration.ofMinutes(1),
        Statistic.AVERAGE, "p99", null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricStat.Stat: 'Average/p99'. Allowed: exactly one of a statistic and an extended"
            + " statistic (a percentile such as p99)");
    assertThatThrownBy(() -> MetricStatistic.extended("AWS/EC2", "CPUUtilization", "p101", Duration.ofMinutes(1)))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricStat.Stat: 'p101'. Allowed: a percentile p0.0 to p100 or a trimmed statistic such as tm90");
    assertThatThrownBy(() -> MetricStatistic.of("AWS/EC2", "CPUUtilization", Statistic.UNKNOWN_TO_SDK_VERSION,
        Duration.ofMinutes(1)))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricStat.Stat: 'UNKNOWN_TO_SDK_VERSION'. Allowed: SampleCount, Average, Sum, Minimum or Maximum");
  }

  @Test
  void anomalyDetectionAlarmsCompareWithTheBand() {
    AlarmDefinition anomaly = Alarms.define("LatencyAnomaly")
        .metricQuery(MetricQuery.metric("m1", MetricStatistic.of("AWS/ApplicationELB", "TargetResponseTime",
            Statistic.AVERAGE, Duration.ofMinutes(5))))
        .metricQuery(MetricQuery.expression("ad1", "ANOMALY_DETECTION_BAND(m1, 2)"))
        .thresholdMetricId("ad1")
        .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)
        .evaluationPeriods(3)
        .build();

    assertThat(anomaly.threshold()).isNull();
    assertThat(AlarmDefinition.fromJson(anomaly.toJson())).isEqualTo(anomaly);
  }

  @Test
  void resultValuesMadeWithoutTheirRequiredPartsAreValidationErrors() {
    assertThatThrownBy(() -> new dev.opskit.monitoring.dashboard.DashboardSummary(null, null, null, null))
        .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid name: null. Allowed: a value (required)");
  }

  @Test
  void compositeRulesAndMarkersRejectAbsentParts() {
    assertThatThrownBy(() -> AlarmRule.not(null)).isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid AlarmRule: null. Allowed: a rule to negate");
    assertThatThrownBy(() -> AlarmRule.allOf(AlarmRule.alarm("a"), null)).isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid AlarmRule: '[ALARM(\"a\"), null]'. Allowed: at least one rule, without null elements");
    assertThatThrownBy(() -> AlarmRule.anyOf((AlarmRule[]) null)).isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid AlarmRule: null. Allowed: at least one rule");
    assertThatThrownBy(() -> Alarms.defineComposite("c").rule(null)).isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid AlarmRule: null.");
    assertThatThrownBy(() -> ManagedBy.tag("managed-by", null)).isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid managedBy.managed-by: null. Allowed: 0 to 256 letters, digits, spaces and _.:/=+-@");
    assertThatThrownBy(() -> ManagedBy.tag(null, "opskit")).isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid managedBy.key: null. Allowed: 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with aws:");
    assertThatThrownBy(() -> MetricStatistic.of("AWS/EC2", "CPUUtilization", Statistic.AVERAGE, Duration.ofMinutes(1))
            .withDimension("InstanceId", null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricStat.Dimensions.InstanceId: null. Allowed: a dimension value");
    assertThatThrownBy(() -> new MetricStatistic("AWS/EC2", "CPUUtilization", null, Duration.ofMinutes(1), Statistic.AVERAGE, null,
        null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricStat.Dimensions: null. Allowed: a map of dimension names to values (may be empty)");
  }

  @Test
  void aRuleNamesTheAlarmsItRefersTo() {
    AlarmRule rule = AlarmRule.of("(ALARM(\"HighCPUUtilization\") OR OK( HighMemoryUsage )) AND NOT "
        + "INSUFFICIENT_DATA(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:Db:Connections\") AND ALARM(\"HighCPUUtilization\")");

    assertThat(rule.alarmNames()).containsExactly("HighCPUUtilization", "HighMemoryUsage", "Db:Connections");
    assertThat(AlarmRule.of("TRUE").alarmNames()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        rule("AlarmName", "Invalid AlarmName: ''. Allowed: 1 to 255 characters", b -> b.name("")),
        rule("AlarmName", "Allowed: 1 to 255 characters", b -> b.name("x".repeat(256))),
        rule("AlarmName", "Allowed: no ASCII control characters", b -> b.name("bad\nname")),
        rule("Period", "Invalid Period: 'PT45S'. Allowed: 10, 20 or 30 seconds or a positive multiple of 60 seconds",
            b -> b.period(Duration.ofSeconds(45))),
        rule("Period", "Invalid Period: 'PT0S'", b -> b.period(Duration.ZERO)),
        rule("Period", "Invalid Period: null", b -> b.period(null)),
        rule("EvaluationPeriods", "Invalid EvaluationPeriods: '289'. Allowed: at most 288 periods of 300 s: an evaluation window of at most one day",
            b -> b.evaluationPeriods(289)),
        rule("EvaluationPeriods", "Invalid EvaluationPeriods: '0'. Allowed: at least 1", b -> b.evaluationPeriods(0)),
        rule("EvaluationPeriods", "Invalid EvaluationPeriods: '169'. Allowed: at most 168 periods of 3600 s: an evaluation window of at most seven days",
            b -> b.period(Duration.ofHours(1)).evaluationPeriods(169)),
        rule("DatapointsToAlarm", "Invalid DatapointsToAlarm: '3'. Allowed: 1 to EvaluationPeriods (2)",
            b -> b.datapointsToAlarm(3)),
        rule("Metric.Dimensions", "Allowed: at most 30 dimensions", b -> {
          for (int i = 0; i < 31; i++) {
            b.dimension("d" + i, "v");
          }
          return b;
        }),
        rule("AlarmActions", "Allowed: at most 5 actions", b -> {
          for (int i = 0; i < 6; i++) {
            b.alarmActions(Arn.parse("arn:aws:sns:us-east-1:123456789012:t" + i));
          }
          return b;
        }),
        rule("Statistic", "Allowed: exactly one of Statistic and ExtendedStatistic", b -> b.statistic(null)),
        rule("ExtendedStatistic", "Invalid ExtendedStatistic: 'p101'", b -> b.extendedStatistic("p101")),
        rule("Metric.Namespace", "Invalid Metric.Namespace: null", b -> b.metric(null, "CPUUtilization")),
        rule("ComparisonOperator", "Invalid ComparisonOperator: 'GreaterThanUpperThreshold'. Allowed: one of [GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold] with a static Threshold",
            b -> b.comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)),
        rule("Threshold", "Invalid Threshold: 'NaN'. Allowed: a finite number", b -> b.threshold(Double.NaN)),
        rule("Tags.key", "Invalid Tags.key: 'aws:owner'", b -> b.tag("aws:owner", "me")),
        rule("Metrics", "Allowed: either Metrics or MetricName/Namespace/Statistic/Period, not both",
            b -> b.metricQuery(MetricQuery.expression("e1", "1"))),
        rule("Metrics.ReturnData", "Allowed: exactly one entry with ReturnData true", b -> b.metric(null, null)
            .statistic(null).period(null).metricQuery(MetricQuery.expression("e1", "1"))
            .metricQuery(MetricQuery.expression("e2", "2"))),
        rule("Period", "Invalid Period: 'PT1193046H29M'. Allowed: 10, 20 or 30 seconds or a positive multiple of 60 seconds"
                + " up to 2147483640", b -> b.period(Duration.ofSeconds(4_294_967_340L)).evaluationPeriods(Integer.MAX_VALUE)),
        rule("EvaluationPeriods", "Invalid EvaluationPeriods: '2147483647'. Allowed: at most 168 periods of 3600 s",
            b -> b.period(Duration.ofHours(1)).evaluationPeriods(Integer.MAX_VALUE)),
        rule("Tags.key", "Invalid Tags.key: null. Allowed: 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with aws:",
            b -> b.tag(null, "x")),
        rule("Tags.team", "Invalid Tags.team: null. Allowed: 0 to 256 letters, digits, spaces and _.:/=+-@",
            b -> b.tag("team", null)),
        rule("Tags.key", "Invalid Tags.key: 'AWS:team'. Allowed: a key not starting with aws: (in any case), which AWS"
            + " reserves", b -> b.tag("AWS:team", "payments")),
        rule("Tags.team", "Invalid Tags.team: 'pay<ments>'. Allowed: 0 to 256 letters, digits, spaces and _.:/=+-@",
            b -> b.tag("team", "pay<ments>")),
        rule("Tags", "Invalid Tags: '51 tags'. Allowed: at most 50 tags per resource", b -> {
          for (int i = 0; i < 51; i++) {
            b.tag("k" + i, "v");
          }
          return b;
        }),
        rule("OKActions", "Invalid OKActions: 'sns-topic'. Allowed: arn:partition:service:region:account-id:resource",
            b -> b.okAction("sns-topic")),
        rule("InsufficientDataActions", "Invalid InsufficientDataActions: 'sns-topic'.",
            b -> b.insufficientDataAction("sns-topic")),
        rule("AlarmActions", "Invalid AlarmActions: 'sns-topic'.", b -> b.alarmAction("sns-topic")),
        rule("Tags", "Invalid Tags: null", b -> b.tags(null)),
        rule("AlarmActions", "Invalid AlarmActions: '[null]'. Allowed: action ARNs, without null elements",
            b -> b.alarmActions((Arn) null)),
        rule("OKActions", "Invalid OKActions: null. Allowed: action ARNs", b -> b.okActions((Arn[]) null)),
        rule("Dimensions.Name", "Invalid Dimensions.Name: null", b -> b.dimension(null, "i-1")),
        rule("Dimensions", "Invalid Dimensions: null", b -> b.dimensions(null)),
        rule("Metrics", "Invalid Metrics: null. Allowed: a metric-math entry (MetricQuery)", b -> b.metricQuery(null)),
        rule("ThresholdMetricId", "Invalid ThresholdMetricId: 'band'. Allowed: the id of one of the Metrics [e1]",
            b -> b.metric(null, null).statistic(null).period(null).metricQuery(MetricQuery.expression("e1", "1"))
                .thresholdMetricId("band").comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)));
  }

  private static Arguments rule(String field, String message, UnaryOperator<AlarmDefinition.Builder> change) {
    return Arguments.of(field, message, change);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalid")
  void rejectsWhatAwsRejectsNamingTheField(String field, String message, UnaryOperator<AlarmDefinition.Builder> change) {
    assertThatThrownBy(() -> change.apply(cpu()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((ValidationException) e).field()).isEqualTo(field);
  }

  @Nested
  class MetricMathRules {
    private final MetricStatistic errors = MetricStatistic.of("AWS/Lambda", "Errors", Statistic.SUM, Duration.ofMinutes(5));

    @ParameterizedTest
    @ValueSource(strings = {"m1", "errorRate", "e_1", "x"})
    void idsThatStartWithALowerCaseLetterAreAccepted(String id) {
      assertThat(MetricQuery.metric(id, errors).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "M1", "1m", "_m", "m-1", "m 1"})
    void otherIdsAreRejected(String id) {
      assertThatThrownBy(() -> MetricQuery.metric(id, errors))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid Metrics.Id: '" + id + "'. Allowed: a lower-case letter, then letters, digits and "
              + "underscores, at most 255 characters");
    }

    @Test
    void anEntryHasExactlyOneOfMetricStatAndExpression() {
      assertThatThrownBy(() -> new MetricQuery("m1", errors, "m1 * 2", null, true, null, null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid Metrics.m1: 'm1 * 2'. Allowed: exactly one of MetricStat and Expression");
      assertThatThrownBy(() -> new MetricQuery("m1", null, null, null, true, null, null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid Metrics.m1: null. Allowed: exactly one of MetricStat and Expression");
    }

    @Test
    void exactlyOneEntryReturnsData() {
      assertThatThrownBy(() -> Alarms.define("NoResult").metricQuery(MetricQuery.metric("m1", errors).withReturnData(false))
          .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(1).build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid Metrics.ReturnData: '[m1]'. Allowed: exactly one entry with ReturnData true");
    }
  }

  @Nested
  class Properties {
    @Test
    void periodIsAcceptedExactlyWhenAwsWouldAcceptIt() {
      qt().withExamples(1000).forAll(integers().between(-100, 100_000)).check(seconds -> {
        boolean valid = seconds == 10 || seconds == 20 || seconds == 30 || (seconds > 0 && seconds % 60 == 0);
        return valid == accepts(b -> b.period(Duration.ofSeconds(seconds)).evaluationPeriods(1), "Period");
      });
    }

    @Test
    void everyPeriodUpToTwoHoursIsAcceptedExactlyWhenAwsWouldAcceptIt() {
      for (int seconds = -1; seconds <= 7200; seconds++) {
        boolean valid = seconds == 10 || seconds == 20 || seconds == 30 || (seconds > 0 && seconds % 60 == 0);
        int s = seconds;
        assertThat(accepts(b -> b.period(Duration.ofSeconds(s)).evaluationPeriods(1), "Period"))
            .as("period of %d s", s).isEqualTo(valid);
      }
      assertThat(accepts(b -> b.period(Duration.ofSeconds(60).plusMillis(1)), "Period")).isFalse();
    }

    @ParameterizedTest(name = "{0} s x {1}: {2}")
    @CsvSource({"10,8640,true", "10,8641,false", "20,4320,true", "20,4321,false", "30,2880,true", "30,2881,false",
        "60,1440,true", "60,1441,false", "300,288,true", "300,289,false", "3540,24,true", "3540,25,false",
        "3600,168,true", "3600,169,false", "86400,7,true", "86400,8,false"})
    void evaluationWindowBoundaries(int periodSeconds, int periods, boolean valid) {
      assertThat(accepts(b -> b.period(Duration.ofSeconds(periodSeconds)).evaluationPeriods(periods), "EvaluationPeriods"))
          .isEqualTo(valid);
    }

    @Test
    void evaluationWindowIsAcceptedExactlyUpToOneDayOrSevenDaysForHourlyPeriods() {
      qt().withExamples(1000).forAll(integers().between(1, 200), integers().between(-5, 2000)).check((minutes, periods) -> {
        long window = minutes * 60L * periods;
        boolean valid = periods >= 1 && window <= (minutes < 60 ? 86_400 : 604_800);
        return valid == accepts(b -> b.period(Duration.ofMinutes(minutes)).evaluationPeriods(periods), "EvaluationPeriods");
      });
    }

    @Test
    void datapointsToAlarmIsAcceptedExactlyUpToTheEvaluationPeriods() {
      qt().withExamples(500).forAll(integers().between(1, 10), integers().between(-3, 15)).check((periods, points) ->
          (points >= 1 && points <= periods)
              == accepts(b -> b.evaluationPeriods(periods).datapointsToAlarm(points), "DatapointsToAlarm"));
    }

    @Test
    void dimensionsAreAcceptedExactlyUpToThirty() {
      qt().withExamples(60).forAll(integers().between(0, 60)).check(count -> (count <= 30) == accepts(b -> {
        for (int i = 0; i < count; i++) {
          b.dimension("d" + i, "v");
        }
        return b;
      }, "Metric.Dimensions"));
    }

    @Test
    void namesAreAcceptedExactlyWhenAwsWouldAcceptThem() {
      qt().withExamples(1000).forAll(strings().betweenCodePoints(0, 0x2000).ofLengthBetween(0, 300)).check(name -> {
        boolean valid = !name.isEmpty() && name.codePointCount(0, name.length()) <= 255 && !name.isBlank()
            && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return valid == accepts(b -> b.name(name), "AlarmName");
      });
    }

    private boolean accepts(UnaryOperator<AlarmDefinition.Builder> change, String field) {
      try {
        change.apply(cpu()).build();
        return true;
      } catch (ValidationException e) {
        if (!e.field().equals(field)) {
          throw new AssertionError("rejected for " + e.field() + " instead of " + field + ": " + e.getMessage(), e);
        }
        return false;
      }
    }
  }
}
