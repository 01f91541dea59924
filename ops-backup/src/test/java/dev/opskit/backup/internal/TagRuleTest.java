package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.SnapshotOptions;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * One tag rule (core's {@code Tags}) for everything ops-backup tags: the caller's tags, the instance's tags
 * copied onto snapshots and restored instances, and the context's default tags, merged the same way.
 */
class TagRuleTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final RdsClient rds = mock(RdsClient.class);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(new TestClock(NOW))
      .auditSink(audit)
      .defaultTag("managed-by", "opskit")
      .defaultTag("team", "platform")
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private void instance(Map<String, String> tags) {
    List<Tag> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
    DBInstance db = DBInstance.builder().dbInstanceIdentifier("db").dbInstanceStatus("available").engine("postgres")
        .dbInstanceClass("db.t3.micro").backupRetentionPeriod(7).latestRestorableTime(NOW.minusSeconds(300))
        .instanceCreateTime(NOW.minus(Duration.ofDays(30))).tagList(list).build();
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
      if (!"db".equals(call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier())) {
        throw DbInstanceNotFoundException.builder().statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
      }
      return DescribeDbInstancesResponse.builder().dbInstances(db).build();
    });
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  @Test
  void aSnapshotGetsTheInstancesTagsThenTheDefaultsThenTheCallersButNeverAwsOwnInAnyCase() {
    instance(Map.of("team", "payments", "env", "prod", "aws:cloudformation:stack-name", "shop", "AWS:Backup:Source", "x"));
    when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenAnswer(call -> CreateDbSnapshotResponse.builder()
        .dbSnapshot(DBSnapshot.builder().dbSnapshotIdentifier("db-before-upgrade").dbInstanceIdentifier("db")
            .snapshotType("manual").status("creating").build()).build());

    new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db"))
        .snapshot(o -> o.name("db-before-upgrade").tag("env", "staging").waitUntilAvailable(false));

    ArgumentCaptor<CreateDbSnapshotRequest> sent = ArgumentCaptor.forClass(CreateDbSnapshotRequest.class);
    verify(rds).createDBSnapshot(sent.capture());
    Map<String, String> tags = tags(sent.getValue().tags());
    assertThat(tags).containsEntry("team", "platform").containsEntry("env", "staging").containsEntry("managed-by", "opskit")
        .containsKey("opskit:call-id").hasSize(4);
  }

  @Test
  void aRestoredInstanceGetsTheDefaultTagsByTheSameRule() {
    instance(Map.of("team", "payments", "AWS:Backup:Source", "x"));
    when(rds.describeDBInstanceAutomatedBackupsPaginator(any(DescribeDbInstanceAutomatedBackupsRequest.class))).thenCallRealMethod();
    when(rds.describeDBInstanceAutomatedBackups(any(DescribeDbInstanceAutomatedBackupsRequest.class)))
        .thenReturn(DescribeDbInstanceAutomatedBackupsResponse.builder().build());
    when(rds.restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class)))
        .thenReturn(RestoreDbInstanceToPointInTimeResponse.builder().build());

    try (OpsContext dry = ctx.withDryRun(true)) {
      new RdsBackupsImpl(dry, rds, DbInstanceId.of("db")).restoreToLatestRestorableTime("db-restored");
    }

    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(String.valueOf(e.parameters().get("Tags")))
        .contains("Key=team, Value=platform").contains("Key=managed-by, Value=opskit").contains("opskit:restored-from")
        .doesNotContain("AWS:Backup:Source"));
  }

  @Test
  void moreTagsThanAwsAllowsOnOneResourceAreRefusedBeforeTheSnapshot() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 47; i++) {
      many.put("k" + i, "v");
    }
    instance(many);

    assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).snapshot(o -> o.name("db-snap").tag("reason", "x")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid tags: '51 tags'. Allowed: at most 50 tags per resource");
    verify(rds, never()).createDBSnapshot(any(CreateDbSnapshotRequest.class));
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void theCallersTagsFollowAwsRuleForKeysAndValues() {
    assertThatThrownBy(() -> SnapshotOptions.builder().tag("AWS:team", "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid tags.key: 'AWS:team'. Allowed: a key not starting with aws: (in any case), which AWS reserves");
    assertThatThrownBy(() -> SnapshotOptions.builder().tag("reason", "line\nbreak"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid tags.reason: 'line\nbreak'. Allowed: 0 to 256 letters, digits, spaces and _.:/=+-@");
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> SnapshotOptions.builder().tags(many).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid tags: '51 tags'. Allowed: at most 50 tags per resource");
  }
}
