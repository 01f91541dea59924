package dev.opskit.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/** Service and action resolved reflectively to the SDK, requests built through its builders, answers read back. */
class SdkCallsTest {

  @Test
  void resolvesTheClientMethodAndRequestOfAnAction() {
    SdkCalls.Operation op = SdkCalls.resolve("rds", "CreateDBSnapshot");

    assertThat(op.clientType()).isEqualTo(RdsClient.class);
    assertThat(op.requestType()).isEqualTo(CreateDbSnapshotRequest.class);
    assertThat(op.sdkMethodName()).isEqualTo("createDBSnapshot");
    assertThat(op.name()).isEqualTo("rds:CreateDBSnapshot");
    assertThat(op.isRead()).isFalse();
    assertThat(SdkCalls.resolve("rds", "DescribeDBSnapshots").isPaginated()).isTrue();
    assertThat(SdkCalls.resolve("rds", "CreateDBSnapshot")).isSameAs(op);
    assertThat(SdkCalls.resolve("ecs", "UpdateService").clientType()).isEqualTo(EcsClient.class);
  }

  @Test
  void buildsRequestsFromTheApisMemberNamesAtEveryDepth() {
    CreateDbSnapshotRequest rds = (CreateDbSnapshotRequest) SdkCalls.request(SdkCalls.resolve("rds", "CreateDBSnapshot"),
        Map.of("DBInstanceIdentifier", "prod-db", "DBSnapshotIdentifier", "before-upgrade",
            "Tags", List.of(Map.of("Key", "team", "Value", "payments"))), "inputs");
    UpdateServiceRequest ecs = (UpdateServiceRequest) SdkCalls.request(SdkCalls.resolve("ecs", "UpdateService"),
        Map.of("cluster", "prod", "service", "api", "forceNewDeployment", true, "desiredCount", 3L), "inputs");

    assertThat(rds.dbInstanceIdentifier()).isEqualTo("prod-db");
    assertThat(rds.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("payments"));
    assertThat(ecs.forceNewDeployment()).isTrue();
    assertThat(ecs.desiredCount()).isEqualTo(3);
  }

  @Test
  void anUnknownMemberOrAValueOfTheWrongTypeIsAValidationError() {
    SdkCalls.Operation op = SdkCalls.resolve("ecs", "UpdateService");

    assertThatThrownBy(() -> SdkCalls.request(op, Map.of("desiredCount", "three"), "step restart inputs"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid step restart inputs.desiredCount: 'three'. Allowed: a value of AWS type Integer");
    assertThatThrownBy(() -> SdkCalls.request(SdkCalls.resolve("rds", "CreateDBSnapshot"),
            Map.of("Tags", List.of(Map.of("Colour", "red"))), "inputs"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid inputs.Tags[].Colour: 'Colour'. Allowed: a member of Tag: [Key, Value]");
    assertThatThrownBy(() -> SdkCalls.resolve("nosuchservice", "DoIt"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid service: 'nosuchservice'. Allowed: a service whose AWS SDK v2 module is on the class path"
            + " (software.amazon.awssdk:nosuchservice)");
  }

  @Test
  void namesInTheSdksPascalCaseForStepFunctions() {
    assertThat(SdkCalls.sdkName(CreateDbSnapshotRequest.class, "DBInstanceIdentifier")).hasValue("DbInstanceIdentifier");
    assertThat(SdkCalls.sdkName(UpdateServiceRequest.class, "forceNewDeployment")).hasValue("ForceNewDeployment");
    assertThat(AslExporter.sdkSelector(SdkCalls.resolve("rds", "DescribeDBSnapshots").responseType(),
        "$.DBSnapshots[0].DBSnapshotArn")).isEqualTo("$.DbSnapshots[0].DbSnapshotArn");
  }

  @Test
  void answersComeBackWithAwsMemberNamesAndSensitiveTextsAreCollected() {
    GetParameterResponse answer = GetParameterResponse.builder()
        .parameter(Parameter.builder().name("/db/password").value("s3cr3t-value").version(4L).build()).build();
    Set<String> secrets = new HashSet<>();

    Object plain = SdkCalls.plain(answer, secrets);

    assertThat(Selectors.select(plain, "$.Parameter.Name")).isEqualTo("/db/password");
    assertThat(Selectors.select(plain, "$.parameter.version")).isEqualTo(4L);
    assertThat(secrets).containsExactly("s3cr3t-value");
  }
}
