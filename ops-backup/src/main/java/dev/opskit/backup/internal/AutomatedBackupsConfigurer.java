package dev.opskit.backup.internal;

import dev.opskit.backup.AutomatedBackupSettings;
import dev.opskit.backup.BackupWindow;
import dev.opskit.backup.MaintenanceWindow;
import dev.opskit.backup.PlanOutcome;
import dev.opskit.backup.SettingsPlan;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/** Automated-backup settings as desired state: compare with the live instance, send one change if they differ. */
final class AutomatedBackupsConfigurer {
  static final String INVALID_STATE = "InvalidDBInstanceState";

  private final OpsContext ctx;
  private final RdsClient rds;
  private final RdsLookup lookup;
  private final String instanceId;

  AutomatedBackupsConfigurer(OpsContext ctx, RdsClient rds, RdsLookup lookup, String instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  SettingsPlan plan(AutomatedBackupSettings desired) {
    return new SettingsPlan(instanceId, differences(desired, lookup.instance(instanceId)), PlanOutcome.COMPARED);
  }

  SettingsPlan apply(AutomatedBackupSettings desired) {
    List<SettingsPlan.Difference> differences = differences(desired, lookup.instance(instanceId));
    if (differences.isEmpty()) {
      return new SettingsPlan(instanceId, differences, PlanOutcome.UP_TO_DATE);
    }
    ModifyDbInstanceRequest.Builder request = ModifyDbInstanceRequest.builder().dbInstanceIdentifier(instanceId).applyImmediately(true);
    for (SettingsPlan.Difference d : differences) {
      switch (d.field()) {
        case "BackupRetentionPeriod" -> request.backupRetentionPeriod(Integer.valueOf(d.desired()));
        case "PreferredBackupWindow" -> request.preferredBackupWindow(d.desired());
        case "PreferredMaintenanceWindow" -> request.preferredMaintenanceWindow(d.desired());
        case "CopyTagsToSnapshot" -> request.copyTagsToSnapshot(Boolean.valueOf(d.desired()));
        default -> throw new IllegalStateException("unknown setting " + d.field());
      }
    }
    ChangeResult<?> result = ctx.gate().submit(
        Change.of("rds:ModifyDBInstance", instanceId, request.build(), rds::modifyDBInstance)
            .retryWhen(AutomatedBackupsConfigurer::instanceBusy)
            .build());
    return new SettingsPlan(instanceId, differences,
        result.isPlanned() ? PlanOutcome.PLANNED : PlanOutcome.APPLIED);
  }

  static boolean instanceBusy(OpsException e) {
    return INVALID_STATE.equals(e.awsErrorCode());
  }

  private List<SettingsPlan.Difference> differences(AutomatedBackupSettings desired, DBInstance live) {
    Optional<BackupWindow> liveBackup = parse(live.preferredBackupWindow(), BackupWindow::parse);
    Optional<MaintenanceWindow> liveMaintenance = parse(live.preferredMaintenanceWindow(), MaintenanceWindow::parse);
    BackupWindow backup = desired.backupWindow().or(() -> liveBackup).orElse(null);
    MaintenanceWindow maintenance = desired.maintenanceWindow().or(() -> liveMaintenance).orElse(null);
    if (backup != null && maintenance != null && maintenance.overlaps(backup)
        && (desired.backupWindow().isPresent() || desired.maintenanceWindow().isPresent())) {
      throw ValidationException.of(desired.backupWindow().isPresent() ? "backupWindow" : "maintenanceWindow",
          desired.backupWindow().isPresent() ? backup : maintenance,
          "windows that do not overlap; backup window " + backup + " and maintenance window " + maintenance + " would");
    }
    List<SettingsPlan.Difference> out = new ArrayList<>();
    desired.retention().map(r -> String.valueOf(r.toDays())).ifPresent(r -> add(out, "BackupRetentionPeriod",
        live.backupRetentionPeriod() == null ? null : live.backupRetentionPeriod().toString(), r,
        r.equals(String.valueOf(live.backupRetentionPeriod()))));
    desired.backupWindow().ifPresent(w ->
        add(out, "PreferredBackupWindow", live.preferredBackupWindow(), w.toString(), liveBackup.equals(Optional.of(w))));
    desired.maintenanceWindow().ifPresent(w -> add(out, "PreferredMaintenanceWindow", live.preferredMaintenanceWindow(),
        w.toString(), liveMaintenance.equals(Optional.of(w))));
    desired.copyTagsToSnapshot().ifPresent(c -> add(out, "CopyTagsToSnapshot",
        live.copyTagsToSnapshot() == null ? null : live.copyTagsToSnapshot().toString(), c.toString(),
        c.equals(Boolean.TRUE.equals(live.copyTagsToSnapshot()))));
    return out;
  }

  private static void add(List<SettingsPlan.Difference> out, String field, @Nullable String live, String desired, boolean same) {
    if (!same) {
      out.add(new SettingsPlan.Difference(field, live, desired));
    }
  }

  private static <T> Optional<T> parse(@Nullable String text, Function<String, T> parser) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }
}
