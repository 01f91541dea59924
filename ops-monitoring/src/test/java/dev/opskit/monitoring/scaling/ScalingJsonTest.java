package dev.opskit.monitoring.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scaling-policy.json shape, and what validation says. */
class ScalingJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String guideFile(String name) {
    try (InputStream in = ScalingJsonTest.class.getResourceAsStream("/guide/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theScalingPolicyJsonLoadsAsIsAndIsWrittenBackTheSame() {
    String file = guideFile("scaling-policy.json");
    TargetTracking c = TargetTracking.fromJson(file);

    assertThat(c).isEqualTo(ScalingPresets.userSessionsRead().policies().get(0).configuration());
    assertThat(c.metric()).isEqualTo(PredefinedMetric.DYNAMODB_READ_CAPACITY_UTILIZATION);
    assertThat(c.scaleOut()).contains(Duration.ofSeconds(60));
    assertThat(c.disableScaleIn()).isNull();
    assertThat(tree(c.toJson())).isEqualTo(tree(file));
  }

  @Test
  void theGuidesDefinitionsRoundTrip() {
    for (ScalingDefinition d : new ScalingDefinition[] {ScalingPresets.userSessionsRead(), ScalingPresets.apiServiceDesiredCount()}) {
      assertThat(ScalingDefinition.fromJson(d.toJson())).isEqualTo(d);
    }
    assertThat(tree(ScalingPresets.apiServiceDesiredCount().toJson())).isEqualTo(tree("""
        {"ServiceNamespace":"ecs","ResourceId":"service/prod-cluster/api-service",
         "ScalableDimension":"ecs:service:DesiredCount","MinCapacity":2,"MaxCapacity":20,"ScalingPolicies":[]}"""));
  }

  @Test
  void aCustomisedMetricIsRefusedSayingWhatIsSupported() {
    assertThatThrownBy(() -> TargetTracking.fromJson("""
        {"TargetValue": 50, "CustomizedMetricSpecification": {"MetricName": "X", "Namespace": "Y", "Statistic": "Average"}}"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid CustomizedMetricSpecification: 'a customised metric'. Allowed: PredefinedMetricSpecification:"
            + " OpsKit manages target tracking on the predefined metrics [DynamoDBReadCapacityUtilization,"
            + " DynamoDBWriteCapacityUtilization, ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization,"
            + " ALBRequestCountPerTarget]");
  }

  @Test
  void anEcsMetricOnADynamoDbTargetIsRefusedNamingTheMetricsThatFit() {
    assertThatThrownBy(() -> ScalingDefinition.of(ScalableTarget.dynamoDbRead("user-sessions", 5, 40000),
        ScalingPolicy.targetTracking("cpu", TargetTracking.of(PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, 70))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid PredefinedMetricType: 'ECSServiceAverageCPUUtilization'. Allowed: a metric that scales"
            + " dynamodb:table:ReadCapacityUnits: [DynamoDBReadCapacityUtilization]");
  }

  @Test
  void capacitiesAndTargetValuesAreChecked() {
    assertThatThrownBy(() -> ScalableTarget.ecsService("prod-cluster", "api-service", 20, 2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid MaxCapacity: '2'. Allowed: at least MinCapacity (20)");
    assertThatThrownBy(() -> ScalableTarget.dynamoDbRead("user-sessions", 0, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid MinCapacity: '0'. Allowed: at least 1 capacity unit for DynamoDB");
    assertThatThrownBy(() -> TargetTracking.of(PredefinedMetric.DYNAMODB_READ_CAPACITY_UTILIZATION, 95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid TargetValue: '95.0'. Allowed: 20 to 90 (percent utilisation) for DynamoDBReadCapacityUtilization");
    assertThatThrownBy(() -> TargetTracking.of(PredefinedMetric.ALB_REQUEST_COUNT_PER_TARGET, 100))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid ResourceLabel: null.");
    assertThatThrownBy(() -> TargetTracking.fromJson("{\"TargetValue\": 70, \"PredefinedMetricSpecification\": "
        + "{\"PredefinedMetricType\": \"DynamoDBReadCapacityUtilization\"}, \"ScaleInCooldown\": -1}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ScaleInCooldown: 'PT-1S'. Allowed: whole seconds from 0 to 31536000 (365 days)");
    assertThatThrownBy(() -> ScalingDefinition.fromJson("{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"table/user-sessions\","
        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":1,\"MaxCapacity\":2}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ServiceNamespace: 'dynamodb'. Allowed: ecs for ecs:service:DesiredCount");
  }
}
