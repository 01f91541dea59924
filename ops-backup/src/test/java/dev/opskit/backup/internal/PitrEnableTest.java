package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.PitrStatus;
import dev.opskit.backup.PointInTimeRecovery;
import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.TableName;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;

/**
 * Enabling point-in-time recovery always sends the change (so it is a {@link ChangeResult}, never a copy of
 * the state read before), and never resets a recovery period set elsewhere to AWS's default of 35 days.
 */
class PitrEnableTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final DynamoDbClient dynamo = mock(DynamoDbClient.class);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(new TestClock(NOW))
      .auditSink(audit)
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private void described(PointInTimeRecoveryDescription description) {
    when(dynamo.describeContinuousBackups(any(DescribeContinuousBackupsRequest.class))).thenReturn(
        DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
            .continuousBackupsStatus("ENABLED").pointInTimeRecoveryDescription(description).build()).build());
    when(dynamo.updateContinuousBackups(any(UpdateContinuousBackupsRequest.class)))
        .thenReturn(UpdateContinuousBackupsResponse.builder().build());
  }

  private UpdateContinuousBackupsRequest sent() {
    ArgumentCaptor<UpdateContinuousBackupsRequest> sent = ArgumentCaptor.forClass(UpdateContinuousBackupsRequest.class);
    verify(dynamo).updateContinuousBackups(sent.capture());
    return sent.getValue();
  }

  @Test
  void reEnablingKeepsTheTablesRecoveryPeriod() {
    described(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("ENABLED").recoveryPeriodInDays(7)
        .earliestRestorableDateTime(NOW.minus(Duration.ofDays(7))).latestRestorableDateTime(NOW.minusSeconds(300)).build());

    ChangeResult<PointInTimeRecovery> result = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"))
        .enablePointInTimeRecovery();

    assertThat(sent().pointInTimeRecoverySpecification().recoveryPeriodInDays()).isEqualTo(7);
    assertThat(sent().pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled()).isTrue();
    assertThat(result).isInstanceOf(ChangeResult.Applied.class);
    assertThat(result.orElseThrow().status()).isEqualTo(PitrStatus.ENABLED);
    assertThat(result.orElseThrow().earliestRestorable()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("dynamodb:UpdateContinuousBackups"));
  }

  @Test
  void enablingADisabledTableLeavesThePeriodToAws() {
    described(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("DISABLED").build());

    try (OpsContext dry = ctx.withDryRun(true)) {
      ChangeResult<PointInTimeRecovery> planned = new DynamoDbBackupsImpl(dry, dynamo, TableName.of("user-sessions"))
          .enablePointInTimeRecovery();

      assertThat(planned).isInstanceOf(ChangeResult.Planned.class);
      assertThat(planned.call().parameters()).containsEntry("TableName", "user-sessions");
      assertThat(String.valueOf(planned.call().parameters().get("PointInTimeRecoverySpecification")))
          .isEqualTo("{PointInTimeRecoveryEnabled=true}");
    }
  }

  @Test
  void whenAwsAnswersEnabledThereIsNothingToWaitFor() {
    described(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("DISABLED").build());
    when(dynamo.updateContinuousBackups(any(UpdateContinuousBackupsRequest.class))).thenReturn(
        UpdateContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
            .continuousBackupsStatus("ENABLED").pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
                .pointInTimeRecoveryStatus("ENABLED").earliestRestorableDateTime(NOW)
                .latestRestorableDateTime(NOW).build()).build()).build());

    ChangeResult<PointInTimeRecovery> result = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"))
        .enablePointInTimeRecovery();

    assertThat(result.orElseThrow().status()).isEqualTo(PitrStatus.ENABLED);
    // One read before the change (to keep the period), none after: the answer said ENABLED.
    verify(dynamo, times(1)).describeContinuousBackups(any(DescribeContinuousBackupsRequest.class));
  }

  @Test
  void whenAwsAnswersEnablingTheWaitReadsUntilEnabled() {
    described(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("DISABLED").build());
    when(dynamo.updateContinuousBackups(any(UpdateContinuousBackupsRequest.class))).thenReturn(
        UpdateContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
            .continuousBackupsStatus("ENABLED").pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
                .pointInTimeRecoveryStatus("ENABLING").build()).build()).build());
    when(dynamo.describeContinuousBackups(any(DescribeContinuousBackupsRequest.class))).thenReturn(
        continuous("DISABLED"), continuous("ENABLING"), continuous("ENABLED"));

    ChangeResult<PointInTimeRecovery> result = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"))
        .enablePointInTimeRecovery();

    assertThat(result.orElseThrow().status()).isEqualTo(PitrStatus.ENABLED);
    verify(dynamo, times(3)).describeContinuousBackups(any(DescribeContinuousBackupsRequest.class));
  }

  @Test
  void aRestoreAnsweredActiveIsNotPolledAndReadsTheSourceOnlyForARetry() {
    described(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("ENABLED")
        .earliestRestorableDateTime(NOW.minus(Duration.ofDays(1))).latestRestorableDateTime(NOW.minusSeconds(300)).build());
    when(dynamo.describeTable(any(DescribeTableRequest.class)))
        .thenThrow(ResourceNotFoundException.builder().message("Requested resource not found").statusCode(400)
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("ResourceNotFoundException").errorMessage("Requested resource not found").build()).build());
    when(dynamo.restoreTableToPointInTime(any(RestoreTableToPointInTimeRequest.class))).thenReturn(
        RestoreTableToPointInTimeResponse.builder().tableDescription(TableDescription.builder()
            .tableName("user-sessions-restored").tableStatus("ACTIVE")
            .tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/user-sessions-restored").build()).build());

    var restored = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"))
        .restoreToLatestRestorableTime("user-sessions-restored");

    assertThat(restored.orElseThrow().isActive()).isTrue();
    // The target's name is checked free once; the source is not read (its ARN only matters to a retried call),
    // and an answer that says ACTIVE is not polled.
    verify(dynamo, times(1)).describeTable(any(DescribeTableRequest.class));
    verify(dynamo, never()).describeTable(DescribeTableRequest.builder().tableName("user-sessions").build());
  }

  private static DescribeContinuousBackupsResponse continuous(String pitr) {
    return DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
        .continuousBackupsStatus("ENABLED").pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
            .pointInTimeRecoveryStatus(pitr).build()).build()).build();
  }
}
