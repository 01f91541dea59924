package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.security.ecr.ImageRef;
import dev.opskit.security.ecr.ImageScans;
import dev.opskit.security.ecr.ScanOnPush;
import dev.opskit.security.guardduty.FindingCriteria;
import dev.opskit.security.guardduty.GuardDuty;
import dev.opskit.security.guardduty.SeverityLevel;
import dev.opskit.security.patch.PatchBaselineDefinition;
import dev.opskit.security.patch.PatchRules;
import dev.opskit.security.patch.PatchTargets;
import dev.opskit.security.patch.Patching;
import dev.opskit.security.report.ReportRequest;
import dev.opskit.security.report.SecurityReport;
import dev.opskit.security.report.SecurityReports;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The guide's "Security Operations" section with {@code ops-security}, its report part: scan on push for the
 * guide's {@code app-repo} as desired state, the GuardDuty detector found without {@code $DETECTOR_ID}, the
 * guide's {@code prod-patch-baseline} and {@code AWS-RunPatchBaseline} scan as dry runs, and one security
 * report (Config, GuardDuty, IAM key age, ECR, patch compliance) in text and CSV. A source the endpoint cannot
 * answer is a MANUAL line saying why. Safe to run again: what exists is reused.
 */
public final class SecurityReportExample implements TourStep {
  static final String REPOSITORY = "app-repo";
  static final String USER = "tour-report-user";
  static final String PATCH_RULES = """
      {"PatchRules": [{"PatchFilterGroup": {"PatchFilters": [
          {"Key": "CLASSIFICATION", "Values": ["Security", "Bugfix"]},
          {"Key": "SEVERITY", "Values": ["Critical", "Important"]}]},
        "ComplianceLevel": "CRITICAL", "ApproveAfterDays": 7, "EnableNonSecurity": false}]}""";

  @Override
  public String title() {
    return "Security Operations: scan on push, GuardDuty, patch baseline and scan, and the security report";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    ensureResources(ctx, out);

    out.println("ECR: scan on push for " + REPOSITORY + ", as desired state.");
    ImageScans scans = ImageScans.using(ctx);
    Plan scanPlan = scans.scanOnPush().plan(List.of(ScanOnPush.enabled(REPOSITORY)));
    scanPlan.render().lines().forEach(line -> out.println("  " + line));
    ApplyResult applied = scans.scanOnPush().apply(scanPlan);
    out.println("  applied " + applied.results().size() + " change(s); drift now: "
        + (scans.scanOnPush().drift(List.of(ScanOnPush.enabled(REPOSITORY))).changes().isEmpty() ? "none" : "some"));

    out.println("GuardDuty: the detector, found without $DETECTOR_ID.");
    out.println("  detector " + GuardDuty.using(ctx).detector());

    out.println("SSM: the guide's prod-patch-baseline from patch-rules.json, and its scan, as dry runs (nothing sent).");
    OpsContext dry = ctx.withDryRun(true);
    PatchBaselineDefinition baseline = PatchBaselineDefinition.prodPatchBaseline(PatchRules.fromJson(PATCH_RULES));
    Plan baselinePlan = Patching.using(dry).baselines().plan(List.of(baseline));
    baselinePlan.render().lines().forEach(line -> out.println("  " + line));
    Patching.using(dry).baselines().apply(baselinePlan).results().forEach(r -> r.results().forEach(call ->
        out.println("  would call " + call.call().operation() + " " + call.call().target())));
    ChangeResult<String> scan = Patching.using(dry).scan(PatchTargets.tag("Environment", "production"));
    out.println("  would call " + scan.call().operation() + " " + scan.call().target()
        + " (then wait for every invocation within the caller's budget)");

    out.println("The security report: failing checks first.");
    SecurityReport report = SecurityReports.using(ctx).run(ReportRequest.builder()
        .config()
        .guardDuty(FindingCriteria.builder().severityAtLeast(SeverityLevel.MEDIUM).build())
        .accessKeys(Duration.ofDays(90), Duration.ofDays(90))
        .image(REPOSITORY, ImageRef.tag("latest"))
        .build());
    report.toText().lines().forEach(line -> out.println("  " + line));
    out.println("  as CSV: " + report.toCsv().lines().count() + " lines (a header and one line per result)");
  }

  private static void ensureResources(OpsContext ctx, PrintStream out) {
    EcrClient ecr = ctx.client(EcrClient.class, EcrClient::builder);
    try {
      ecr.describeRepositories(r -> r.repositoryNames(REPOSITORY));
    } catch (RepositoryNotFoundException e) {
      ecr.createRepository(r -> r.repositoryName(REPOSITORY));
      out.println("(setup: created ECR repository " + REPOSITORY + ")");
    }
    GuardDutyClient guardDuty = ctx.client(GuardDutyClient.class, GuardDutyClient::builder);
    if (guardDuty.listDetectors(r -> { }).detectorIds().isEmpty()) {
      guardDuty.createDetector(r -> r.enable(true));
      out.println("(setup: enabled GuardDuty)");
    }
    IamClient iam = ctx.client(IamClient.class, IamClient::builder);
    try {
      iam.getUser(r -> r.userName(USER));
    } catch (NoSuchEntityException e) {
      iam.createUser(r -> r.userName(USER));
      iam.createAccessKey(r -> r.userName(USER));   // the key's secret is not kept or printed
      out.println("(setup: created IAM user " + USER + " with one access key)");
    }
  }
}
