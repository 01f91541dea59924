package dev.opskit.backup;

import dev.opskit.core.change.DesiredState;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * AWS Backup plans as desired state. {@link #plan} compares each definition with the live plan of its
 * name, rule by rule and field by field in AWS's member names ({@code Rules[daily].CompletionWindowMinutes},
 * {@code AdvancedBackupSettings[EC2].BackupOptions}, {@code BackupPlanTags.<key>}), AWS's defaults counting
 * as given (a start window of 8 hours, a completion window of 7 days, the schedule {@code cron(0 5 ? * * *)} in
 * {@code Etc/UTC}, no continuous backup): a missing plan is created ({@code CreateBackupPlan}, with the context's
 * default tags), a differing one updated ({@code UpdateBackupPlan}, which makes a new version; a lifecycle setting
 * the definition drops is sent as {@code -1}, AWS's "remove"), differing tags corrected ({@code TagResource},
 * {@code UntagResource}; values are redacted in the plan, as the SDK marks tags sensitive). Plans that are not
 * defined are left alone.
 *
 * <pre>{@code
 * BackupPlans plans = Backups.using(ctx).awsBackup().plans();
 * Plan plan = plans.plan(BackupPlanDefinition.fromJson(Files.readString(Path.of("efs-backup-plan.json"))));
 * System.out.println(plan.render());
 * plans.apply(plan);
 * }</pre>
 */
public interface BackupPlans extends DesiredState<BackupPlanDefinition> {

  /** {@return every backup plan (not deleted), read lazily page by page: close the stream (try-with-resources)} */
  Stream<BackupPlanSummary> list();

  /**
   * The plan of that name. Reads only.
   *
   * @param name the plan name
   * @return the plan, or empty when there is none
   */
  Optional<BackupPlanSummary> find(String name);
}
