package dev.opskit.backup.internal;

import dev.opskit.backup.AutomatedBackupSettings;
import dev.opskit.backup.BackupWindow;
import dev.opskit.backup.RdsMaintenanceWindow;
import dev.opskit.core.OpsException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/**
 * Automated-backup settings as desired state: compare with the live instance field by field (AWS's member
 * names), and plan the one {@code ModifyDBInstance} that corrects what differs. Applying is the gate's
 * {@code apply(plan)}: what the plan holds is what is sent.
 */
final class AutomatedBackupsConfigurer {
  static final String INVALID_STATE = "InvalidDBInstanceState";
  /** The resource type the plan names. */
  static final String RESOURCE_TYPE = "DB instance";

  private final RdsClient rds;
  private final RdsLookup lookup;
  private final String instanceId;

  AutomatedBackupsConfigurer(RdsClient rds, RdsLookup lookup, String instanceId) {
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  Plan plan(@Nullable Collection<? extends AutomatedBackupSettings> definitions) {
    List<AutomatedBackupSettings> settings = Checks.list("definitions", definitions,
        "the desired automated-backup settings of " + instanceId + " (at most one)");
    Checks.require(settings.size() <= 1, "definitions", settings.size() + " settings",
        "at most one AutomatedBackupSettings: this plan is for the one instance " + instanceId);
    String title = "automated-backup settings of " + instanceId;
    if (settings.isEmpty()) {
      return Plan.of(title, List.of());
    }
    AutomatedBackupSettings desired = settings.get(0);
    List<FieldDiff> diffs = differences(desired, lookup.instance(instanceId));
    if (diffs.isEmpty()) {
      return Plan.of(title, List.of(ResourceChange.unchanged(RESOURCE_TYPE, instanceId)));
    }
    // Only the fields that differ are sent: a field already as desired is left out of the request.
    ModifyDbInstanceRequest.Builder request = ModifyDbInstanceRequest.builder().dbInstanceIdentifier(instanceId)
        .applyImmediately(true);
    for (FieldDiff d : diffs) {
      switch (d.field()) {
        case "BackupRetentionPeriod" -> request.backupRetentionPeriod((int) desired.retention().orElseThrow().toDays());
        case "PreferredBackupWindow" -> request.preferredBackupWindow(desired.backupWindow().orElseThrow().toString());
        case "PreferredMaintenanceWindow" ->
            request.preferredMaintenanceWindow(desired.maintenanceWindow().orElseThrow().toString());
        case "CopyTagsToSnapshot" -> request.copyTagsToSnapshot(desired.copyTagsToSnapshot().orElseThrow());
        default -> throw new IllegalStateException("a difference in " + d.field() + " has no member to send");
      }
    }
    Change<?> change = Change.of("rds:ModifyDBInstance", instanceId, request.build(), rds::modifyDBInstance)
        .retryWhen(AutomatedBackupsConfigurer::instanceBusy)
        .build();
    return Plan.of(title, List.of(ResourceChange.update(RESOURCE_TYPE, instanceId, diffs, List.of(change))));
  }

  static boolean instanceBusy(OpsException e) {
    return INVALID_STATE.equals(e.awsErrorCode());
  }

  private static List<FieldDiff> differences(AutomatedBackupSettings desired, DBInstance live) {
    Optional<BackupWindow> liveBackup = parse(live.preferredBackupWindow(), BackupWindow::parse);
    Optional<RdsMaintenanceWindow> liveMaintenance = parse(live.preferredMaintenanceWindow(), RdsMaintenanceWindow::parse);
    BackupWindow backup = desired.backupWindow().or(() -> liveBackup).orElse(null);
    RdsMaintenanceWindow maintenance = desired.maintenanceWindow().or(() -> liveMaintenance).orElse(null);
    if (backup != null && maintenance != null && maintenance.overlaps(backup)
        && (desired.backupWindow().isPresent() || desired.maintenanceWindow().isPresent())) {
      throw ValidationException.of(desired.backupWindow().isPresent() ? "backupWindow" : "maintenanceWindow",
          desired.backupWindow().isPresent() ? backup : maintenance,
          "windows that do not overlap; backup window " + backup + " and maintenance window " + maintenance + " would");
    }
    List<FieldDiff> out = new ArrayList<>();
    desired.retention().ifPresent(r -> add(out, "BackupRetentionPeriod", live.backupRetentionPeriod(), (int) r.toDays(),
        Objects.equals((int) r.toDays(), live.backupRetentionPeriod())));
    desired.backupWindow().ifPresent(w -> add(out, "PreferredBackupWindow", live.preferredBackupWindow(), w,
        liveBackup.equals(Optional.of(w))));
    desired.maintenanceWindow().ifPresent(w -> add(out, "PreferredMaintenanceWindow", live.preferredMaintenanceWindow(), w,
        liveMaintenance.equals(Optional.of(w))));
    desired.copyTagsToSnapshot().ifPresent(c -> add(out, "CopyTagsToSnapshot", live.copyTagsToSnapshot(), c,
        c.equals(Boolean.TRUE.equals(live.copyTagsToSnapshot()))));
    return out;
  }

  private static void add(List<FieldDiff> out, String field, @Nullable Object live, Object desired, boolean same) {
    if (!same) {
      out.add(FieldDiff.of(field, live, desired));
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
