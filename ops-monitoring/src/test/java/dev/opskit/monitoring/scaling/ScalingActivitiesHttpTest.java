package dev.opskit.monitoring.scaling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Scaling activities at the HTTP level (moto has no DescribeScalingActivities): JSON 1.1 answers shaped like the
 * Application Auto Scaling API reference, over two pages, read newest first.
 */
class ScalingActivitiesHttpTest {
  private static final String TARGET = "AnyScaleFrontendService.DescribeScalingActivities";
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl())).auditSink(new dev.opskit.core.audit.InMemoryAuditSink()).build();
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private static String activity(String id, long start, String status) {
    return """
        {"ActivityId":"%s","ServiceNamespace":"ecs","ResourceId":"service/prod-cluster/api-service",
         "ScalableDimension":"ecs:service:DesiredCount","Description":"Setting desired count to 4.",
         "Cause":"monitor alarm TargetTracking-service/prod-cluster/api-service-AlarmHigh in state ALARM triggered policy cpu",
         "StartTime":%d,"EndTime":%d,"StatusCode":"%s","StatusMessage":"Successfully set desired count to 4."}"""
        .formatted(id, start, start + 60, status);
  }

  @Test
  void everyPageIsReadAndTheActivitiesComeNewestFirst() {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(matchingJsonPath("$[?(!@.NextToken)]"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"ScalingActivities\":[" + activity("a-old", 1_764_000_000L, "Successful") + ","
                + activity("a-new", 1_764_500_000L, "Successful") + "],\"NextToken\":\"page-2\"}")));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"ScalingActivities\":[" + activity("a-mid", 1_764_200_000L, "SomethingNew") + "]}")));

    List<ScalingActivity> activities = Scaling.using(ctx)
        .activities(ScalableDimension.ECS_SERVICE_DESIRED_COUNT, "service/prod-cluster/api-service");

    assertThat(activities).extracting(ScalingActivity::activityId).containsExactly("a-new", "a-mid", "a-old");
    assertThat(activities.get(0).status()).isEqualTo(ActivityStatus.SUCCESSFUL);
    assertThat(activities.get(1).status().value()).isEqualTo("SomethingNew");
    assertThat(activities.get(0).ended()).isPresent();
    server.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(matchingJsonPath("$.ServiceNamespace", equalTo("ecs")))
        .withRequestBody(matchingJsonPath("$.ScalableDimension", equalTo("ecs:service:DesiredCount"))));
  }

  @Test
  void aMismatchedResourceIdIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> Scaling.using(ctx).activities(ScalableDimension.ECS_SERVICE_DESIRED_COUNT, "table/user-sessions"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid resourceId: 'table/user-sessions'. Allowed: for scalable dimension ecs:service:DesiredCount"
            + " a resource id service/<cluster>/<service>, such as service/prod-cluster/api-service"
            + " (names: 1 to 255 of A-Z a-z 0-9 _ -)");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
