package dev.opskit.backup.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.backup.AwsBackup;
import dev.opskit.backup.BackupJobDetails;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupSelectionDefinition;
import dev.opskit.backup.BackupSelectionSummary;
import dev.opskit.backup.Backups;
import dev.opskit.backup.RecoveryPoint;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Arn;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * AWS Backup operations moto lacks (CreateBackupSelection, StartBackupJob, DescribeBackupJob,
 * ListRecoveryPointsByBackupVault), against WireMock serving responses shaped as the AWS API reference
 * (REST-JSON, dates as epoch seconds).
 */
class AwsBackupWireMockTest {
  @RegisterExtension
  static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/backup");
  private static final Arn EFS = Arn.parse("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0");
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final List<ProgressEvent> progress = new ArrayList<>();
  private final List<OpsContext> contexts = new ArrayList<>();

  private AwsBackup backup(boolean dryRun) {
    OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(URI.create(AWS.baseUrl()))
        .clock(clock).sleeper(clock::advance).auditSink(audit).progressListener(progress::add).dryRun(dryRun)
        .build();
    contexts.add(ctx);
    return Backups.using(ctx).awsBackup();
  }

  @AfterEach
  void close() {
    contexts.forEach(OpsContext::close);
  }

  @Test
  void selectsTheGuidesFileSystemsByTag() {
    AWS.stubFor(put(urlEqualTo("/backup/plans/plan-1/selections/"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"SelectionId\":\"sel-1\",\"BackupPlanId\":\"plan-1\",\"CreationDate\":1767225600.0}")));

    BackupSelectionSummary made = backup(false).createSelection("plan-1",
        BackupSelectionDefinition.byTag("efs-file-systems", ROLE, "Backup", "daily")).orElseThrow();

    assertThat(made).isEqualTo(new BackupSelectionSummary("plan-1", "sel-1", "efs-file-systems"));
    AWS.verify(putRequestedFor(urlEqualTo("/backup/plans/plan-1/selections/")).withRequestBody(equalToJson(
        "{\"BackupSelection\":{\"SelectionName\":\"efs-file-systems\",\"IamRoleArn\":\"arn:aws:iam::123456789012:role/backup\","
            + "\"ListOfTags\":[{\"ConditionType\":\"STRINGEQUALS\",\"ConditionKey\":\"Backup\",\"ConditionValue\":\"daily\"}]},"
            + "\"CreatorRequestId\":\"${json-unit.any-string}\"}", true, true)));
  }

  @Test
  void startsAnOnDemandJobAndWaitsUntilItCompletes() {
    AWS.stubFor(put(urlEqualTo("/backup-jobs")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"BackupJobId\":\"job-1\",\"CreationDate\":1767225600.0,\"IsParent\":false}")));
    stubJob("Started", "running", job("RUNNING", "40.0", null));
    stubJob("running", "done", job("COMPLETED", "100.0", null));
    AwsBackup backup = backup(false);

    BackupJobDetails started = backup.startBackupJob(j -> j.backupVaultName("efs-backup-vault").resourceArn(EFS).iamRoleArn(ROLE)
        .lifecycle(BackupLifecycle.deleteAfterDays(35))).orElseThrow();
    BackupJobDetails done = backup.awaitJob(started.id());

    assertThat(started.id()).isEqualTo("job-1");
    assertThat(started.state()).isEqualTo(BackupJobDetails.State.CREATED);
    assertThat(done.isCompleted()).isTrue();
    assertThat(done.state()).isSameAs(BackupJobDetails.State.COMPLETED);
    assertThat(done.recoveryPointArn()).isEqualTo(Arn.parse("arn:aws:backup:us-east-1:123456789012:recovery-point:rp-1"));
    assertThat(progress).extracting(ProgressEvent::status).containsExactly("RUNNING 40.0%", "COMPLETED");
    AWS.verify(putRequestedFor(urlEqualTo("/backup-jobs")).withRequestBody(equalToJson(
        "{\"BackupVaultName\":\"efs-backup-vault\",\"ResourceArn\":\"" + EFS + "\",\"IamRoleArn\":\"" + ROLE + "\","
            + "\"IdempotencyToken\":\"${json-unit.any-string}\",\"Lifecycle\":{\"DeleteAfterDays\":35}}", true, true)));
  }

  @Test
  void aFailedJobEndsTheWaitWithAwsMessage() {
    AWS.stubFor(get(urlEqualTo("/backup-jobs/job-9")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(job("FAILED", "0.0", "Access denied to file system"))));

    assertThatThrownBy(() -> backup(false).awaitJob("job-9", Duration.ofMinutes(30)))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("backup:wait-backup-job-completed on job-9")
        .hasMessageContaining("backup job job-9 ended FAILED: Access denied to file system");
  }

  @Test
  void aStateAwsAddedLaterIsKeptAndTheWaitGoesOn() {
    stubJob("Started", "validating", job("VALIDATING", "99.0", null));
    stubJob("validating", "done", job("COMPLETED", "100.0", null));

    BackupJobDetails done = backup(false).awaitJob("job-1");

    assertThat(done.isCompleted()).isTrue();
    assertThat(progress).extracting(ProgressEvent::status).containsExactly("VALIDATING 99.0%", "COMPLETED");
  }

  @Test
  void listsRecoveryPointsAcrossEveryPage() {
    AWS.stubFor(get(urlPathEqualTo("/backup-vaults/efs-backup-vault/recovery-points/")).withQueryParam("nextToken", equalTo("t2"))
        .willReturn(okJson("{\"RecoveryPoints\":[" + point("rp-3") + "]}")));
    AWS.stubFor(get(urlEqualTo("/backup-vaults/efs-backup-vault/recovery-points/")).atPriority(10)
        .willReturn(okJson("{\"NextToken\":\"t2\",\"RecoveryPoints\":[" + point("rp-1") + "," + point("rp-2") + "]}")));

    List<RecoveryPoint> points;
    try (Stream<RecoveryPoint> all = backup(false).recoveryPoints("efs-backup-vault")) {
      points = all.toList();
    }

    assertThat(points).extracting(p -> p.arn().toString()).containsExactly(
        "arn:aws:backup:us-east-1:123456789012:recovery-point:rp-1", "arn:aws:backup:us-east-1:123456789012:recovery-point:rp-2",
        "arn:aws:backup:us-east-1:123456789012:recovery-point:rp-3");
    assertThat(points.get(0).status()).isSameAs(RecoveryPoint.Status.COMPLETED);
    assertThat(points.get(0).resourceType()).isEqualTo("EFS");
    assertThat(points.get(0).createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(points.get(0).sizeBytes()).isEqualTo(2048);
  }

  @Test
  void aDryRunReturnsPlannedChangesWithoutMadeUpIdsAndSendsNothing() {
    AwsBackup backup = backup(true);

    ChangeResult<BackupJobDetails> job = backup.startBackupJob("efs-backup-vault", EFS, ROLE);
    ChangeResult<BackupSelectionSummary> selection = backup.createSelection("plan-1",
        BackupSelectionDefinition.byResources("one-fs", ROLE, EFS));

    assertThat(job.isPlanned()).isTrue();
    assertThat(job.value()).isEmpty();
    assertThat(job.call().parameters()).containsEntry("ResourceArn", EFS.toString());
    assertThat(selection.isPlanned()).isTrue();
    assertThat(selection.value()).isEmpty();
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("backup:StartBackupJob", "backup:CreateBackupSelection");
    assertThat(audit.events()).allMatch(AuditEvent::dryRun);
    AWS.verify(0, anyRequestedFor(anyUrl()));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static void stubJob(String state, String next, String body) {
    AWS.stubFor(get(urlEqualTo("/backup-jobs/job-1")).inScenario("job").whenScenarioStateIs(state.equals("Started") ? Scenario.STARTED : state)
        .willReturn(okJson(body)).willSetStateTo(next));
  }

  private static String job(String state, String percent, String message) {
    return "{\"AccountId\":\"123456789012\",\"BackupJobId\":\"job-1\",\"BackupVaultName\":\"efs-backup-vault\","
        + "\"BackupVaultArn\":\"arn:aws:backup:us-east-1:123456789012:backup-vault:efs-backup-vault\","
        + "\"RecoveryPointArn\":\"arn:aws:backup:us-east-1:123456789012:recovery-point:rp-1\","
        + "\"ResourceArn\":\"" + EFS + "\",\"CreationDate\":1767225600.0,\"State\":\"" + state + "\","
        + (message == null ? "" : "\"StatusMessage\":\"" + message + "\",")
        + "\"PercentDone\":\"" + percent + "\",\"IamRoleArn\":\"" + ROLE + "\",\"ResourceType\":\"EFS\"}";
  }

  private static String point(String id) {
    return "{\"RecoveryPointArn\":\"arn:aws:backup:us-east-1:123456789012:recovery-point:" + id + "\","
        + "\"BackupVaultName\":\"efs-backup-vault\",\"ResourceArn\":\"" + EFS + "\",\"ResourceType\":\"EFS\","
        + "\"CreationDate\":1767225600.0,\"Status\":\"COMPLETED\",\"BackupSizeInBytes\":2048}";
  }
}
