package dev.opskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class ReadsTest {
  private static AwsServiceException aws(String code, int status) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("detail").build()).build();
  }

  @Test
  void readMapsSdkExceptionsNamingOperationAndTarget() {
    assertThatThrownBy(() -> Reads.read("rds:DescribeDBInstances", "prod-database", () -> {
      throw aws("AccessDenied", 403);
    })).isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("rds:DescribeDBInstances on prod-database: access denied (AccessDenied: detail)");
    assertThat(Reads.read("rds:DescribeDBInstances", null, () -> "ok")).isEqualTo("ok");
  }

  @Test
  void findTurnsNotFoundIntoEmptyButNotOtherFailures() {
    assertThat(Reads.find("rds:DescribeDBInstances", "gone", () -> {
      throw aws("DBInstanceNotFound", 404);
    })).isEmpty();
    assertThat(Reads.find("rds:DescribeDBInstances", "db", () -> "db")).contains("db");
    assertThatThrownBy(() -> Reads.find("rds:DescribeDBInstances", "db", () -> {
      throw aws("Throttling", 400);
    })).isInstanceOf(ThrottledException.class);
  }
}
