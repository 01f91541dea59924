package dev.opskit.security.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.Plan;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;

/** The guide's prod-patch-baseline as desired state, on SSM's baseline calls in memory. */
class PatchBaselinesTest {
  static final PatchRules SEVEN_DAYS = PatchRules.of(PatchRule.afterDays("CRITICAL", 7,
      PatchFilter.of("CLASSIFICATION", "Security", "Bugfix"), PatchFilter.of("SEVERITY", "Critical", "Important")));
  static final PatchRules THREE_DAYS = PatchRules.of(PatchRule.afterDays("CRITICAL", 3,
      PatchFilter.of("CLASSIFICATION", "Security", "Bugfix"), PatchFilter.of("SEVERITY", "Critical", "Important")));

  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).auditSink(audit).build();
  private final FakeSsm fake = new FakeSsm();

  @AfterEach
  void close() {
    ctx.close();
  }

  private Patching patching(OpsContext context) {
    return new PatchingImpl(context, fake);
  }

  @Test
  void theGuidesBaselinePassesTheDesiredStateContract() {
    DesiredStateContract.of(patching(ctx).baselines(), patching(ctx.withDryRun(true)).baselines(), audit)
        .definitions(List.of(PatchBaselineDefinition.prodPatchBaseline(SEVEN_DAYS),
            PatchBaselineDefinition.of("prod-patch-baseline-2", OperatingSystem.UBUNTU, SEVEN_DAYS)))
        .changed(List.of(PatchBaselineDefinition.prodPatchBaseline(THREE_DAYS),
            PatchBaselineDefinition.of("prod-patch-baseline-2", OperatingSystem.UBUNTU, SEVEN_DAYS)), "ApprovalRules")
        .check();

    assertThat(fake.baselines.values()).extracting(b -> b.name() + " " + b.operatingSystemAsString())
        .containsExactly("prod-patch-baseline AMAZON_LINUX_2", "prod-patch-baseline-2 UBUNTU");
  }

  @Test
  void theApprovalRulesDifferenceShowsBothPatchRulesDocuments() {
    patching(ctx).baselines().apply(List.of(PatchBaselineDefinition.prodPatchBaseline(SEVEN_DAYS)));

    Plan plan = patching(ctx).baselines().plan(List.of(PatchBaselineDefinition.prodPatchBaseline(THREE_DAYS)));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.diffs()).singleElement().satisfies(d -> {
        assertThat(d.live()).contains("\"ApproveAfterDays\":7");
        assertThat(d.desired()).contains("\"ApproveAfterDays\":3");
      });
      assertThat(c.calls()).extracting(call -> call.operation()).containsExactly("ssm:UpdatePatchBaseline");
    });
  }

  @Test
  void anotherOperatingSystemDeletesAndCreatesAgainBecauseAwsCannotChangeIt() {
    patching(ctx).baselines().apply(List.of(PatchBaselineDefinition.prodPatchBaseline(SEVEN_DAYS)));

    Plan plan = patching(ctx).baselines().plan(List.of(PatchBaselineDefinition.of("prod-patch-baseline",
        OperatingSystem.AMAZON_LINUX_2023, SEVEN_DAYS)));

    assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.calls()).extracting(call -> call.operation())
        .containsExactly("ssm:DeletePatchBaseline", "ssm:CreatePatchBaseline"));
    patching(ctx).baselines().apply(plan);
    assertThat(fake.baselines.values()).singleElement().satisfies(b ->
        assertThat(b.operatingSystem()).isEqualTo(OperatingSystem.AMAZON_LINUX_2023));
  }
}
