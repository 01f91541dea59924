package dev.opskit.backup.internal;

import dev.opskit.backup.DynamoDbBackups;
import dev.opskit.backup.DynamoDbTableStatus;
import dev.opskit.backup.PitrStatus;
import dev.opskit.backup.PointInTimeRecovery;
import dev.opskit.backup.TableBackup;
import dev.opskit.backup.TableBackupStatus;
import dev.opskit.backup.TableSummary;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.TableName;
import dev.opskit.core.waiting.PollResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;

/** DynamoDB point-in-time recovery and on-demand backups of one table. */
public final class DynamoDbBackupsImpl implements DynamoDbBackups {
  private static final Pattern BACKUP_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  static final String RESTORE = "dynamodb:RestoreTableToPointInTime";

  private final OpsContext ctx;
  private final DynamoDbClient dynamo;
  private final TableName tableName;
  private final String table;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param dynamo the DynamoDB client
   * @param table the table
   */
  public DynamoDbBackupsImpl(OpsContext ctx, DynamoDbClient dynamo, TableName table) {
    this.ctx = ctx;
    this.dynamo = dynamo;
    this.tableName = Checks.present("tableName", table, "a table name");
    this.table = table.value();
  }

  @Override
  public TableName tableName() {
    return tableName;
  }

  @Override
  public PointInTimeRecovery pointInTimeRecovery() {
    return pitr(dynamo, table);
  }

  static PointInTimeRecovery pitr(DynamoDbClient dynamo, String table) {
    return toValue(table, description(dynamo, table));
  }

  /** The status alone, for tables of any name AWS lists (the coverage scan). */
  static PitrStatus pitrStatus(DynamoDbClient dynamo, String table) {
    PointInTimeRecoveryDescription d = description(dynamo, table);
    return d == null ? PitrStatus.DISABLED : PitrStatus.of(d.pointInTimeRecoveryStatusAsString());
  }

  private static @Nullable PointInTimeRecoveryDescription description(DynamoDbClient dynamo, String table) {
    return Reads.read("dynamodb:DescribeContinuousBackups", table, () ->
        dynamo.describeContinuousBackups(DescribeContinuousBackupsRequest.builder().tableName(table).build())
            .continuousBackupsDescription().pointInTimeRecoveryDescription());
  }

  private static PointInTimeRecovery toValue(String table, @Nullable PointInTimeRecoveryDescription d) {
    TableName name = TableName.of(table);
    return d == null ? new PointInTimeRecovery(name, PitrStatus.DISABLED, null, null)
        : new PointInTimeRecovery(name, PitrStatus.of(d.pointInTimeRecoveryStatusAsString()), d.earliestRestorableDateTime(),
            d.latestRestorableDateTime());
  }

  @Override
  public ChangeResult<PointInTimeRecovery> enablePointInTimeRecovery() {
    PointInTimeRecoveryDescription current = description(dynamo, table);
    PointInTimeRecoverySpecification.Builder enable = PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true);
    if (current != null && current.recoveryPeriodInDays() != null) {
      // Without a period AWS sets its default (35 days): keep the one the table has.
      enable.recoveryPeriodInDays(current.recoveryPeriodInDays());
    }
    UpdateContinuousBackupsRequest request = UpdateContinuousBackupsRequest.builder()
        .tableName(table).pointInTimeRecoverySpecification(enable.build()).build();
    ChangeResult<UpdateContinuousBackupsResponse> result = ctx.gate().submit(
        Change.of("dynamodb:UpdateContinuousBackups", table, request, dynamo::updateContinuousBackups).build());
    return Results.withValue(result, () -> {
      // AWS's answer describes the new state: when it already says ENABLED there is nothing to wait for.
      Optional<PointInTimeRecovery> answered = result.value()
          .map(UpdateContinuousBackupsResponse::continuousBackupsDescription)
          .map(ContinuousBackupsDescription::pointInTimeRecoveryDescription)
          .map(d -> toValue(table, d)).filter(PointInTimeRecovery::isEnabled);
      return answered.orElseGet(() -> ctx.poller("dynamodb:wait-pitr-enabled", table).await(() -> {
        PointInTimeRecovery s = pitr(dynamo, table);
        return s.isEnabled() ? PollResult.done(s, s.status().value()) : PollResult.<PointInTimeRecovery>pending(s.status().value());
      }).orElseThrow());
    });
  }

  @Override
  public ChangeResult<TableSummary> restoreToPointInTime(Instant time, TableName targetTable) {
    if (time == null) {
      throw ValidationException.of("restoreTime", null, "a time inside the table's restorable window");
    }
    return restore(time, Checks.present("targetTable", targetTable, "the new table's name"));
  }

  @Override
  public ChangeResult<TableSummary> restoreToLatestRestorableTime(TableName targetTable) {
    return restore(null, Checks.present("targetTable", targetTable, "the new table's name"));
  }

  private ChangeResult<TableSummary> restore(@Nullable Instant time, TableName targetTable) {
    String target = targetTable.value();
    PointInTimeRecovery status = pitr(dynamo, table);
    if (!status.isEnabled()) {
      throw new ResourceStateException("point-in-time recovery is " + status.status()
          + "; enable it first (it covers changes from then on)", RESTORE, table, null);
    }
    if (time != null && !status.contains(time)) {
      throw ValidationException.of("restoreTime", time, "a time inside the restorable window ["
          + status.earliestRestorable() + ", " + status.latestRestorable() + "] of " + table);
    }
    Optional<TableDescription> taken = describe(target);
    if (taken.isPresent()) {
      throw new ResourceStateException("table " + target + " already exists" + origin(taken.get())
          + "; restore into a name no table uses, or delete that table first", RESTORE, target, null);
    }
    RestoreTableToPointInTimeRequest.Builder request =
        RestoreTableToPointInTimeRequest.builder().sourceTableName(table).targetTableName(target);
    if (time == null) {
      request.useLatestRestorableTime(true);
    } else {
      request.restoreDateTime(time);
    }
    ChangeResult<RestoreTableToPointInTimeResponse> result = ctx.gate().submit(
        Change.of(RESTORE, target, request.build(), dynamo::restoreTableToPointInTime)
            // Only a retry whose first attempt was lost needs the source's ARN: read it then, not on every restore.
            .ifAlreadyExists(attempts -> {
              String sourceArn = describe(table).map(TableDescription::tableArn).orElse(null);
              return describe(target)
                  .filter(t -> restoredFrom(t, sourceArn, time) && attempts.covers(t.creationDateTime()))
                  .map(t -> RestoreTableToPointInTimeResponse.builder().tableDescription(t).build());
            })
            .build());
    return Results.withValue(result, () -> {
      // AWS answers with the new table's description (CREATING, as a rule): when it is already ACTIVE, done.
      Optional<TableSummary> answered = result.value().map(RestoreTableToPointInTimeResponse::tableDescription)
          .filter(t -> t.tableArn() != null).map(t -> summary(targetTable, t)).filter(TableSummary::isActive);
      return answered.orElseGet(() -> ctx.poller("dynamodb:wait-table-active", target).await(() -> {
        Optional<TableDescription> t = describe(target);
        if (t.isEmpty()) {
          return PollResult.<TableSummary>pending("not-yet-visible");
        }
        TableSummary s = summary(targetTable, t.get());
        return s.isActive() ? PollResult.done(s, s.status().value()) : PollResult.pending(s.status().value());
      }).orElseThrow());
    });
  }

  private static TableSummary summary(TableName name, TableDescription t) {
    return new TableSummary(name, DynamoDbTableStatus.of(t.tableStatusAsString()), Arn.parse(t.tableArn()));
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
  public ChangeResult<TableBackup> createBackup(String backupName) {
    if (backupName == null || !BACKUP_NAME.matcher(backupName).matches()) {
      throw ValidationException.of("backupName", backupName, "3 to 255 ASCII letters, digits, '_', '.' and '-'");
    }
    if (describe(table).isEmpty()) {
      throw new ResourceNotFoundException(
          "no table " + table + " in " + ctx.region().id(), "dynamodb:DescribeTable", table, null);
    }
    CreateBackupRequest request = CreateBackupRequest.builder().tableName(table).backupName(backupName).build();
    // CreateBackup has no idempotency token: each attempt the SDK sends after a lost answer makes one more
    // backup. The gate removes those it can prove this call made, and adopts one if every answer was lost.
    ChangeResult<CreateBackupResponse> result = ctx.gate().submit(
        Change.of("dynamodb:CreateBackup", table, request, dynamo::createBackup)
            .duplicatesOfRetries(Duplicates.of(
                r -> r.backupDetails().backupArn(),
                () -> sameName(backupName),
                arn -> Change.of("dynamodb:DeleteBackup", arn, DeleteBackupRequest.builder().backupArn(arn).build(),
                    dynamo::deleteBackup).ifAlreadyGone().build()))
            .build());
    return Results.withValue(result, () -> backup(result.orElseThrow().backupDetails(), backupName));
  }

  private TableBackup backup(@Nullable BackupDetails d, String name) {
    if (d == null || d.backupArn() == null) {
      throw new ServiceException("DynamoDB answered CreateBackup " + name + " without the backup's ARN",
          "dynamodb:CreateBackup", table, null);
    }
    return new TableBackup(Arn.parse(d.backupArn()), d.backupName() == null ? name : d.backupName(), tableName,
        TableBackupStatus.of(d.backupStatusAsString()), d.backupCreationDateTime(),
        d.backupSizeBytes() == null ? 0 : d.backupSizeBytes());
  }

  /** Backups of this table with this name, not deleted (the gate lists them before and after the create). */
  private List<Duplicates.Made<CreateBackupResponse>> sameName(String backupName) {
    try (Stream<TableBackup> all = backups()) {
      return all
          .filter(b -> backupName.equals(b.name()) && b.createdAt() != null && !TableBackupStatus.DELETED.equals(b.status()))
          .map(b -> new Duplicates.Made<>(b.arn().toString(), b.createdAt(), CreateBackupResponse.builder()
              .backupDetails(BackupDetails.builder().backupArn(b.arn().toString()).backupName(b.name())
                  .backupStatus(b.status().value()).backupCreationDateTime(b.createdAt()).backupSizeBytes(b.sizeBytes())
                  .build())
              .build()))
          .toList();
    }
  }

  @Override
  public Stream<TableBackup> backups() {
    return Reads.stream("dynamodb:ListBackups", table, () -> Pages.stream("dynamodb:ListBackups", token -> {
      ListBackupsResponse page = dynamo.listBackups(
          ListBackupsRequest.builder().tableName(table).exclusiveStartBackupArn(token).build());
      return Page.of(page.backupSummaries(), page.lastEvaluatedBackupArn());
    }).map(DynamoDbBackupsImpl::backup));
  }

  private static TableBackup backup(BackupSummary s) {
    return new TableBackup(Arn.parse(s.backupArn()), s.backupName(), TableName.of(s.tableName()),
        TableBackupStatus.of(s.backupStatusAsString()), s.backupCreationDateTime(),
        s.backupSizeBytes() == null ? 0 : s.backupSizeBytes());
  }

  @Override
  public ChangeResult<TableBackup> deleteBackup(Arn backupArn) {
    Checks.present("backupArn", backupArn, "the ARN of a backup of table " + table);
    if (!"dynamodb".equals(backupArn.service()) || !backupArn.resource().startsWith("table/" + table + "/backup/")) {
      throw ValidationException.of("backupArn", backupArn, "the ARN of a backup of table " + table
          + " (arn:aws:dynamodb:<region>:<account>:table/" + table + "/backup/<id>)");
    }
    String arn = backupArn.toString();
    DeleteBackupRequest request = DeleteBackupRequest.builder().backupArn(arn).build();
    ChangeResult<DeleteBackupResponse> result = ctx.gate().submit(
        Change.of("dynamodb:DeleteBackup", arn, request, dynamo::deleteBackup).ifAlreadyGone().build());
    return result.map(r -> deletedBackup(r, backupArn));
  }

  private TableBackup deletedBackup(DeleteBackupResponse r, Arn arn) {
    var details = r.backupDescription() == null ? null : r.backupDescription().backupDetails();
    return new TableBackup(arn, details == null || details.backupName() == null ? arn.resource() : details.backupName(),
        tableName, details == null ? TableBackupStatus.DELETED : TableBackupStatus.of(details.backupStatusAsString()),
        details == null ? null : details.backupCreationDateTime(),
        details == null || details.backupSizeBytes() == null ? 0 : details.backupSizeBytes());
  }
}
