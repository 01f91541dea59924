package dev.opskit.backup.internal;

import dev.opskit.backup.AutomatedBackupSettings;
import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.backup.PruneResult;
import dev.opskit.backup.RdsBackups;
import dev.opskit.backup.RecoveryReport;
import dev.opskit.backup.RecoveryRequest;
import dev.opskit.backup.RestorableWindow;
import dev.opskit.backup.RestoreOptions;
import dev.opskit.backup.RestorePoint;
import dev.opskit.backup.SettingsPlan;
import dev.opskit.backup.SnapshotOptions;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.value.Tags;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** RDS backups of one instance: snapshots and restores here; settings, pruning and recovery delegated. */
public final class RdsBackupsImpl implements RdsBackups {
  private static final Logger LOG = LoggerFactory.getLogger(RdsBackupsImpl.class);
  private static final String ALREADY_EXISTS = "DBSnapshotAlreadyExists";
  /** Names taken by others between the listing and the create that are stepped over before giving up. */
  private static final int MAX_COLLISIONS = 20;
  private final OpsContext ctx;
  private final String instanceId;
  private final RdsLookup lookup;
  private final RdsRestorer restorer;
  private final RdsClient rds;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param rds the RDS client (the context's, or a stub in tests)
   * @param instanceId the instance
   */
  public RdsBackupsImpl(OpsContext ctx, RdsClient rds, String instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.instanceId = DbInstanceId.of(instanceId).value();
    this.lookup = new RdsLookup(ctx, rds);
    this.restorer = new RdsRestorer(ctx, rds, lookup, this.instanceId);
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public DbSnapshot snapshot() {
    return snapshot(SnapshotOptions.builder().build());
  }

  @Override
  public DbSnapshot snapshot(Consumer<SnapshotOptions.Builder> options) {
    SnapshotOptions.Builder b = SnapshotOptions.builder();
    options.accept(b);
    return snapshot(b.build());
  }

  @Override
  public DbSnapshot snapshot(SnapshotOptions options) {
    if (options == null) {
      throw ValidationException.of("options", null, "snapshot options (SnapshotOptions.builder().build() for the defaults)");
    }
    DBInstance source = lookup.instance(instanceId);
    Map<String, String> tags = RdsModel.merged(RdsModel.tags(source.tagList()), ctx.defaultTags(), options.tags());
    if (options.name().isPresent()) {
      return take(options, source, options.name().get().value(), tags);
    }
    // The guide's name of the day: one listing tells which are taken; a name another caller takes between
    // that listing and the create is met as "already exists", and the next free name is tried.
    LocalDate day = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
    Set<String> taken = new HashSet<>();
    lookup.snapshots(instanceId).forEach(s -> taken.add(s.id()));
    for (int collisions = 0; ; collisions++) {
      String id = SnapshotNames.firstFree(instanceId, day, taken::contains).value();
      try {
        return take(options, source, id, tags);
      } catch (ResourceStateException e) {
        if (!ALREADY_EXISTS.equals(e.awsErrorCode()) || collisions >= MAX_COLLISIONS) {
          throw e;
        }
        LOG.debug("snapshot name taken meanwhile instance={} name={}; trying the next", instanceId, id);
        taken.add(id);
      }
    }
  }

  private DbSnapshot take(SnapshotOptions options, DBInstance source, String id, Map<String, String> tags) {
    LOG.debug("snapshot instance={} name={} dryRun={}", instanceId, id, ctx.isDryRun());
    // A fresh call id tag proves, on a retry that meets "already exists", that the snapshot is this call's.
    String callId = Tags.newCallId();
    CreateDbSnapshotRequest request = CreateDbSnapshotRequest.builder()
        .dbInstanceIdentifier(instanceId)
        .dbSnapshotIdentifier(id)
        .tags(RdsModel.sdkTags(RdsModel.merged(tags, Map.of(), Map.of(Tags.CALL_ID_KEY, callId))))
        .build();
    ChangeResult<CreateDbSnapshotResponse> result = ctx.gate().submit(
        Change.of("rds:CreateDBSnapshot", id, request, rds::createDBSnapshot)
            // Only an earlier attempt of this call: a manual snapshot of this instance, made during the call.
            .ifAlreadyExists(attempts -> lookup.findSnapshot(id)
                .filter(s -> instanceId.equals(s.dbInstanceIdentifier()) && "manual".equals(s.snapshotType())
                    && callId.equals(RdsModel.tags(s.tagList()).get(Tags.CALL_ID_KEY))
                    && (s.snapshotCreateTime() == null || attempts.covers(s.snapshotCreateTime())))
                .map(s -> CreateDbSnapshotResponse.builder().dbSnapshot(s).build()))
            .build());
    if (result instanceof ChangeResult.Applied<CreateDbSnapshotResponse> applied) {
      return options.waitUntilAvailable()
          ? lookup.awaitSnapshot(id, options.timeout().orElse(ctx.defaultWaitTimeout()))
          : RdsModel.snapshot(applied.answer().dbSnapshot());
    }
    return new DbSnapshot(id, instanceId, DbSnapshot.Type.MANUAL, DbSnapshot.PLANNED, null, source.engine(),
        source.allocatedStorage() == null ? 0 : source.allocatedStorage(), tags);
  }

  @Override
  public List<DbSnapshot> snapshots() {
    return lookup.snapshots(instanceId);
  }

  @Override
  public RestorableWindow restorableWindow() {
    return restorer.window(lookup.instance(instanceId));
  }

  @Override
  public DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId) {
    return restoreFromSnapshot(snapshotId, newInstanceId, RestoreOptions.builder().build());
  }

  @Override
  public DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId, Consumer<RestoreOptions.Builder> options) {
    if (options == null) {
      throw ValidationException.of("options", null, "a function that sets the restore options, such as o -> o.instanceClass(\"db.t3.micro\")");
    }
    RestoreOptions.Builder b = RestoreOptions.builder();
    options.accept(b);
    return restoreFromSnapshot(snapshotId, newInstanceId, b.build());
  }

  @Override
  public DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId, RestoreOptions options) {
    DbSnapshotId snapshot = DbSnapshotId.of(snapshotId);
    DbInstanceId target = DbInstanceId.of(newInstanceId);
    if (options == null) {
      throw ValidationException.of("options", null, "restore options, such as RestoreOptions.builder().build()");
    }
    return restorer.restoreSnapshot(snapshot, target, options);
  }

  @Override
  public DatabaseInstance restoreToPointInTime(Instant time, String newInstanceId) {
    return restorer.restore(RestorePoint.at(time), DbInstanceId.of(newInstanceId), ctx.defaultWaitTimeout());
  }

  @Override
  public DatabaseInstance restoreToLatestRestorableTime(String newInstanceId) {
    return restorer.restore(RestorePoint.latest(), DbInstanceId.of(newInstanceId), ctx.defaultWaitTimeout());
  }

  @Override
  public SettingsPlan planAutomatedBackups(AutomatedBackupSettings settings) {
    return new AutomatedBackupsConfigurer(ctx, rds, lookup, instanceId).plan(settings);
  }

  @Override
  public SettingsPlan configureAutomatedBackups(AutomatedBackupSettings settings) {
    return new AutomatedBackupsConfigurer(ctx, rds, lookup, instanceId).apply(settings);
  }

  @Override
  public SettingsPlan configureAutomatedBackups(Consumer<AutomatedBackupSettings.Builder> settings) {
    AutomatedBackupSettings.Builder b = AutomatedBackupSettings.builder();
    settings.accept(b);
    return configureAutomatedBackups(b.build());
  }

  @Override
  public PruneResult prune(PrunePolicy policy) {
    return new SnapshotPruner(ctx, rds, lookup, instanceId).prune(policy);
  }

  @Override
  public RecoveryReport recover(Consumer<RecoveryRequest.Builder> request) {
    RecoveryRequest.Builder b = RecoveryRequest.builder();
    request.accept(b);
    return recover(b.build());
  }

  @Override
  public RecoveryReport recover(RecoveryRequest request) {
    return new RecoveryProcedure(restorer, instanceId).run(request, request.timeout().orElse(ctx.defaultWaitTimeout()));
  }
}
