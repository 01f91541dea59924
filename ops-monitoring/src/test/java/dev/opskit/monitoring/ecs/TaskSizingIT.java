package dev.opskit.monitoring.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** Task sizing against moto: the live revision read as a value, compared with CloudWatch, a new revision registered. */
@OpsEmulatorTest
class TaskSizingIT {
  private static final EcsService API = EcsService.of("prod-cluster", "api-service");
  private static final String ENV_SECRET = "Sizing-Test-Env-Passw0rd";
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  @BeforeEach
  void theGuidesTaskDefinitionIsRegistered(OpsContext ctx, Emulator emulator) {
    emulator.reset();
    // Test setup, not OpsKit: the guide's sizing with the image and network mode a real revision has.
    ctx.client(EcsClient.class, EcsClient::builder).registerTaskDefinition(r -> r.family("api-service").cpu("512")
        .memory("1024").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
        .containerDefinitions(ContainerDefinition.builder().name("api").image("example/api:1.4.2").cpu(256)
            .memoryReservation(512).essential(true)
            .environment(software.amazon.awssdk.services.ecs.model.KeyValuePair.builder().name("DB_PASSWORD")
                .value(ENV_SECRET).build())
            .build()));
  }

  private void utilisation(OpsContext ctx, String metric, double... values) {
    CloudWatchClient cw = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      Instant at = now.minus(values.length - i, ChronoUnit.MINUTES);
      cw.putMetricData(r -> r.namespace("AWS/ECS").metricData(MetricDatum.builder().metricName(metric)
          .dimensions(Dimension.builder().name("ClusterName").value("prod-cluster").build(),
              Dimension.builder().name("ServiceName").value("api-service").build())
          .timestamp(at).value(v).build()));
    }
  }

  @Test
  void theLiveRevisionIsComparedWithWhatTheServiceUsedAndANewRevisionIsRegistered(OpsContext ctx, InMemoryAuditSink audit) {
    TaskSizing sizing = TaskSizing.using(ctx);
    TaskDefinition current = sizing.current("api-service");
    assertThat(current.cpu()).isEqualTo(512);
    assertThat(current.memory()).isEqualTo(1024);
    assertThat(current.container("api").memoryReservation()).isEqualTo(512);

    utilisation(ctx, "CPUUtilization", 10, 20, 15, 25);
    utilisation(ctx, "MemoryUtilization", 20, 30, 25, 35);
    SizingReport report = sizing.compare(current, API, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.MINUTES));

    assertThat(report.cpu().verdict()).isEqualTo(Verdict.OVER_SIZED);
    assertThat(report.cpu().averagePercent()).isEqualTo(17.5);
    assertThat(report.cpu().peakPercent()).isEqualTo(25.0);
    assertThat(report.memory().peakPercent()).isEqualTo(35.0);
    assertThat(report.overSized()).isTrue();
    assertThat(report.cpu()).hasToString("cpu 512 units: average 17.5 %, peak 25.0 % (128 units at peak): over-sized");
    assertThat(report.memory()).hasToString("memory 1024 MiB: average 27.5 %, peak 35.0 % (358 MiB at peak): over-sized");
    // Peaks of 128 units and 358 MiB at 70 %: 183 units and 512 MiB, but the container reserves 256 and 512.
    assertThat(report.suggestion()).contains(new FargateSize(256, 512));

    ChangeResult<String> dry = TaskSizing.using(ctx.withDryRun(true)).registerRevision(current.withSize(report.suggested()));
    assertThat(dry.isPlanned()).isTrue();
    assertThat(ctx.client(EcsClient.class, EcsClient::builder).listTaskDefinitions(r -> r.familyPrefix("api-service"))
        .taskDefinitionArns()).hasSize(1);

    String arn = sizing.registerRevision(current.withSize(report.suggested())).orElseThrow();
    assertThat(arn).endsWith("task-definition/api-service:2");
    var second = ctx.client(EcsClient.class, EcsClient::builder).describeTaskDefinition(r -> r.taskDefinition(arn))
        .taskDefinition();
    assertThat(second.cpu()).isEqualTo("256");
    assertThat(second.memory()).isEqualTo("512");
    assertThat(second.containerDefinitions().get(0).image()).isEqualTo("example/api:1.4.2");
    assertThat(second.networkModeAsString()).isEqualTo("awsvpc");
    assertThat(audit.events(e -> e.outcome() == Outcome.SUCCEEDED)).extracting(e -> e.operation())
        .containsExactly("ecs:RegisterTaskDefinition");
    assertThat(audit.events(e -> e.outcome() == Outcome.PLANNED)).hasSize(1);
    assertThat(second.containerDefinitions().get(0).environment()).singleElement()
        .satisfies(kv -> assertThat(kv.value()).isEqualTo(ENV_SECRET));
    dev.opskit.test.AuditAssertions.assertThat(audit).containsNoText(ENV_SECRET);
    assertThat(dry.call().toString()).doesNotContain(ENV_SECRET);
  }

  @Test
  void hotServicesAreUnderSizedAndNoDataSaysSo(OpsContext ctx) {
    TaskSizing sizing = TaskSizing.using(ctx);
    TaskDefinition current = sizing.current("api-service");
    SizingReport empty = sizing.compare(current, API, now.minus(1, ChronoUnit.HOURS), now);
    assertThat(empty.cpu().verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(empty.suggestion()).isEmpty();

    utilisation(ctx, "CPUUtilization", 85, 90, 97);
    utilisation(ctx, "MemoryUtilization", 50, 60, 55);
    SizingReport hot = sizing.compare(current, API, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.MINUTES));
    assertThat(hot.cpu().verdict()).isEqualTo(Verdict.UNDER_SIZED);
    assertThat(hot.memory().verdict()).isEqualTo(Verdict.RIGHT_SIZED);
    assertThat(hot.underSized()).isTrue();
    assertThat(hot.suggestion()).contains(new FargateSize(1024, 2048));
  }

  @Test
  void aRevisionWhoseContainersDifferFromTheLiveOnesIsRefusedBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    TaskDefinition other = new TaskDefinition("api-service", 512, 1024,
        List.of(dev.opskit.monitoring.ecs.ContainerDefinition.of("worker", 256, 512)), List.of());
    assertThatThrownBy(() -> TaskSizing.using(ctx).registerRevision(other))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid containerDefinitions: '[worker]'. Allowed: the containers of the latest revision of"
            + " api-service, [api], each with its new sizes");
    assertThat(audit.events()).isEmpty();
  }
}
