package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class AlarmPresetsTest {

  static Stream<ServicePresets> everyService() {
    return Stream.of(AlarmPresets.ec2("i-0123456789abcdef0"), AlarmPresets.rds("prod-database"),
        AlarmPresets.alb("app/prod-alb/50dc6c495c0c9188"), AlarmPresets.lambda("api-handler"),
        AlarmPresets.dynamoDb("user-sessions"), AlarmPresets.ecs("prod-cluster", "api-service"),
        AlarmPresets.eks("prod-eks"));
  }

  @ParameterizedTest
  @MethodSource("everyService")
  void everyPresetIsAValidDefinitionOnTheResourcesDimensions(ServicePresets presets) {
    List<AlarmDefinition> all = presets.all();

    assertThat(all).hasSameSizeAs(presets.keys()).isNotEmpty();
    assertThat(all).allSatisfy(d -> {
      assertThat(d.dimensions()).isEqualTo(presets.dimensions());
      assertThat(d.name()).startsWith(String.join("-", presets.dimensions().values()) + "-");
      assertThat(d.description()).isNotBlank();
      assertThat(AlarmDefinition.fromJson(d.toJson())).isEqualTo(d);
    });
    assertThat(all).extracting(AlarmDefinition::name).doesNotHaveDuplicates();
  }

  @Test
  void rdsHighCpuIsAdjustable() {
    AlarmDefinition cpu = AlarmPresets.rds("prod-database").highCpu();

    assertThat(cpu.name()).isEqualTo("prod-database-high-cpu");
    assertThat(cpu.namespace()).isEqualTo("AWS/RDS");
    assertThat(cpu.metricName()).isEqualTo("CPUUtilization");
    assertThat(cpu.dimensions()).isEqualTo(Map.of("DBInstanceIdentifier", "prod-database"));
    assertThat(cpu.statistic()).isEqualTo(Statistic.AVERAGE);
    assertThat(cpu.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(cpu.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(cpu.toBuilder().threshold(90).build().threshold()).isEqualTo(90.0);
  }

  @Test
  void ecsPresetsCarryClusterAndService() {
    AlarmDefinition memory = AlarmPresets.ecs("prod-cluster", "api-service").get("highMemory");

    assertThat(memory.name()).isEqualTo("prod-cluster-api-service-high-memory");
    assertThat(memory.dimensions()).containsExactly(Map.entry("ClusterName", "prod-cluster"),
        Map.entry("ServiceName", "api-service"));
    assertThat(AlarmPresets.eks("prod-eks").highCpu().metricName()).isEqualTo("node_cpu_utilization");
  }

  @Test
  void percentilePresetsUseExtendedStatistics() {
    AlarmDefinition latency = AlarmPresets.alb("app/prod-alb/50dc6c495c0c9188").get("highTargetResponseTime");

    assertThat(latency.extendedStatistic()).isEqualTo("p99");
    assertThat(latency.datapointsToAlarm()).isEqualTo(3);
    assertThat(latency.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
  }

  @Test
  void anUnknownPresetNamesTheKnownOnes() {
    assertThatThrownBy(() -> AlarmPresets.lambda("api-handler").get("coldStarts"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid lambda.preset: 'coldStarts'. Allowed: one of [errors, throttles, highDuration]");
    assertThatThrownBy(() -> AlarmPresets.lambda("api-handler").highCpu())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid lambda.preset: 'highCpu'");
    assertThatThrownBy(() -> AlarmPresets.rds(""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid DBInstanceIdentifier: ''. Allowed: 1 to 200 characters");
  }

  @Test
  void theGuidesAlarmsAreTheGuidesValues() {
    assertThat(AlarmPresets.guide()).extracting(AlarmDefinition::name)
        .containsExactly("HighCPUUtilization", "DatabaseConnectionFailures", "HighMemoryUsage");
    assertThat(AlarmPresets.databaseConnectionFailures().threshold()).isEqualTo(80.0);
    assertThat(AlarmPresets.highCpuUtilization().alarmActions()).hasSize(1);
  }
}
