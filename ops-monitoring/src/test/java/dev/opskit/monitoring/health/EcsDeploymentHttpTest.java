package dev.opskit.monitoring.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.monitoring.TestTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The ECS deployment wait at the HTTP level (AWS JSON 1.1, {@code X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.DescribeServices}), with the shapes moto never produces: a FAILED rollout
 * and a circuit-breaker rollback, after which the service looks steady (one deployment, running = desired) and
 * the SDK's ServicesStable waiter would report success.
 */
class EcsDeploymentHttpTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String TARGET = "AmazonEC2ContainerServiceV20141113.DescribeServices";
  private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/api-service:";
  private static final String NEW = "ecs-svc/7432198765432198765";
  private static final String OLD = "ecs-svc/1234567890123456789";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final TestTime time = new TestTime(NOW);
  private OpsContext ctx;
  private Health health;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(1))
        .clock(time).sleeper(time.sleeper())
        .build();
    health = Health.using(ctx);
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  static String deployment(String id, String status, int revision, int running, String rollout, String reason) {
    return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"taskDefinition\":\"" + TD + revision + "\","
        + "\"desiredCount\":2,\"pendingCount\":" + (2 - running) + ",\"runningCount\":" + running + ",\"failedTasks\":"
        + (rollout.equals("FAILED") ? 3 : 0) + ",\"createdAt\":1.7961e9,\"updatedAt\":1.79610006E9,"
        + "\"launchType\":\"FARGATE\",\"rolloutState\":\"" + rollout + "\",\"rolloutStateReason\":\"" + reason + "\"}";
  }

  static String service(int running, List<String> deployments, List<String> events) {
    StringBuilder ev = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      ev.append(i == 0 ? "" : ",").append("{\"id\":\"e").append(i).append("\",\"createdAt\":").append(1.7961e9 - i)
          .append(",\"message\":\"").append(events.get(i)).append("\"}");
    }
    return "{\"services\":[{\"serviceArn\":\"arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/api-service\","
        + "\"serviceName\":\"api-service\",\"clusterArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/prod-cluster\","
        + "\"status\":\"ACTIVE\",\"desiredCount\":2,\"runningCount\":" + running + ",\"pendingCount\":" + (2 - running)
        + ",\"taskDefinition\":\"" + TD + "4\",\"deployments\":[" + String.join(",", deployments) + "],"
        + "\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":{\"enable\":true,\"rollback\":true},"
        + "\"maximumPercent\":200,\"minimumHealthyPercent\":100},\"events\":[" + ev + "]}],\"failures\":[]}";
  }

  private void answer(String state, String next, String body) {
    var mapping = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).inScenario("rollout")
        .whenScenarioStateIs(state);
    server.stubFor((next == null ? mapping : mapping.willSetStateTo(next)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  private int describeCalls() {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))).size();
  }

  @Test
  void completedWhenTheDeploymentIsPrimaryAndCompleted() {
    answer(Scenario.STARTED, "rolled", service(1, List.of(
        deployment(NEW, "PRIMARY", 4, 1, "IN_PROGRESS", "ECS deployment " + NEW + " in progress."),
        deployment(OLD, "ACTIVE", 3, 1, "COMPLETED", "")), List.of()));
    answer("rolled", null, service(2, List.of(
        deployment(NEW, "PRIMARY", 4, 2, "COMPLETED", "ECS deployment " + NEW + " completed.")),
        List.of("(service api-service) has reached a steady state.")));

    RolloutOutcome outcome = health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(10));

    assertThat(outcome).isInstanceOf(RolloutOutcome.Completed.class);
    EcsDeployment done = outcome.orElseThrow();
    assertThat(done.id()).isEqualTo(NEW);
    assertThat(done.rolloutState()).isEqualTo(RolloutState.COMPLETED);
    assertThat(done.taskDefinition()).isEqualTo(TD + 4);
    assertThat(describeCalls()).isEqualTo(2);
  }

  @Test
  void failedWhenTheRolloutStateIsFailedWithTheLastEvents() {
    answer(Scenario.STARTED, null, service(1, List.of(
        deployment(NEW, "PRIMARY", 4, 0, "FAILED", "ECS deployment circuit breaker: tasks failed to start."),
        deployment(OLD, "ACTIVE", 3, 1, "COMPLETED", "")), List.of(
            "(service api-service) (deployment " + NEW + ") deployment failed: tasks failed to start.",
            "(service api-service) was unable to place a task.")));

    RolloutOutcome outcome = health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(10));

    assertThat(outcome).isInstanceOf(RolloutOutcome.Failed.class);
    RolloutOutcome.Failed failed = (RolloutOutcome.Failed) outcome;
    assertThat(failed.reason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    assertThat(failed.events()).extracting(ServiceEvent::message).first().asString().contains("deployment failed");
    assertThatThrownBy(outcome::orElseThrow).isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("ECS deployment " + NEW + " FAILED: ECS deployment circuit breaker: tasks failed to start.")
        .hasMessageContaining("; last events:\n")
        .hasMessageContaining("deployment failed: tasks failed to start.");
  }

  @Test
  void aCircuitBreakerRollbackIsAFailureEvenThoughTheServiceLooksSteady() {
    answer(Scenario.STARTED, "rolled-back", service(1, List.of(
        deployment(NEW, "PRIMARY", 4, 0, "IN_PROGRESS", "ECS deployment " + NEW + " in progress."),
        deployment(OLD, "ACTIVE", 3, 1, "COMPLETED", "")), List.of()));
    // after the rollback: one deployment, the old task definition, running = desired: ServicesStable says success
    String rollback = "ecs-svc/5555555555555555555";
    answer("rolled-back", null, service(2, List.of(
        deployment(rollback, "PRIMARY", 3, 2, "COMPLETED", "ECS deployment " + rollback + " completed.")), List.of(
            "(service api-service) has reached a steady state.",
            "(service api-service) rolling back to deployment " + rollback + ".",
            "(service api-service) (deployment " + NEW + ") deployment failed: tasks failed to start.")));

    RolloutOutcome outcome = health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(10));

    assertThat(outcome).isInstanceOf(RolloutOutcome.RolledBack.class);
    RolloutOutcome.RolledBack rolledBack = (RolloutOutcome.RolledBack) outcome;
    assertThat(rolledBack.primary()).isNotNull();
    assertThat(rolledBack.primary().id()).isEqualTo(rollback);
    assertThat(rolledBack.primary().taskDefinition()).isEqualTo(TD + 3);
    assertThat(rolledBack.events()).hasSize(3);
    assertThatThrownBy(outcome::orElseThrow).isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("ECS deployment " + NEW + " was rolled back; the primary deployment is now " + rollback)
        .hasMessageContaining("rolling back to deployment " + rollback);
  }

  @Test
  void aRolledBackDeploymentStillListedAsActiveAndFailedIsAFailure() {
    answer(Scenario.STARTED, null, service(2, List.of(
        deployment("ecs-svc/5555555555555555555", "PRIMARY", 3, 2, "IN_PROGRESS", ""),
        deployment(NEW, "ACTIVE", 4, 0, "FAILED", "ECS deployment circuit breaker: rolling back to deploymentId"
            + " ecs-svc/5555555555555555555.")), List.of()));

    RolloutOutcome outcome = health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(10));

    assertThat(outcome).isInstanceOf(RolloutOutcome.Failed.class);
    assertThat(((RolloutOutcome.Failed) outcome).reason()).contains("rolling back to deploymentId");
  }

  @Test
  void aDeploymentStillInProgressAtTheTimeoutTimesOut() {
    answer(Scenario.STARTED, null, service(1, List.of(
        deployment(NEW, "PRIMARY", 4, 1, "IN_PROGRESS", "ECS deployment " + NEW + " in progress.")),
        List.of("(service api-service) has started 1 tasks.")));

    RolloutOutcome outcome = health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(1));

    assertThat(outcome).isInstanceOf(RolloutOutcome.TimedOut.class);
    assertThat(((RolloutOutcome.TimedOut) outcome).lastSeen().running()).isEqualTo(1);
    assertThatThrownBy(outcome::orElseThrow).isInstanceOf(OperationTimeoutException.class)
        .hasMessageContaining("ECS deployment " + NEW + " did not complete within the timeout");
    assertThat(time.pauses().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aMissingServiceIsNotFound() {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"services\":[],"
            + "\"failures\":[{\"arn\":\"arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/api-service\","
            + "\"reason\":\"MISSING\"}]}")));

    assertThatThrownBy(() -> health.awaitDeployment("prod-cluster", "api-service", NEW, Duration.ofMinutes(1)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("ECS service api-service not found in cluster prod-cluster (MISSING)");
  }

  @Test
  void theSnapshotShowsFailedDeploymentsAsProblems() {
    answer(Scenario.STARTED, null, service(1, List.of(
        deployment(NEW, "PRIMARY", 4, 0, "FAILED", "tasks failed to start."),
        deployment(OLD, "ACTIVE", 3, 1, "COMPLETED", "")), List.of("(service api-service) was unable to place a task.")));
    server.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"taskDefinition\":{\"taskDefinitionArn\":\"" + TD + "4\",\"family\":\"api-service\","
                + "\"revision\":4,\"cpu\":\"512\",\"memory\":\"1024\",\"status\":\"ACTIVE\","
                + "\"containerDefinitions\":[{\"name\":\"api\",\"image\":\"api:4\"}]}}")));

    EcsServiceSnapshot snapshot = health.ecsService("prod-cluster", "api-service");

    assertThat(snapshot.taskDefinition()).isEqualTo(new TaskDefinitionInfo(TD + 4, "api-service", 4, "512", "1024"));

    assertThat(snapshot.healthy()).isFalse();
    assertThat(snapshot.problems()).containsExactly("running 1 of 2 tasks (1 pending)",
        "deployment " + NEW + " FAILED: tasks failed to start.", "2 deployments at once: a rollout is under way");
    assertThat(snapshot.toText()).startsWith("ecs prod-cluster/api-service: UNHEALTHY - ACTIVE, 1/2 running, 1 pending");
  }
}
