package dev.opskit.monitoring;

import static dev.opskit.monitoring.Hostile.durations;
import static dev.opskit.monitoring.Hostile.ints;
import static dev.opskit.monitoring.Hostile.json;
import static dev.opskit.monitoring.Hostile.outcome;
import static dev.opskit.monitoring.Hostile.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.monitoring.alarm.GuideFiles;
import dev.opskit.monitoring.ecs.ContainerDefinition;
import dev.opskit.monitoring.ecs.EcsService;
import dev.opskit.monitoring.ecs.TaskDefinition;
import dev.opskit.monitoring.performance.DbiResourceId;
import dev.opskit.monitoring.performance.DimensionGroup;
import dev.opskit.monitoring.performance.PiMetricQuery;
import dev.opskit.monitoring.performance.PiRange;
import dev.opskit.monitoring.performance.PiRetention;
import dev.opskit.monitoring.scaling.ManagedPolicies;
import dev.opskit.monitoring.scaling.PredefinedMetric;
import dev.opskit.monitoring.scaling.ScalableDimension;
import dev.opskit.monitoring.scaling.ScalableTarget;
import dev.opskit.monitoring.scaling.ScalingDefinition;
import dev.opskit.monitoring.scaling.ScalingPresets;
import dev.opskit.monitoring.scaling.TargetTracking;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The public parsers and constructors of the Performance Management packages (scaling, performance, ecs) fed hostile
 * input: only {@link dev.opskit.core.ValidationException} comes out, and whatever is accepted round-trips.
 */
class PerformanceFuzzTest {
  private static final String ALB = "{\"TargetValue\": 1000.0, \"PredefinedMetricSpecification\": {\"PredefinedMetricType\":"
      + " \"ALBRequestCountPerTarget\", \"ResourceLabel\": \"app/my-alb/50dc6c495c0c9188/targetgroup/api/943f017f100becff\"},"
      + " \"DisableScaleIn\": true}";
  private static final Gen<String> CONFIGURATIONS = in -> switch (Generate.range(0, 2).generate(in)) {
    case 0 -> GuideFiles.read("scaling-policy.json");
    case 1 -> ALB;
    default -> ScalingPresets.userSessionsRead().policies().get(0).configuration().toJson();
  };
  private static final Gen<String> DEFINITIONS = in -> Generate.range(0, 1).generate(in) == 0
      ? ScalingPresets.userSessionsRead().toJson() : ScalingPresets.apiServiceDesiredCount().toJson();
  private static final String TASK = GuideFiles.read("ecs-task-definition.json");
  private static final String QUERIES = "[{\"Metric\": \"db.load.avg\", \"GroupBy\": {\"Group\": \"db.wait_event\", \"Limit\": 5}},"
      + " {\"Metric\": \"db.SQL.Select.Avg_timer_wait.avg\", \"GroupBy\": {\"Group\": \"db.sql_tokenized\","
      + " \"Dimensions\": [\"db.sql_tokenized.statement\"]}, \"Filter\": {\"db.user.name\": \"app\"}}]";

  @Test
  void scalingJsonIsReadOrRejectedAndWhatIsReadRoundTrips() {
    qt().withExamples(800).forAll(json(CONFIGURATIONS, "TargetValue", "ScaleInCooldown", "PredefinedMetricType"))
        .checkAssert(text -> outcome(text, () -> TargetTracking.fromJson(text))
            .ifPresent(c -> assertThat(TargetTracking.fromJson(c.toJson())).isEqualTo(c)));
    qt().withExamples(800).forAll(json(DEFINITIONS, "ResourceId", "MinCapacity", "ScalingPolicies", "PolicyName"))
        .checkAssert(text -> outcome(text, () -> ScalingDefinition.fromJson(text))
            .ifPresent(d -> assertThat(ScalingDefinition.fromJson(d.toJson())).isEqualTo(d)));
  }

  @Test
  void taskDefinitionJsonIsReadOrRejectedAndWhatIsReadRoundTrips() {
    qt().withExamples(800).forAll(json(in -> TASK, "cpu", "memory", "memoryReservation", "essential", "image"))
        .checkAssert(text -> outcome(text, () -> TaskDefinition.fromJson(text))
            .ifPresent(t -> assertThat(TaskDefinition.fromJson(t.toJson())).isEqualTo(t)));
    qt().withExamples(300).forAll(strings(TASK, "{}", "[]", "null"))
        .checkAssert(text -> outcome(text, () -> TaskDefinition.fromJson(text)));
  }

  @Test
  void metricQueryJsonIsReadOrRejected() {
    qt().withExamples(800).forAll(json(in -> QUERIES, "Group", "Dimensions", "Limit", "Metric"))
        .checkAssert(text -> outcome(text, () -> PiMetricQuery.listFromJson(text))
            .ifPresent(q -> assertThat(q).isNotEmpty()));
  }

  @Test
  void constructorsAcceptOrRejectHostileValues() {
    List<ScalableDimension> dims = List.of(ScalableDimension.values());
    qt().withExamples(1000).forAll(strings("table/user-sessions", "service/prod-cluster/api-service"), ints(), ints(),
        Generate.range(0, dims.size()))
        .checkAssert((id, min, max, d) -> {
          outcome(id, () -> new ScalableTarget(d == dims.size() ? null : dims.get(d), id, min, max));
          outcome(id, () -> ScalableTarget.dynamoDbRead(id, min, max));
          outcome(id, () -> ScalableTarget.ecsService(id, id, min, max));
          outcome(id, () -> ScalableDimension.of(id));
          outcome(id, () -> PredefinedMetric.of(id));
          outcome(id, () -> ManagedPolicies.prefix(id));
          outcome(id, () -> DimensionGroup.of(id));
          outcome(id, () -> DbiResourceId.of(id));
          outcome(id, () -> PiMetricQuery.of(id));
          outcome(id, () -> EcsService.of(id, "api-service"));
          outcome(id, () -> PiRetention.days(min));
          outcome(id, () -> new ContainerDefinition(id, id, min, max, min, null));
          outcome(id, () -> new TaskDefinition(id, min, max, List.of(ContainerDefinition.of("api", 256, 512)), List.of()));
        });
    qt().withExamples(500).forAll(durations(), durations())
        .checkAssert((a, b) -> {
          outcome(a, () -> new PiRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), a));
          outcome(a, () -> PiRange.last(Instant.EPOCH.plusSeconds(86_400 * 1000L), a, b));
          outcome(a, () -> TargetTracking.of(PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, 50)
              .withScaleInCooldown(a).withScaleOutCooldown(b));
        });
  }
}
