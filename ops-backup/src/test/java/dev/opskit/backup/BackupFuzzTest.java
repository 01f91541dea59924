package dev.opskit.backup;

import static dev.opskit.backup.Hostile.durations;
import static dev.opskit.backup.Hostile.ints;
import static dev.opskit.backup.Hostile.json;
import static dev.opskit.backup.Hostile.longs;
import static dev.opskit.backup.Hostile.orNull;
import static dev.opskit.backup.Hostile.outcome;
import static dev.opskit.backup.Hostile.pick;
import static dev.opskit.backup.Hostile.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.backup.Hostile.Attempt;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Every public parser, {@code fromJson}, builder and value constructor of ops-backup, fed hostile input:
 * only {@link dev.opskit.core.ValidationException} comes out, and whatever is accepted round-trips
 * ({@code toJson} then {@code fromJson}, {@code parse(toString())}, {@code toBuilder().build()}).
 */
class BackupFuzzTest {
  private static final String VAULT_ARN = "arn:aws:backup:us-west-2:123456789012:backup-vault:efs-dr";
  private static final String ROLE = "arn:aws:iam::123456789012:role/backup";

  /** Valid plans: the guide's EFS plan and generated ones with every optional part. */
  private static final Gen<BackupPlanDefinition> PLANS = in -> {
    List<BackupPlanRule> rules = new ArrayList<>();
    for (int i = Generate.range(1, 3).generate(in); i > 0; i--) {
      int days = Generate.range(1, 400).generate(in);
      BackupLifecycle lifecycle = switch (Generate.range(0, 3).generate(in)) {
        case 0 -> null;
        case 1 -> BackupLifecycle.deleteAfterDays(days);
        case 2 -> new BackupLifecycle(Duration.ofDays(days), null);
        default -> BackupLifecycle.coldThenDelete(days, days + 90 + Generate.range(0, 100).generate(in));
      };
      BackupPlanRule rule = BackupPlanRule.builder().name("rule-" + i).targetVault(BackupVaultName.of("vault-" + i))
          .schedule(Generate.booleans().generate(in) ? Schedule.dailyAt(Generate.range(0, 23).generate(in), 0) : Schedule.parse("rate(12 hours)"))
          .startWindow(Generate.booleans().generate(in) ? Duration.ofMinutes(Generate.range(60, 600).generate(in)) : null)
          .completionWindow(Generate.booleans().generate(in) ? Duration.ofMinutes(Generate.range(1, 10_000).generate(in)) : null)
          .lifecycle(lifecycle)
          .scheduleTimezone(Generate.booleans().generate(in) ? java.time.ZoneId.of("Europe/Paris") : null)
          .recoveryPointTags(Generate.booleans().generate(in) ? Map.of("team", "storage") : Map.of())
          .continuousBackup(Generate.booleans().generate(in))
          .build();
      rules.add(Generate.booleans().generate(in) ? rule.withCopyTo(new BackupCopyAction(Arn.parse(VAULT_ARN), lifecycle)) : rule);
    }
    return BackupPlanDefinition.builder().name("plan-" + Generate.range(0, 99).generate(in)).rules(rules)
        .tags(Generate.booleans().generate(in) ? Map.of("app", "shop") : Map.of()).build();
  };

  @Nested
  class Plans {
    @Test
    void mutatedPlanJsonIsReadOrRejectedAndWhatIsReadRoundTrips() {
      Gen<String> documents = PLANS.map(BackupPlanDefinition::toJson);
      qt().withExamples(1500).forAll(json(documents, "Rules", "Lifecycle", "DeleteAfterDays", "MoveToColdStorageAfterDays",
              "StartWindowMinutes", "CompletionWindowMinutes", "CopyActions", "ScheduleExpression", "ScheduleExpressionTimezone",
              "RecoveryPointTags", "EnableContinuousBackup", "BackupPlan", "BackupPlanTags"))
          .checkAssert(text -> outcome(text, () -> BackupPlanDefinition.fromJson(text)).ifPresent(plan -> {
            assertThat(BackupPlanDefinition.fromJson(plan.toJson())).isEqualTo(plan);
            assertThat(BackupPlanDefinition.fromJson(plan.toJson()).toJson()).isEqualTo(plan.toJson());
          }));
    }

    @Test
    void hostileRulesLifecyclesAndCopiesAreMadeOrRejected() {
      Gen<Attempt<BackupPlanDefinition>> attempts = in -> {
        String name = strings("plan", "rule-1").generate(in);
        String vault = strings("vault-1").generate(in);
        String schedule = strings("cron(0 5 ? * * *)", "rate(1 hour)").generate(in);
        List<Duration> d = Hostile.several(durations(), 4).generate(in);
        List<Long> days = Hostile.several(longs(), 2).generate(in);
        String arn = strings(VAULT_ARN).generate(in);
        int shape = Generate.range(0, 4).generate(in);
        return new Attempt<>("shape " + shape + " " + Hostile.describe(Arrays.asList(name, vault, schedule, d, days, arn)),
            () -> {
              BackupLifecycle lifecycle = switch (shape) {
                case 0 -> new BackupLifecycle(d.get(2), d.get(3));
                case 1 -> BackupLifecycle.deleteAfterDays(days.get(0));
                case 2 -> BackupLifecycle.coldThenDelete(days.get(0), days.get(1));
                case 3 -> null;
                default -> new BackupLifecycle(null, d.get(3));
              };
              BackupPlanRule rule = BackupPlanRule.builder().name(name).targetVault(BackupVaultName.of(vault))
                  .schedule(Schedule.parse(schedule)).windows(d.get(0), d.get(1)).lifecycle(lifecycle)
                  .copyActions(shape == 3 ? Arrays.asList((BackupCopyAction) null) : List.of()).build();
              return BackupPlanDefinition.of(name, rule.withCopyTo(new BackupCopyAction(Arn.parse(arn), lifecycle)));
            });
      };
      qt().withExamples(1500).forAll(attempts).checkAssert(attempt -> outcome(attempt, attempt.call()).ifPresent(plan ->
          assertThat(BackupPlanDefinition.fromJson(plan.toJson())).isEqualTo(plan)));
    }
  }

  @Nested
  class Windows {
    @Test
    void windowsParseOrAreRejectedAndWhatIsParsedRoundTrips() {
      qt().withExamples(1000).forAll(strings("03:00-04:00", "23:45-00:15"), strings("Sun:04:00-Sun:05:00", "sat:23:50-sun:00:30"))
          .checkAssert((backup, maintenance) -> {
            outcome(backup, () -> BackupWindow.parse(backup)).ifPresent(w -> {
              assertThat(BackupWindow.parse(w.toString())).isEqualTo(w);
              assertThat(w.length()).isBetween(Duration.ofMinutes(30), Duration.ofDays(1));
            });
            outcome(maintenance, () -> RdsMaintenanceWindow.parse(maintenance)).ifPresent(w -> {
              assertThat(RdsMaintenanceWindow.parse(w.toString())).isEqualTo(w);
              assertThat(w.length()).isBetween(Duration.ofMinutes(30), Duration.ofDays(7));
              outcome(backup, () -> w.overlaps(BackupWindow.parse(backup)));
            });
          });
    }

    @Test
    void windowsAreMadeFromAnyTimesOrRejected() {
      Gen<LocalTime> times = orNull(in -> LocalTime.ofNanoOfDay(Generate.longRange(0, 86_399_999_999_999L).generate(in)))
          .mix(in -> LocalTime.of(Generate.range(0, 23).generate(in), Generate.range(0, 59).generate(in)), 70);
      Gen<DayOfWeek> days = in -> pick(Arrays.asList(null, DayOfWeek.MONDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), in);
      qt().withExamples(1000).forAll(Hostile.several(times, 2), days, days).checkAssert((t, startDay, endDay) -> {
        outcome(t, () -> new BackupWindow(t.get(0), t.get(1)))
            .ifPresent(w -> assertThat(BackupWindow.parse(w.toString())).isEqualTo(w));
        outcome(t + " " + startDay + " " + endDay, () -> new RdsMaintenanceWindow(startDay, t.get(0), endDay, t.get(1)))
            .ifPresent(w -> assertThat(RdsMaintenanceWindow.parse(w.toString())).isEqualTo(w));
      });
    }

    @Test
    void automatedBackupSettingsBuildOrAreRejectedAndRebuildEqual() {
      qt().withExamples(1000).forAll(durations(), strings("03:00-04:00"), strings("Sun:04:00-Sun:05:00"), Generate.range(0, 15))
          .checkAssert((retention, backup, maintenance, parts) -> outcome(Arrays.asList(retention, backup, maintenance, parts),
              () -> {
                AutomatedBackupSettings.Builder b = AutomatedBackupSettings.builder();
                if ((parts & 1) != 0) {
                  b.retention(retention);
                }
                if ((parts & 2) != 0) {
                  b.backupWindow(backup);
                }
                if ((parts & 4) != 0) {
                  b.maintenanceWindow(maintenance);
                }
                if ((parts & 8) != 0) {
                  b.copyTagsToSnapshot(true).backupWindow((BackupWindow) null);
                }
                return b.build();
              }).ifPresent(s -> assertThat(s.toBuilder().build()).isEqualTo(s)));
    }
  }

  @Nested
  class Options {
    @Test
    void snapshotOptionsBuildOrAreRejectedAndRebuildEqual() {
      qt().withExamples(1000).forAll(strings("prod-database-before-upgrade"), strings("team", "aws:x"), strings("ops"), durations())
          .checkAssert((name, key, value, timeout) -> outcome(Arrays.asList(name, key, value, timeout), () ->
              SnapshotOptions.builder().name(name).tag(key, value).tags(map(key, value)).timeout(timeout)
                  .waitUntilAvailable(false).build())
              .ifPresent(o -> assertThat(o.toBuilder().build()).isEqualTo(o)));
    }

    @Test
    void recoveryRequestsBuildOrAreRejectedAndRebuildEqual() {
      Gen<Instant> instants = in -> pick(Arrays.asList(null, Instant.MIN, Instant.MAX, Instant.EPOCH,
          Instant.parse("2024-01-01T12:00:00Z")), in);
      qt().withExamples(1000).forAll(strings("prod-database-recovered", "prod-manual-20240101"), instants, durations(),
              Generate.range(0, 4))
          .checkAssert((id, time, timeout, shape) -> outcome(Arrays.asList(id, time, timeout, shape), () -> {
            RestorePoint point = switch (shape) {
              case 0 -> RestorePoint.snapshot(id);
              case 1 -> RestorePoint.at(time);
              case 2 -> RestorePoint.latest();
              default -> null;
            };
            TrafficSwitch hook = shape == 4 ? null : report -> { };
            return RecoveryRequest.builder().restorePoint(point).newInstanceId(id).timeout(timeout).trafficSwitch(hook).build();
          }).ifPresent(r -> assertThat(r.toBuilder().build()).isEqualTo(r)));
    }

    @Test
    void prunePoliciesAreMadeOrRejected() {
      qt().withExamples(1000).forAll(durations(), orNull(ints()), ints()).checkAssert((age, keep, more) -> {
        outcome(Arrays.asList(age, keep), () -> new PrunePolicy(age, keep)).ifPresent(p -> {
          assertThat(new PrunePolicy(p.maxAgeRule().orElse(null), p.keepLastRule().orElse(null))).isEqualTo(p);
          outcome(more, () -> p.keepingLast(more));
        });
        outcome(age, () -> PrunePolicy.olderThan(age));
        outcome(more, () -> PrunePolicy.keepLast(more));
      });
    }
  }

  @Nested
  class SelectionsAndReplication {
    @Test
    void selectionsAreMadeOrRejected() {
      qt().withExamples(1000).forAll(strings("efs-file-systems"), strings(ROLE, VAULT_ARN), strings("Backup"), strings("daily"))
          .checkAssert((name, role, key, value) -> {
            List<Object> input = Arrays.asList(name, role, key, value);
            outcome(input, () -> BackupSelectionDefinition.byTag(name, Arn.parse(role), key, value));
            outcome(input, () -> BackupSelectionDefinition.byResources(name, Arn.parse(role), Arn.parse(VAULT_ARN), null));
            outcome(input, () -> new BackupSelectionDefinition(name, Arn.parse(role), null, map(key, value)));
            outcome(input, () -> new BackupSelectionDefinition(name, Arn.parse(role), List.of(Arn.parse(VAULT_ARN)), map(key, value)))
                .ifPresent(s -> assertThat(new BackupSelectionDefinition(s.name(), s.role(), s.resources(), s.tags())).isEqualTo(s));
            outcome(input, () -> BackupVaultDefinition.of(name).withTags(map(key, value)))
                .ifPresent(v -> assertThat(new BackupVaultDefinition(v.name(), v.tags(), v.encryptionKeyArn())).isEqualTo(v));
          });
    }

    @Test
    void replicationDefinitionsAreMadeOrRejected() {
      Gen<StorageClass> classes = in -> pick(Arrays.asList(null, StorageClass.STANDARD_IA, StorageClass.UNKNOWN_TO_SDK_VERSION), in);
      qt().withExamples(1000).forAll(strings("replicate_all"), strings("app-data-replica"), classes, strings(ROLE))
          .checkAssert((id, bucket, storageClass, role) -> outcome(Arrays.asList(id, bucket, storageClass, role), () ->
              ReplicationDefinition.of(Arn.parse(role), BucketReplicationRule.of(id, bucket, storageClass),
                  new BucketReplicationRule(id + "-2", BucketReplicationRule.Status.DISABLED,
                      dev.opskit.core.value.BucketName.of(bucket), storageClass)))
              .ifPresent(r -> assertThat(new ReplicationDefinition(r.role(), r.rules())).isEqualTo(r)));
    }
  }

  private static Map<String, String> map(String key, String value) {
    Map<String, String> m = new HashMap<>();
    m.put(key, value);
    return m;
  }
}
