package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import org.junit.jupiter.api.Test;

class AwsErrorsTest {

  @ParameterizedTest(name = "{0} / HTTP {1} -> {2}")
  @CsvSource({
      "ThrottlingException, 400, ThrottledException",
      "Throttling, 400, ThrottledException",
      "RequestLimitExceeded, 503, ThrottledException",
      "SomethingElse, 429, ThrottledException",
      "AccessDenied, 403, AccessDeniedException",
      "UnauthorizedOperation, 400, AccessDeniedException",
      "DBInstanceNotFound, 404, ResourceNotFoundException",
      "NoSuchBucket, 404, ResourceNotFoundException",
      "ResourceNotFoundException, 400, ResourceNotFoundException",
      "InvalidDBInstanceState, 400, ResourceStateException",
      "DBSnapshotAlreadyExists, 400, ResourceStateException",
      "ResourceInUseException, 400, ResourceStateException",
      "ValidationError, 400, ServiceException",
      "InternalFailure, 500, ServiceException"
  })
  void mapsAwsErrorsToOneHierarchy(String code, int status, String expected) {
    AwsServiceException e = AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("detail").build())
        .statusCode(status).requestId("req-1").build();

    OpsException mapped = AwsErrors.map(e, "rds:DescribeDBInstances", "db-1", Redaction.none());

    assertThat(mapped.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(mapped.operation()).isEqualTo("rds:DescribeDBInstances");
    assertThat(mapped.resource()).isEqualTo("db-1");
    assertThat(mapped.awsErrorCode()).isEqualTo(code);
    assertThat(mapped.requestId()).isEqualTo("req-1");
    assertThat(mapped.getMessage()).startsWith("rds:DescribeDBInstances on db-1: ").contains(code, "detail");
    assertThat(mapped.getCause()).isSameAs(e);
  }

  @Test
  void transportFailuresAreServiceExceptionsSayingTheCallDidNotComplete() {
    SdkClientException e = SdkClientException.builder().message("Unable to execute HTTP request: Connection refused")
        .cause(new IOException("Connection refused")).build();
    OpsException mapped = AwsErrors.map(e, "s3:PutBucketVersioning", "logs-bucket", Redaction.none());
    assertThat(mapped).isInstanceOf(ServiceException.class)
        .hasMessageStartingWith("s3:PutBucketVersioning on logs-bucket: the call did not complete")
        .hasMessageContaining("Connection refused");
    assertThat(List.of(ThrottledException.class, AccessDeniedException.class, ResourceNotFoundException.class,
        ResourceStateException.class)).noneMatch(c -> c.isInstance(mapped));
  }

  @Test
  void secretsEchoedByAwsAreScrubbedFromMessageAndCause() {
    AwsServiceException e = AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValue")
            .errorMessage("The parameter MasterUserPassword 'p@ss w0rd!' is not valid").build())
        .message("The parameter MasterUserPassword 'p@ss w0rd!' is not valid")
        .statusCode(400).build();

    OpsException mapped = AwsErrors.map(e, "rds:CreateDBInstance", "db-1", Redaction.of(List.of("p@ss w0rd!")));

    assertThat(mapped.getMessage()).doesNotContain("p@ss w0rd!").contains("*** redacted ***");
    assertThat(mapped.getCause().getMessage()).doesNotContain("p@ss w0rd!");
    assertThat(mapped.getCause().toString()).startsWith(AwsServiceException.class.getName());
  }

  @Test
  void secretsAreScrubbedFromEveryCauseInTheChain() {
    SdkClientException e = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new IOException("broken pipe while sending Password=p@ss w0rd!",
            new IllegalStateException("p@ss w0rd! rejected")))
        .build();

    OpsException mapped = AwsErrors.map(e, "rds:CreateDBInstance", "db-1", Redaction.of(List.of("p@ss w0rd!")));

    java.io.StringWriter trace = new java.io.StringWriter();
    mapped.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(trace.toString())
        .doesNotContain("p@ss w0rd!")
        .contains(IOException.class.getName() + ": broken pipe while sending Password=*** redacted ***")
        .contains(IllegalStateException.class.getName() + ": *** redacted *** rejected");
  }

  @Test
  void encodedEchoesAreScrubbedFromMessageCausesAndTheSdksSuppressedAttempts() {
    String password = "p@ss w0rd+/=";
    String formEncoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    String jsonEscaped = "p@ss w0rd+\\/=";
    AwsServiceException e = AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValue")
            .errorMessage("Bad body: Action=CreateDBInstance&MasterUserPassword=" + formEncoded).build())
        .message("Bad body: MasterUserPassword=" + formEncoded)
        .cause(new IOException("{\"MasterUserPassword\":\"" + jsonEscaped + "\"}"))
        .statusCode(400).build();
    e.addSuppressed(SdkClientException.create("Request attempt 1 failure: MasterUserPassword%3D" + formEncoded));

    OpsException mapped = AwsErrors.map(e, "rds:CreateDBInstance", "db-1", Redaction.of(List.of(password)));

    assertThat(formEncoded).isEqualTo("p%40ss+w0rd%2B%2F%3D");
    java.io.StringWriter trace = new java.io.StringWriter();
    mapped.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(mapped.getMessage()).endsWith("MasterUserPassword=*** redacted ***).");
    assertThat(trace.toString())
        .doesNotContain(formEncoded, jsonEscaped, password, "p%40ss", "p@ss")
        .contains(IOException.class.getName() + ": {\"MasterUserPassword\":\"*** redacted ***\"}")
        .contains("Suppressed: " + SdkClientException.class.getName()
            + ": Request attempt 1 failure: MasterUserPassword%3D*** redacted ***");
  }

  @Test
  void aCyclicCauseChainEndsInsteadOfOverflowing() {
    IllegalStateException first = new IllegalStateException("first p@ss w0rd!");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);
    AwsServiceException e = AwsServiceException.builder().message("failed").cause(first).statusCode(500).build();

    OpsException mapped = AwsErrors.map(e, "rds:CreateDBInstance", "db-1", Redaction.of(List.of("p@ss w0rd!")));

    int depth = 0;
    for (Throwable t = mapped.getCause(); t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain("p@ss w0rd!");
      depth++;
    }
    assertThat(depth).isBetween(3, 40);
  }

  @Test
  void alreadyExistsIsRecognisedAcrossServices() {
    for (String code : List.of("DBSnapshotAlreadyExists", "AlreadyExistsException", "EntityAlreadyExists",
        "BucketAlreadyOwnedByYou", "ResourceAlreadyExistsException", "ResourceExistsException")) {
      AwsServiceException e = AwsServiceException.builder()
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).statusCode(400).build();
      assertThat(AwsErrors.isAlreadyExists(e)).as(code).isTrue();
    }
    assertThat(AwsErrors.isAlreadyExists(new IllegalStateException("AlreadyExists"))).isFalse();
  }
}
