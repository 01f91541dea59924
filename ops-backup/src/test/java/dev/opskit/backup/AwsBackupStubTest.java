package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import dev.opskit.test.contract.DesiredStateContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What moto lacks, against {@link AwsBackupStub} (a stateful AWS Backup answering in the API reference's
 * REST-JSON shapes): selections as desired state, and backup plans updated with {@code UpdateBackupPlan}.
 */
class AwsBackupStubTest {
  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/backup");
  private static final Arn OTHER_ROLE = Arn.parse("arn:aws:iam::123456789012:role/backup-restricted");
  private static final Arn EFS_1 = Arn.parse("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1");
  private static final Arn EFS_2 = Arn.parse("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-2");

  private final AwsBackupStub stub = AwsBackupStub.start();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext real = stub.context(false, audit);
  private final OpsContext dry = stub.context(true, audit);

  @AfterEach
  void close() {
    real.close();
    dry.close();
    stub.close();
  }

  private AwsBackup aws(OpsContext ctx) {
    return Backups.using(ctx).awsBackup();
  }

  @Nested
  class Selections {
    @Test
    void passTheDesiredStateContract() {
      String planId = stub.givenPlan("efs-backup-plan");
      BackupSelectionDefinition byTag = BackupSelectionDefinition.byTag("efs-file-systems", ROLE, "Backup", "daily");
      BackupSelectionDefinition byArn = BackupSelectionDefinition.byResources("two-file-systems", ROLE, EFS_1, EFS_2);

      DesiredStateContract.of(aws(real).selections(planId), aws(dry).selections(planId), audit)
          .definitions(List.of(byTag, byArn))
          .changed(List.of(byTag, byArn.withRole(OTHER_ROLE)), "IamRoleArn")
          .check();
    }

    @Test
    void aChangedSelectionIsReplacedAndThePlanSaysSo() {
      String planId = stub.givenPlan("efs-backup-plan");
      BackupSelections selections = aws(real).selections(planId);
      selections.apply(List.of(BackupSelectionDefinition.byResources("two-file-systems", ROLE, EFS_1, EFS_2)));
      String before = onlySelectionId(selections);

      // Resources compare as a set: the same ARNs in another order are no change.
      assertThat(selections.plan(BackupSelectionDefinition.byResources("two-file-systems", ROLE, EFS_2, EFS_1)).isEmpty()).isTrue();
      Plan plan = selections.plan(BackupSelectionDefinition.byResources("two-file-systems", ROLE, EFS_1));
      ApplyResult result = selections.apply(plan);

      assertThat(plan.title()).isEqualTo("backup selections of plan " + planId
          + "; AWS cannot change a selection, so each update deletes it and creates it again");
      assertThat(plan.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
        assertThat(c.diffs()).containsExactly(new FieldDiff("Resources", "[\"" + EFS_1 + "\",\"" + EFS_2 + "\"]", "[\"" + EFS_1 + "\"]"));
        assertThat(c.calls()).extracting(call -> call.operation())
            .containsExactly("backup:DeleteBackupSelection", "backup:CreateBackupSelection");
      });
      assertThat(result.results()).singleElement().satisfies(a -> assertThat(a.results()).hasSize(2));
      assertThat(stub.changes()).endsWith("DELETE /backup/plans/" + planId + "/selections/" + before,
          "PUT /backup/plans/" + planId + "/selections/");
      assertThat(onlySelectionId(selections)).isNotEqualTo(before);
      assertThat(selections.plan(BackupSelectionDefinition.byResources("two-file-systems", ROLE, EFS_1)).isEmpty()).isTrue();
    }

    @Test
    void theDefinitionsAreThePlansWholeSetSoAnUndefinedSelectionIsDeleted() {
      String planId = stub.givenPlan("efs-backup-plan");
      stub.givenSelection(planId, "{\"SelectionName\":\"added-by-hand\",\"IamRoleArn\":\"" + ROLE + "\",\"Resources\":[\"" + EFS_2 + "\"]}");
      BackupSelections selections = aws(real).selections(planId);

      Plan plan = selections.plan(List.of(BackupSelectionDefinition.byTag("efs-file-systems", ROLE, "Backup", "daily")));
      selections.apply(plan);

      assertThat(plan.changes()).extracting(ResourceChange::toString)
          .containsExactly("+ create backup selection efs-file-systems", "- delete backup selection added-by-hand");
      try (Stream<BackupSelectionSummary> live = selections.list()) {
        assertThat(live).extracting(BackupSelectionSummary::name).containsExactly("efs-file-systems");
      }
    }

    @Test
    void everyPageOfSelectionsIsRead() {
      String planId = stub.givenPlan("efs-backup-plan");
      List<BackupSelectionDefinition> five = List.of("a", "b", "c", "d", "e").stream()
          .map(n -> BackupSelectionDefinition.byTag("selection-" + n, ROLE, "Backup", n)).toList();
      aws(real).selections(planId).apply(five);

      assertThat(stub.selectionCount(planId)).isEqualTo(5);
      // Two to a page: the plan sees all five only by reading all three pages.
      assertThat(aws(real).selections(planId).plan(five).isEmpty()).isTrue();
      String listing = "GET /backup/plans/" + planId + "/selections/";
      assertThat(stub.requests()).filteredOn(listing::equals).hasSize(1 + 3);
      assertThat(stub.requests()).filteredOn(r -> r.startsWith(listing) && !r.equals(listing)).hasSize(5);
    }

    @Test
    void aOneOffCreateReturnsTheSelectionAndADryRunReturnsOnlyAPlannedChange() {
      String planId = stub.givenPlan("efs-backup-plan");
      BackupSelectionDefinition selection = BackupSelectionDefinition.byTag("efs-file-systems", ROLE, "Backup", "daily");

      ChangeResult<BackupSelectionSummary> planned = aws(dry).createSelection(planId, selection);
      BackupSelectionSummary made = aws(real).createSelection(planId, selection).orElseThrow();

      assertThat(planned.isPlanned()).isTrue();
      assertThat(planned.value()).isEmpty();
      assertThat(made.planId()).isEqualTo(planId);
      assertThat(made.name()).isEqualTo("efs-file-systems");
      assertThat(stub.changes()).containsExactly("PUT /backup/plans/" + planId + "/selections/");
    }

    @Test
    void aPartWayFailureSaysWhatWasAppliedFailedAndNotAttempted() {
      assertThatThrownBy(() -> aws(real).selections("no-such-plan").plan(List.of()))
          .isInstanceOf(dev.opskit.core.ResourceNotFoundException.class)
          .hasMessageContaining("backup:ListBackupSelections on no-such-plan");
      String planId = stub.givenPlan("efs-backup-plan");
      BackupSelections selections = aws(real).selections(planId);
      Plan plan = selections.plan(List.of(BackupSelectionDefinition.byTag("first", ROLE, "Backup", "a"),
          BackupSelectionDefinition.byTag("second", ROLE, "Backup", "b"), BackupSelectionDefinition.byTag("third", ROLE, "Backup", "c")));
      stub.refuseChangesContaining("\"second\"");

      assertThatThrownBy(() -> selections.apply(plan))
          .isInstanceOfSatisfying(PartialApplyException.class, e -> {
            assertThat(e.applied()).extracting(a -> a.change().resource()).containsExactly("first");
            assertThat(e.failed().resource()).isEqualTo("second");
            assertThat(e.notAttempted()).extracting(ResourceChange::resource).containsExactly("third");
            assertThat(e).hasMessageContaining("apply failed part-way at create backup selection second");
          });
      assertThat(stub.selectionCount(planId)).isEqualTo(1);
    }
  }

  @Nested
  class PlanUpdates {
    private final BackupPlanDefinition plan = BackupPlanDefinition.builder().name("efs-backup-plan")
        .rule(BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
            .withWindows(Duration.ofHours(1), Duration.ofHours(3))
            .withLifecycle(BackupLifecycle.coldThenDelete(30, 120)))
        .tags(Map.of("team", "storage"))
        .build();

    @Test
    void aChangedRuleIsUpdatedInPlaceAsANewVersionAndThenThePlanIsEmpty() {
      BackupPlans plans = aws(real).plans();
      plans.apply(List.of(plan));
      BackupPlanSummary first = plans.find("efs-backup-plan").orElseThrow();
      BackupPlanDefinition longer = plan.toBuilder().rules(List.of(plan.rules().get(0).toBuilder()
          .completionWindow(Duration.ofHours(6)).build())).build();

      Plan update = plans.plan(longer);
      plans.apply(update);

      assertThat(update.changes()).singleElement().satisfies(c -> assertThat(c.diffs())
          .containsExactly(new FieldDiff("Rules[daily].CompletionWindowMinutes", "180", "360")));
      BackupPlanSummary second = plans.find("efs-backup-plan").orElseThrow();
      assertThat(second.id()).isEqualTo(first.id());
      assertThat(second.versionId()).isNotEqualTo(first.versionId());
      assertThat(stub.changes()).endsWith("POST /backup/plans/" + first.id());
      assertThat(plans.plan(longer).isEmpty()).isTrue();
    }

    @Test
    void aDroppedLifecycleSettingIsSentAsAwsRemoveAndIsGoneAfterwards() {
      BackupPlans plans = aws(real).plans();
      plans.apply(List.of(plan));
      BackupPlanDefinition warmOnly = plan.toBuilder().rules(List.of(plan.rules().get(0).toBuilder()
          .lifecycle(BackupLifecycle.deleteAfterDays(35)).build())).build();

      Plan update = plans.plan(warmOnly);
      plans.apply(update);

      assertThat(update.changes().get(0).diffs()).containsExactly(
          new FieldDiff("Rules[daily].Lifecycle.DeleteAfterDays", "120", "35"),
          new FieldDiff("Rules[daily].Lifecycle.MoveToColdStorageAfterDays", "30", null));
      assertThat(audit.events()).filteredOn(e -> e.operation().equals("backup:UpdateBackupPlan")).singleElement()
          .satisfies(e -> assertThat(e.parameters().toString()).contains("MoveToColdStorageAfterDays=-1", "DeleteAfterDays=35"));
      String planId = plans.find("efs-backup-plan").orElseThrow().id();
      assertThat(stub.planDocument(planId).toString()).contains("Lifecycle={DeleteAfterDays=35}");
      assertThat(plans.plan(warmOnly).isEmpty()).isTrue();
    }

    @Test
    void onlyTagsDifferingIsATagChangeWithoutANewVersion() {
      BackupPlans plans = aws(real).plans();
      plans.apply(List.of(plan));
      BackupPlanDefinition retagged = plan.toBuilder().tags(Map.of("team", "platform")).build();

      Plan update = plans.plan(retagged);
      plans.apply(update);

      assertThat(update.changes().get(0).calls()).extracting(c -> c.operation()).containsExactly("backup:TagResource");
      assertThat(update.render()).doesNotContain("platform", "storage");
      assertThat(stub.changes()).noneMatch(r -> r.startsWith("POST /backup/plans/"));
      assertThat(plans.plan(retagged).isEmpty()).isTrue();
    }

    @Test
    void aDryRunUpdateSendsNothing() {
      aws(real).plans().apply(List.of(plan));
      int before = stub.changes().size();
      audit.clear();

      ApplyResult result = aws(dry).plans().apply(List.of(plan.toBuilder().rules(List.of(plan.rules().get(0).toBuilder()
          .startWindow(Duration.ofHours(2)).build())).build()));

      assertThat(result.isPlanned()).isTrue();
      assertThat(stub.changes()).hasSize(before);
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("backup:UpdateBackupPlan");
    }

    @Test
    void twoDefinitionsOfOnePlanAreRefusedBeforeAnyRequest() {
      assertThatThrownBy(() -> aws(real).plans().plan(List.of(plan, plan)))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid plans: 'efs-backup-plan'. Allowed: one definition per plan name");
      assertThat(stub.requests()).isEmpty();
    }
  }

  private static String onlySelectionId(BackupSelections selections) {
    try (Stream<BackupSelectionSummary> live = selections.list()) {
      return live.map(BackupSelectionSummary::id).reduce((a, b) -> {
        throw new AssertionError("more than one selection: " + a + ", " + b);
      }).orElseThrow();
    }
  }
}
