package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class AlarmJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Nested
  class GuideBlocks {
    @Test
    void highCpuLoadsAsIs() {
      AlarmDefinition cpu = AlarmDefinition.fromJson(GuideFiles.read("high-cpu-utilization.json"));

      assertThat(cpu.name()).isEqualTo("HighCPUUtilization");
      assertThat(cpu.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
      assertThat(cpu.evaluationPeriods()).isEqualTo(2);
      assertThat(cpu.metricName()).isEqualTo("CPUUtilization");
      assertThat(cpu.namespace()).isEqualTo("AWS/EC2");
      assertThat(cpu.period()).isEqualTo(Duration.ofMinutes(5));
      assertThat(cpu.statistic()).isEqualTo(Statistic.AVERAGE);
      assertThat(cpu.threshold()).isEqualTo(80.0);
      assertThat(cpu.actionsEnabled()).isTrue();
      assertThat(cpu.alarmActions()).containsExactly(Arn.parse("arn:aws:sns:us-east-1:123456789012:critical-alerts"));
    }

    @Test
    void databaseConnectionFailuresLoadsAsIs() {
      AlarmDefinition db = AlarmDefinition.fromJson(GuideFiles.read("database-connection-failures.json"));

      assertThat(db.name()).isEqualTo("DatabaseConnectionFailures");
      assertThat(db.namespace()).isEqualTo("AWS/RDS");
      assertThat(db.metricName()).isEqualTo("DatabaseConnections");
      assertThat(db.statistic()).isEqualTo(Statistic.MAXIMUM);
      assertThat(db.period()).isEqualTo(Duration.ofMinutes(1));
      assertThat(db.evaluationPeriods()).isEqualTo(1);
      assertThat(db.alarmActions()).isEmpty();
    }

    @Test
    void highMemoryLoadsAsIs() {
      AlarmDefinition memory = AlarmDefinition.fromJson(GuideFiles.read("high-memory-usage.json"));

      assertThat(memory.namespace()).isEqualTo("CWAgent");
      assertThat(memory.threshold()).isEqualTo(70.0);
      assertThat(memory.evaluationPeriods()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"high-cpu-utilization.json", "database-connection-failures.json", "high-memory-usage.json"})
    void writesBackEveryFieldOfTheBlockWithTheSameValue(String file) throws Exception {
      String block = GuideFiles.read(file);
      JsonNode written = MAPPER.readTree(AlarmDefinition.fromJson(block).toJson());
      ObjectNode original = (ObjectNode) MAPPER.readTree(block);

      for (Map.Entry<String, JsonNode> field : original.properties()) {
        assertThat(written.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
      }
      ObjectNode sameShape = original.deepCopy();
      if (!sameShape.has("ActionsEnabled")) {
        sameShape.put("ActionsEnabled", true);   // AWS's default, always written explicitly
      }
      assertThat(written).isEqualTo(sameShape);
      assertThat(AlarmDefinition.fromJson(written.toString())).isEqualTo(AlarmDefinition.fromJson(block));
    }

    @Test
    void presetsAreTheGuideBlocks() {
      assertThat(AlarmPresets.guide()).containsExactly(
          AlarmDefinition.fromJson(GuideFiles.read("high-cpu-utilization.json")),
          AlarmDefinition.fromJson(GuideFiles.read("database-connection-failures.json")),
          AlarmDefinition.fromJson(GuideFiles.read("high-memory-usage.json")));
      assertThat(AlarmPresets.highMemoryUsage().name()).isEqualTo("HighMemoryUsage");
    }
  }

  @Nested
  class Rejections {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"AlarmName\":\"a\",\"Colour\":\"red\"}|Invalid Colour: 'unknown field'",
        "{\"AlarmName\":\"a\",\"Period\":\"300\"}|Invalid Period: '\"300\"'. Allowed: a whole number",
        "{\"AlarmName\":\"a\",\"EvaluationPeriods\":1.5}|Invalid EvaluationPeriods: '1.5'. Allowed: a whole number",
        "{\"AlarmName\":\"a\",\"Statistic\":\"Mean\",\"EvaluationPeriods\":1}|Invalid Statistic: 'Mean'. Allowed: one of SampleCount, Average, Sum, Minimum, Maximum",
        "{\"AlarmName\":\"a\",\"AlarmActions\":[\"not-an-arn\"]}|Invalid AlarmActions: 'not-an-arn'. Allowed: ARNs",
        "[1,2]|Invalid alarm JSON: '[1,2]'. Allowed: a JSON object",
        "{\"AlarmName\":|Invalid alarm JSON",
        "{\"EvaluationPeriods\":1}|Invalid AlarmName: null. Allowed: a string (required)",
        "{\"AlarmName\":\"a\",\"Dimensions\":[{\"Name\":\"x\"}]}|Invalid Dimensions.Value: null"})
    void malformedJsonIsAValidationErrorNamingTheField(String json, String message) {
      assertThatThrownBy(() -> AlarmDefinition.fromJson(json))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith(message);
    }

    @Test
    void nullJsonIsAValidationErrorForEveryReader() {
      String message = "Invalid alarm JSON: null. Allowed: a JSON object";

      assertThatThrownBy(() -> AlarmDefinition.fromJson(null)).isExactlyInstanceOf(ValidationException.class).hasMessage(message);
      assertThatThrownBy(() -> AlarmSpec.fromJson(null)).isExactlyInstanceOf(ValidationException.class).hasMessage(message);
      assertThatThrownBy(() -> CompositeAlarmDefinition.fromJson(null))
          .isExactlyInstanceOf(ValidationException.class).hasMessage(message);
    }

    @Test
    void aThresholdBeyondTheDoublesIsAValidationErrorOfTheJson() {
      String json = "{\"AlarmName\":\"a\",\"MetricName\":\"m\",\"Namespace\":\"n\",\"Statistic\":\"Average\","
          + "\"Period\":60,\"EvaluationPeriods\":1,\"ComparisonOperator\":\"GreaterThanThreshold\",\"Threshold\":1e400}";

      assertThatThrownBy(() -> AlarmDefinition.fromJson(json)).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid Threshold: 'Infinity'. Allowed: a finite number");
    }

    @Test
    // The point is a count of seconds just past Integer.MAX_VALUE; in minutes it would hide that.
    @SuppressWarnings("CanonicalDuration")
    void aMetricStatPeriodItsJsonCannotHoldIsRejected() {
      Duration huge = Duration.ofSeconds(2_147_483_700L);

      assertThatThrownBy(() -> Alarms.define("a")
              .metricQuery(MetricQuery.metric("m1", MetricStatistic.of("AWS/EC2", "CPUUtilization", Statistic.AVERAGE, Duration.ofMinutes(5))))
              .metricQuery(MetricQuery.metric("m2", MetricStatistic.of("AWS/EC2", "NetworkIn", Statistic.SUM, huge)).withReturnData(false))
              .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(1).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid MetricStat.Period: 'PT596523H15M'. Allowed: 10, 20 or 30 seconds or a positive multiple of 60"
              + " seconds up to 2147483640 (such as Duration.ofMinutes(5))");
    }

    @Test
    void aCompositeIsNotAMetricAlarm() {
      String composite = "{\"AlarmName\":\"c\",\"AlarmRule\":\"ALARM(\\\"a\\\")\"}";

      assertThatThrownBy(() -> AlarmDefinition.fromJson(composite))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid AlarmRule");
      assertThat(AlarmSpec.fromJson(composite)).isInstanceOf(CompositeAlarmDefinition.class);
    }
  }

  @Nested
  class RoundTrip {
    @Test
    void everyValidDefinitionRoundTripsThroughJson() {
      qt().withExamples(500).forAll(AlarmGenerators.definitions())
          .check(d -> AlarmDefinition.fromJson(d.toJson()).equals(d) && AlarmSpec.fromJson(d.toJson()).equals(d));
    }

    @Test
    void toBuilderBuildsAnEqualDefinition() {
      qt().withExamples(300).forAll(AlarmGenerators.definitions())
          .check(d -> d.toBuilder().build().equals(d) && d.toBuilder().build().hashCode() == d.hashCode());
    }

    @Test
    void compositeAlarmsRoundTrip() {
      CompositeAlarmDefinition c = Alarms.defineComposite("HostUnderPressure")
          .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"),
              AlarmRule.not(AlarmRule.ok("HighMemoryUsage"))))
          .description("CPU and memory")
          .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
          .tag("team", "ops")
          .build();

      assertThat(c.alarmRule().expression())
          .isEqualTo("(ALARM(\"HighCPUUtilization\") AND NOT (OK(\"HighMemoryUsage\")))");
      assertThat(CompositeAlarmDefinition.fromJson(c.toJson())).isEqualTo(c);
      assertThat(c.toBuilder().build()).isEqualTo(c);
    }
  }
}
