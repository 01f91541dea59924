package dev.opskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.security.guardduty.DetectorId;
import dev.opskit.security.guardduty.GuardDuty;
import dev.opskit.security.patch.PatchBaselineDefinition;
import dev.opskit.security.patch.PatchFilter;
import dev.opskit.security.patch.PatchRule;
import dev.opskit.security.patch.PatchRules;
import dev.opskit.security.patch.PatchTargets;
import dev.opskit.security.patch.Patching;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.PatchOrchestratorFilter;

/** What moto has of GuardDuty (detectors) and SSM (baselines, SendCommand), against moto. */
@OpsEmulatorTest
class SecurityEmulatorIT {
  private static final PatchRules RULES = PatchRules.of(PatchRule.afterDays("CRITICAL", 7,
      PatchFilter.of("CLASSIFICATION", "Security"), PatchFilter.of("SEVERITY", "Critical", "Important")));

  @BeforeEach
  void reset(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void theDetectorIsFoundWhenTheCallerNamesNone(OpsContext ctx) {
    String id = ctx.client(GuardDutyClient.class, GuardDutyClient::builder).createDetector(r -> r.enable(true)).detectorId();

    assertThat(GuardDuty.using(ctx).detector()).isEqualTo(DetectorId.of(id));
  }

  @Test
  void theGuidesPatchBaselineIsCreatedWithItsApprovalRules(OpsContext ctx, InMemoryAuditSink audit) {
    Patching patching = Patching.using(ctx);
    Plan plan = patching.baselines().plan(List.of(PatchBaselineDefinition.prodPatchBaseline(RULES)));
    assertThat(plan.changes(ResourceChange.Kind.CREATE)).hasSize(1);

    ApplyResult result = patching.baselines().apply(plan);

    assertThat(result.isPlanned()).isFalse();
    SsmClient ssm = ctx.client(SsmClient.class, SsmClient::builder);
    assertThat(ssm.describePatchBaselines(r -> r.filters(PatchOrchestratorFilter.builder().key("NAME_PREFIX")
        .values("prod-patch-baseline").build()))
        .baselineIdentities()).singleElement().satisfies(b -> {
          assertThat(b.baselineName()).isEqualTo("prod-patch-baseline");
          assertThat(b.operatingSystemAsString()).isEqualTo("AMAZON_LINUX_2");
        });
    assertThat(audit.events()).extracting(e -> e.operation()).containsExactly("ssm:CreatePatchBaseline");
  }

  @Test
  void theGuidesScanIsSentToTheProductionTag(OpsContext ctx) {
    ChangeResult<String> sent = Patching.using(ctx).scan(PatchTargets.tag("Environment", "production"));

    Command command = ctx.client(SsmClient.class, SsmClient::builder)
        .listCommands(r -> r.commandId(sent.orElseThrow())).commands().get(0);
    assertThat(command.documentName()).isEqualTo("AWS-RunPatchBaseline");
    assertThat(command.parameters()).containsEntry("Operation", List.of("Scan"));
    assertThat(command.targets()).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo("tag:Environment");
      assertThat(t.values()).containsExactly("production");
    });
  }
}
