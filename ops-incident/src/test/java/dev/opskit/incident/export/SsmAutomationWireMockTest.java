package dev.opskit.incident.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.incident.run.Execution;
import dev.opskit.incident.run.RunStatus;
import dev.opskit.incident.run.StepResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Automation executions, which moto lacks: StartAutomationExecution and GetAutomationExecution /
 * DescribeAutomationStepExecutions against WireMock answering in AWS JSON 1.1 ({@code X-Amz-Target:
 * AmazonSSM.*}, times as epoch seconds) shaped as the API reference.
 */
class SsmAutomationWireMockTest {
  @RegisterExtension
  static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ID = "4105a4fc-f944-11e6-9d32-0123456789ab";
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final List<OpsContext> contexts = new ArrayList<>();

  private SsmAutomation ssm(boolean dryRun) {
    OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(URI.create(AWS.baseUrl())).auditSink(audit).dryRun(dryRun).build();
    contexts.add(ctx);
    return SsmAutomation.using(ctx);
  }

  @AfterEach
  void close() {
    contexts.forEach(OpsContext::close);
  }

  private static void answer(String target, String body) {
    AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM." + target))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  @Test
  void startsWithRateControlLocationsAlarmAndTokenThroughTheGate() {
    answer("StartAutomationExecution", "{\"AutomationExecutionId\":\"" + ID + "\"}");
    StartOptions options = new StartOptions(Map.of("Cluster", List.of("prod")), "Service",
        Map.of("ParameterValues", List.of("api", "worker")), "10%", "1", List.of(), "HighErrorRate",
        "2f1e9c3a-4b5d-4e6f-8a7b-9c0d1e2f3a4b")
        .withTargetLocations(List.of(new TargetLocation(List.of("123456789012"), List.of("us-east-1", "eu-west-1"),
            "2", "0", "OpsKitAutomation", List.of(), false)));

    ChangeResult<String> started = ssm(false).start("service-restart", options);

    assertThat(started.orElseThrow()).isEqualTo(ID);
    AWS.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.StartAutomationExecution"))
        .withRequestBody(equalToJson("""
            {"DocumentName":"service-restart","Parameters":{"Cluster":["prod"]},"TargetParameterName":"Service",
             "Targets":[{"Key":"ParameterValues","Values":["api","worker"]}],"MaxConcurrency":"10%","MaxErrors":"1",
             "TargetLocations":[{"Accounts":["123456789012"],"Regions":["us-east-1","eu-west-1"],
               "TargetLocationMaxConcurrency":"2","TargetLocationMaxErrors":"0","ExecutionRoleName":"OpsKitAutomation"}],
             "AlarmConfiguration":{"Alarms":[{"Name":"HighErrorRate"}]},
             "ClientToken":"2f1e9c3a-4b5d-4e6f-8a7b-9c0d1e2f3a4b"}""", true, false)));
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("ssm:StartAutomationExecution");
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
    });
  }

  @Test
  void aDryRunPlansTheStartAndSendsNothing() {
    ChangeResult<String> planned = ssm(true).start("service-restart", StartOptions.of(Map.of("Cluster", List.of("prod"))));

    assertThat(planned.isPlanned()).isTrue();
    assertThat(planned.call().parameters()).containsEntry("DocumentName", "service-restart");
    AWS.verify(0, anyRequestedFor(anyUrl()));
    assertThat(audit.events()).extracting(AuditEvent::outcome).containsExactly(Outcome.PLANNED);
  }

  @Test
  void startOptionsAreCheckedAsAwsChecksThemBeforeAnyCall() {
    assertThatThrownBy(() -> StartOptions.of(Map.of()).withRateControl("0", "1"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid MaxConcurrency: '0'. Allowed: a number from 1, or a percentage from 1% to 100%");
    assertThatThrownBy(() -> StartOptions.of(Map.of()).withRateControl("10", "101%"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid MaxErrors: '101%'. Allowed: a number from 0, or a percentage from 0% to 100%");
    assertThatThrownBy(() -> StartOptions.of(Map.of()).withClientToken("not-a-uuid"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ClientToken: 'not-a-uuid'. Allowed: 36 to 36 characters");
    List<TargetLocation> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(TargetLocation.of(List.of("123456789012"), List.of("us-east-1")));
    }
    assertThatThrownBy(() -> StartOptions.of(Map.of()).withTargetLocations(many))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid TargetLocations: '101'. Allowed: at most 100 target locations");
    assertThatThrownBy(() -> ssm(false).start("x", StartOptions.of(Map.of())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid DocumentName: 'x'. Allowed: 3 to 128 characters");
    AWS.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void readsAnExecutionsStepStatesBackAsAnExecution() {
    answer("GetAutomationExecution", """
        {"AutomationExecution":{"AutomationExecutionId":"%s","DocumentName":"service-restart","DocumentVersion":"2",
          "ExecutionStartTime":1.7646e9,"ExecutionEndTime":1.7646001e9,"AutomationExecutionStatus":"Failed",
          "Parameters":{"Cluster":["prod"],"Service":["api"],"ApiToken":["tok-123"]},
          "Outputs":{"restart.ServiceArn":["arn:aws:ecs:us-east-1:123456789012:service/prod/api"]},
          "FailureMessage":"Step fails when it is Execute/Cancelling action.",
          "StepExecutionsTruncated":false,
          "StepExecutions":[
            {"StepName":"approve","Action":"aws:approve","ExecutionStartTime":1.7646e9,"ExecutionEndTime":1.76460002e9,
             "StepStatus":"Success","IsCritical":true,"Outputs":{"ApprovalStatus":["Approved"]}},
            {"StepName":"restart","Action":"aws:executeAwsApi","ExecutionStartTime":1.76460002e9,
             "ExecutionEndTime":1.76460005e9,"StepStatus":"Failed","IsCritical":true,
             "FailureMessage":"ServiceNotActiveException: Service was not ACTIVE."},
            {"StepName":"rollback","Action":"aws:executeAwsApi","ExecutionStartTime":1.76460005e9,
             "ExecutionEndTime":1.7646001e9,"StepStatus":"Success","IsCritical":false}]}}""".formatted(ID));

    Execution e = ssm(false).execution(ID);

    assertThat(e.id()).isEqualTo(ID);
    assertThat(e.runbook()).isEqualTo("service-restart");
    assertThat(e.status()).isEqualTo(RunStatus.FAILED);
    assertThat(e.started()).isEqualTo(Instant.ofEpochSecond(1_764_600_000L));
    assertThat(e.steps()).extracting(StepResult::step).containsExactly("approve", "restart", "rollback");
    assertThat(e.steps()).extracting(StepResult::status)
        .containsExactly(RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.SUCCESS);
    assertThat(e.step("restart").orElseThrow().duration().toSeconds()).isEqualTo(30);
    assertThat(e.failedStep()).isEqualTo("restart");
    assertThat(e.failure()).isEqualTo("ServiceNotActiveException: Service was not ACTIVE.");
    assertThat(e.compensation()).containsExactly("rollback");
    assertThat(e.outputs()).containsEntry("restart.ServiceArn", "arn:aws:ecs:us-east-1:123456789012:service/prod/api");
    assertThat(e.arguments()).containsEntry("Cluster", "prod").containsEntry("ApiToken", AuditEvent.REDACTED);
    assertThat(e.step("approve").orElseThrow().outputs()).containsEntry("ApprovalStatus", "Approved");
    assertThat(e.toText()).contains("service-restart: Failed").contains("compensation ran: rollback")
        .doesNotContain("tok-123");
  }

  @Test
  void aTruncatedStepListIsReadPageByPage() {
    answer("GetAutomationExecution", """
        {"AutomationExecution":{"AutomationExecutionId":"%s","DocumentName":"long","AutomationExecutionStatus":"InProgress",
          "ExecutionStartTime":1.7646e9,"StepExecutionsTruncated":true,
          "StepExecutions":[{"StepName":"s1","StepStatus":"Success"}]}}""".formatted(ID));
    AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.DescribeAutomationStepExecutions"))
        .withRequestBody(matchingJsonPath("$[?(!@.NextToken)]"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
            "{\"StepExecutions\":[{\"StepName\":\"s1\",\"StepStatus\":\"Success\"},{\"StepName\":\"s2\",\"StepStatus\":\"Success\"}],"
                + "\"NextToken\":\"page-2\"}")));
    AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.DescribeAutomationStepExecutions"))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
            "{\"StepExecutions\":[{\"StepName\":\"s3\",\"StepStatus\":\"InProgress\"}]}")));

    Execution e = ssm(false).execution(ID);

    assertThat(e.status()).isEqualTo(RunStatus.IN_PROGRESS);
    assertThat(e.ended()).isNull();
    assertThat(e.steps()).extracting(StepResult::step).containsExactly("s1", "s2", "s3");
  }
}
