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
import dev.opskit.backup.SnapshotOptions;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.value.Tags;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
  private final DbInstanceId id;
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
  public RdsBackupsImpl(OpsContext ctx, RdsClient rds, DbInstanceId instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.id = Checks.present("dbInstanceId", instanceId, "a DB instance identifier");
    this.instanceId = instanceId.value();
    this.lookup = new RdsLookup(ctx, rds);
    this.restorer = new RdsRestorer(ctx, rds, lookup, id);
  }

  @Override
  public DbInstanceId instanceId() {
    return id;
  }

  @Override
  public ChangeResult<DbSnapshot> snapshot(SnapshotOptions options) {
    Checks.present("options", options, "snapshot options (SnapshotOptions.builder().build() for the defaults)");
    DBInstance source = lookup.instance(instanceId);
    Tags tags = RdsModel.created(source.tagList(), ctx.defaultTags(), options.tags(), Map.of());
    if (options.name().isPresent()) {
      return take(options, options.name().get().value(), tags);
    }
    // The guide's name of the day: one listing tells which are taken; a name another caller takes between
    // that listing and the create is met as "already exists", and the next free name is tried.
    LocalDate day = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
    Set<String> taken = new HashSet<>();
    try (Stream<DbSnapshot> all = lookup.snapshots(instanceId)) {
      all.forEach(s -> taken.add(s.id()));
    }
    for (int collisions = 0; ; collisions++) {
      String name = SnapshotNames.firstFree(instanceId, day, taken::contains).value();
      try {
        return take(options, name, tags);
      } catch (ResourceStateException e) {
        if (!ALREADY_EXISTS.equals(e.awsErrorCode()) || collisions >= MAX_COLLISIONS) {
          throw e;
        }
        LOG.debug("snapshot name taken meanwhile instance={} name={}; trying the next", instanceId, name);
        taken.add(name);
      }
    }
  }

  private ChangeResult<DbSnapshot> take(SnapshotOptions options, String name, Tags tags) {
    LOG.debug("snapshot instance={} name={} dryRun={}", instanceId, name, ctx.isDryRun());
    // A fresh call id tag proves, on a retry that meets "already exists", that the snapshot is this call's.
    String callId = Tags.newCallId();
    CreateDbSnapshotRequest request = CreateDbSnapshotRequest.builder()
        .dbInstanceIdentifier(instanceId)
        .dbSnapshotIdentifier(name)
        .tags(RdsModel.sdkTags(tags.and(Map.of(Tags.CALL_ID_KEY, callId))))
        .build();
    ChangeResult<CreateDbSnapshotResponse> result = ctx.gate().submit(
        Change.of("rds:CreateDBSnapshot", name, request, rds::createDBSnapshot)
            // Only an earlier attempt of this call: a manual snapshot of this instance, made during the call.
            .ifAlreadyExists(attempts -> lookup.findSnapshot(name)
                .filter(s -> instanceId.equals(s.dbInstanceIdentifier()) && "manual".equals(s.snapshotType())
                    && callId.equals(RdsModel.tags(s.tagList()).get(Tags.CALL_ID_KEY))
                    && (s.snapshotCreateTime() == null || attempts.covers(s.snapshotCreateTime())))
                .map(s -> CreateDbSnapshotResponse.builder().dbSnapshot(s).build()))
            .build());
    return Results.withValue(result, () -> options.waitUntilAvailable()
        ? lookup.awaitSnapshot(name, options.timeout().orElse(ctx.defaultWaitTimeout()))
        : firstReported(result, name));
  }

  /** The snapshot as AWS's answer describes it, or as AWS lists it when the answer has none. */
  private DbSnapshot firstReported(ChangeResult<CreateDbSnapshotResponse> result, String name) {
    return result.value().filter(r -> r.dbSnapshot() != null).map(r -> RdsModel.snapshot(r.dbSnapshot()))
        .or(() -> lookup.findSnapshot(name).map(RdsModel::snapshot))
        .orElseThrow(() -> new ServiceException("RDS made snapshot " + name + " but neither answered nor lists it",
            "rds:CreateDBSnapshot", name, null));
  }

  @Override
  public Stream<DbSnapshot> snapshots() {
    return lookup.snapshots(instanceId);
  }

  @Override
  public RestorableWindow restorableWindow() {
    return restorer.window(lookup.instance(instanceId));
  }

  @Override
  public ChangeResult<DatabaseInstance> restoreFromSnapshot(
      DbSnapshotId snapshotId, DbInstanceId newInstanceId, RestoreOptions options) {
    Checks.present("snapshotId", snapshotId, "a DB snapshot identifier");
    Checks.present("newInstanceId", newInstanceId, "the identifier of the instance to restore into");
    Checks.present("options", options, "restore options, such as RestoreOptions.builder().build()");
    return restorer.restoreSnapshot(snapshotId, newInstanceId, options);
  }

  @Override
  public ChangeResult<DatabaseInstance> restoreToPointInTime(Instant time, DbInstanceId newInstanceId) {
    RestorePoint point = RestorePoint.at(time);
    return restorer.restore(point, present(newInstanceId), ctx.defaultWaitTimeout());
  }

  @Override
  public ChangeResult<DatabaseInstance> restoreToLatestRestorableTime(DbInstanceId newInstanceId) {
    return restorer.restore(RestorePoint.latest(), present(newInstanceId), ctx.defaultWaitTimeout());
  }

  private static DbInstanceId present(DbInstanceId newInstanceId) {
    return Checks.present("newInstanceId", newInstanceId, "the identifier of the instance to restore into");
  }

  @Override
  public Plan plan(Collection<? extends AutomatedBackupSettings> definitions) {
    return new AutomatedBackupsConfigurer(rds, lookup, instanceId).plan(definitions);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from plan(settings)"));
  }

  @Override
  public PruneResult prune(PrunePolicy policy) {
    Checks.present("policy", policy, "a prune policy, such as PrunePolicy.keepLast(7)");
    return new SnapshotPruner(ctx, rds, lookup, id).prune(policy);
  }

  @Override
  public RecoveryReport recover(RecoveryRequest request) {
    Checks.present("request", request, "a recovery request, such as RecoveryRequest.builder().newInstanceId(...).build()");
    return new RecoveryProcedure(restorer, id).run(request, request.timeout().orElse(ctx.defaultWaitTimeout()));
  }
}
