package dev.opskit.backup;

import dev.opskit.core.change.DesiredState;
import java.util.stream.Stream;

/**
 * The selections of one AWS Backup plan as desired state. The definitions are the plan's whole set of
 * selections, each known by its name: {@link #plan} creates the missing ones, and deletes the live ones that
 * are not defined. AWS cannot change a selection, so one whose role, resources or tag conditions differ is
 * replaced: the plan's update deletes it ({@code DeleteBackupSelection}) and creates it again
 * ({@code CreateBackupSelection}), as the plan's title says. Fields are AWS's members: {@code IamRoleArn},
 * {@code Resources}, {@code ListOfTags}, and, when a live selection has them, {@code NotResources} and
 * {@code Conditions}.
 *
 * <pre>{@code
 * BackupSelections selections = Backups.using(ctx).awsBackup().selections(planId);
 * selections.apply(List.of(BackupSelectionDefinition.byTag("efs-file-systems", role, "Backup", "daily")));
 * }</pre>
 */
public interface BackupSelections extends DesiredState<BackupSelectionDefinition> {

  /** {@return the plan these selections belong to} */
  String planId();

  /** {@return every selection of the plan, read lazily page by page: close the stream (try-with-resources)} */
  Stream<BackupSelectionSummary> list();
}
