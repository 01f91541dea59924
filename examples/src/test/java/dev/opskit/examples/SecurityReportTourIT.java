package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The tour's security report section against the emulator: it does what it prints, and sends no dry-run call. */
@OpsEmulatorTest
class SecurityReportTourIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  private static String run(OpsContext ctx) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SecurityReportExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSectionEnablesScanOnPushPlansThePatchingAndReportsFailingFirst(OpsContext ctx, InMemoryAuditSink audit) {
    String out = run(ctx);

    assertThat(out)
        .contains("  ~ update ECR repository scanning app-repo\n      scanOnPush: false -> true\n")
        .contains("drift now: none")
        .contains("  + create patch baseline prod-patch-baseline\n")
        .contains("  would call ssm:CreatePatchBaseline prod-patch-baseline\n")
        .contains("  would call ssm:SendCommand Key=tag:Environment,Values=production")
        .contains("PASS   MEDIUM        iam_rotate_access_key_90_days user/tour-report-user key ...")
        .contains("MANUAL MEDIUM        config_rules_readable config")
        .contains("  as CSV: ");
    assertThat(out.indexOf("MANUAL ")).isLessThan(out.indexOf("PASS "));
    assertThat(ctx.client(EcrClient.class, EcrClient::builder).describeRepositories(r -> r.repositoryNames("app-repo"))
        .repositories().get(0).imageScanningConfiguration().scanOnPush()).isTrue();
    assertThat(ctx.client(SsmClient.class, SsmClient::builder).describePatchBaselines(r -> { })
        .baselineIdentities()).noneMatch(b -> "prod-patch-baseline".equals(b.baselineName()));
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);
    assertThat(audit.events(e -> e.outcome() == Outcome.PLANNED)).extracting(e -> e.operation())
        .containsExactly("ssm:CreatePatchBaseline", "ssm:SendCommand");
  }

  @Test
  void runningTheSectionTwiceReusesWhatTheFirstRunMade(OpsContext ctx) {
    run(ctx);

    String second = run(ctx);

    assertThat(second).doesNotContain("(setup:").contains("drift now: none").contains("Security report: ");
  }
}
