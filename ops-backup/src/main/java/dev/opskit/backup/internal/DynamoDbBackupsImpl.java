package dev.opskit.backup.internal;

import dev.opskit.core.Reads;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.DynamoDbBackups;
import dev.opskit.backup.PitrStatus;
import dev.opskit.backup.TableBackup;
import dev.opskit.backup.TableSummary;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.TableName;
import dev.opskit.core.waiting.PollResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoverySpecification;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;

/** DynamoDB point-in-time recovery and on-demand backups of one table. */
public final class DynamoDbBackupsImpl implements DynamoDbBackups {
  private static final Pattern BACKUP_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private final OpsContext ctx;
  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param dynamo the DynamoDB client
   * @param table the table
   */
  public DynamoDbBackupsImpl(OpsContext ctx, DynamoDbClient dynamo, String table) {
    this.ctx = ctx;
    this.dynamo = dynamo;
    this.table = TableName.of(table).value();
  }

  @Override
  public String tableName() {
    return table;
  }

  @Override
  public PitrStatus pointInTimeRecovery() {
    return pitr(table);
  }

  static PitrStatus pitr(DynamoDbClient dynamo, String table) {
    PointInTimeRecoveryDescription d = Reads.read("dynamodb:DescribeContinuousBackups", table, () ->
        dynamo.describeContinuousBackups(DescribeContinuousBackupsRequest.builder().tableName(table).build())
            .continuousBackupsDescription().pointInTimeRecoveryDescription());
    return d == null ? new PitrStatus(table, "DISABLED", null, null)
        : new PitrStatus(table, d.pointInTimeRecoveryStatusAsString(), d.earliestRestorableDateTime(), d.latestRestorableDateTime());
  }

  private PitrStatus pitr(String name) {
    return pitr(dynamo, name);
  }

  @Override
  public PitrStatus enablePointInTimeRecovery() {
    PitrStatus current = pitr(table);
    if (current.isEnabled()) {
      return current;
    }
    UpdateContinuousBackupsRequest request = UpdateContinuousBackupsRequest.builder()
        .tableName(table)
        .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
        .build();
    ChangeResult<?> result = ctx.gate().submit(
        Change.of("dynamodb:UpdateContinuousBackups", table, request, dynamo::updateContinuousBackups).build());
    if (result.isPlanned()) {
      return new PitrStatus(table, DbSnapshot.PLANNED, null, null);
    }
    return ctx.poller("dynamodb:wait-pitr-enabled", table).await(() -> {
      PitrStatus s = pitr(table);
      return s.isEnabled() ? PollResult.done(s, s.status()) : PollResult.<PitrStatus>pending(s.status());
    }).orElseThrow();
  }

  @Override
  public TableSummary restoreToPointInTime(Instant time, String targetTable) {
    if (time == null) {
      throw ValidationException.of("restoreTime", null, "a time inside the table's restorable window");
    }
    return restore(time, TableName.of(targetTable).value());
  }

  @Override
  public TableSummary restoreToLatestRestorableTime(String targetTable) {
    return restore(null, TableName.of(targetTable).value());
  }

  private TableSummary restore(@Nullable Instant time, String target) {
    PitrStatus status = pitr(table);
    if (!status.isEnabled()) {
      throw new ResourceStateException("point-in-time recovery is " + status.status()
          + "; enable it first (it covers changes from then on)", "dynamodb:RestoreTableToPointInTime", table, null);
    }
    if (time != null && (status.earliestRestorable() == null || status.latestRestorable() == null
        || time.isBefore(status.earliestRestorable()) || time.isAfter(status.latestRestorable()))) {
      throw ValidationException.of("restoreTime", time, "a time inside the restorable window ["
          + status.earliestRestorable() + ", " + status.latestRestorable() + "] of " + table);
    }
    String sourceArn = describe(table).map(TableDescription::tableArn).orElse(null);
    Optional<TableDescription> taken = describe(target);
    if (taken.isPresent()) {
      throw new ResourceStateException("table " + target + " already exists" + origin(taken.get())
          + "; restore into a name no table uses, or delete that table first", "dynamodb:RestoreTableToPointInTime",
          target, null);
    }
    RestoreTableToPointInTimeRequest.Builder request =
        RestoreTableToPointInTimeRequest.builder().sourceTableName(table).targetTableName(target);
    if (time == null) {
      request.useLatestRestorableTime(true);
    } else {
      request.restoreDateTime(time);
    }
    ChangeResult<RestoreTableToPointInTimeResponse> result = ctx.gate().submit(
        Change.of("dynamodb:RestoreTableToPointInTime", target, request.build(), dynamo::restoreTableToPointInTime)
            .ifAlreadyExists(attempts -> describe(target)
                .filter(t -> restoredFrom(t, sourceArn, time) && attempts.covers(t.creationDateTime()))
                .map(t -> RestoreTableToPointInTimeResponse.builder().tableDescription(t).build()))
            .build());
    if (result.isPlanned()) {
      return new TableSummary(target, DbSnapshot.PLANNED, null);
    }
    return ctx.poller("dynamodb:wait-table-active", target).await(() -> {
      Optional<TableDescription> t = describe(target);
      if (t.isEmpty()) {
        return PollResult.<TableSummary>pending("not-yet-visible");
      }
      TableSummary s = new TableSummary(target, t.get().tableStatusAsString(), t.get().tableArn());
      return s.isActive() ? PollResult.done(s, s.status()) : PollResult.pending(s.status());
    }).orElseThrow();
  }

  /**
   * Whether a table was restored from the source table to the time asked for (any time, for the latest
   * restorable time): what an earlier attempt of this call would have made.
   */
  private static boolean restoredFrom(TableDescription t, @Nullable String sourceArn, @Nullable Instant time) {
    RestoreSummary r = t.restoreSummary();
    if (r == null || sourceArn == null || !sourceArn.equals(r.sourceTableArn())) {
      return false;
    }
    return time == null || (r.restoreDateTime() != null
        && Duration.between(r.restoreDateTime(), time).abs().compareTo(Duration.ofSeconds(1)) < 0);
  }

  /** What AWS says a table was restored from, for messages. */
  private static String origin(TableDescription t) {
    RestoreSummary r = t.restoreSummary();
    if (r == null) {
      return " (created " + t.creationDateTime() + ", not a restore)";
    }
    return " (restored from " + (r.sourceTableArn() != null ? r.sourceTableArn() : r.sourceBackupArn())
        + " to " + r.restoreDateTime() + ", created " + t.creationDateTime() + ")";
  }

  private Optional<TableDescription> describe(String name) {
    return Reads.find("dynamodb:DescribeTable", name, () ->
        dynamo.describeTable(DescribeTableRequest.builder().tableName(name).build()).table());
  }

  @Override
  public TableBackup createBackup(String backupName) {
    if (backupName == null || !BACKUP_NAME.matcher(backupName).matches()) {
      throw ValidationException.of("backupName", backupName, "3 to 255 ASCII letters, digits, '_', '.' and '-'");
    }
    describe(table).orElseThrow(() -> new dev.opskit.core.ResourceNotFoundException(
        "no table " + table + " in " + ctx.region().id(), "dynamodb:DescribeTable", table, null));
    CreateBackupRequest request = CreateBackupRequest.builder().tableName(table).backupName(backupName).build();
    // CreateBackup has no idempotency token: each attempt the SDK sends after a lost answer makes one more
    // backup. The gate removes those it can prove this call made, and adopts one if every answer was lost.
    ChangeResult<CreateBackupResponse> result = ctx.gate().submit(
        Change.of("dynamodb:CreateBackup", table, request, dynamo::createBackup)
            .duplicatesOfRetries(Duplicates.of(
                r -> r.backupDetails().backupArn(),
                r -> r.backupDetails().backupCreationDateTime(),
                attempts -> madeDuring(backupName, attempts),
                arn -> Change.of("dynamodb:DeleteBackup", arn, DeleteBackupRequest.builder().backupArn(arn).build(),
                    dynamo::deleteBackup).ifAlreadyGone().build()))
            .build());
    if (result instanceof ChangeResult.Applied<CreateBackupResponse> applied) {
      BackupDetails d = applied.answer().backupDetails();
      return new TableBackup(d.backupArn(), d.backupName(), table, d.backupStatusAsString(), d.backupCreationDateTime(),
          d.backupSizeBytes() == null ? 0 : d.backupSizeBytes());
    }
    return new TableBackup(null, backupName, table, DbSnapshot.PLANNED, null, 0);
  }

  /** Backups of this table with this name, not deleted, created inside the call's attempts. */
  private List<Duplicates.Made<CreateBackupResponse>> madeDuring(String backupName, CallAttempts attempts) {
    return backups().stream()
        .filter(b -> backupName.equals(b.name()) && b.arn() != null && b.createdAt() != null
            && attempts.covers(b.createdAt()) && !"DELETED".equals(b.status()))
        .map(b -> new Duplicates.Made<>(b.arn(), b.createdAt(), CreateBackupResponse.builder()
            .backupDetails(BackupDetails.builder().backupArn(b.arn()).backupName(b.name())
                .backupStatus(b.status()).backupCreationDateTime(b.createdAt()).backupSizeBytes(b.sizeBytes()).build())
            .build()))
        .toList();
  }

  @Override
  public List<TableBackup> backups() {
    return Reads.read("dynamodb:ListBackups", table, () -> Pages.stream("dynamodb:ListBackups", token -> {
      ListBackupsResponse page = dynamo.listBackups(
          ListBackupsRequest.builder().tableName(table).exclusiveStartBackupArn(token).build());
      return Page.of(page.backupSummaries(), page.lastEvaluatedBackupArn());
    }).map(DynamoDbBackupsImpl::backup)
        .sorted(Comparator.comparing(TableBackup::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
        .toList());
  }

  private static TableBackup backup(BackupSummary s) {
    return new TableBackup(s.backupArn(), s.backupName(), s.tableName(), s.backupStatusAsString(), s.backupCreationDateTime(),
        s.backupSizeBytes() == null ? 0 : s.backupSizeBytes());
  }

  @Override
  public void deleteBackup(String backupArn) {
    Arn arn = Arn.parse(backupArn);
    if (!"dynamodb".equals(arn.service()) || !arn.resource().startsWith("table/" + table + "/backup/")) {
      throw ValidationException.of("backupArn", backupArn, "the ARN of a backup of table " + table
          + " (arn:aws:dynamodb:<region>:<account>:table/" + table + "/backup/<id>)");
    }
    DeleteBackupRequest request = DeleteBackupRequest.builder().backupArn(backupArn).build();
    ctx.gate().submit(Change.of("dynamodb:DeleteBackup", backupArn, request, dynamo::deleteBackup).ifAlreadyGone().build());
  }
}
