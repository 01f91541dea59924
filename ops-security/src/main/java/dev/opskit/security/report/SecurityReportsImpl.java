package dev.opskit.security.report;

import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.security.config.Compliance;
import dev.opskit.security.config.RuleCompliance;
import dev.opskit.security.ecr.ImageRef;
import dev.opskit.security.ecr.ImageScans;
import dev.opskit.security.ecr.RepositoryName;
import dev.opskit.security.ecr.ScanFindings;
import dev.opskit.security.guardduty.DetectorId;
import dev.opskit.security.guardduty.Finding;
import dev.opskit.security.guardduty.FindingCriteria;
import dev.opskit.security.guardduty.GuardDuty;
import dev.opskit.security.patch.InstancePatchCompliance;
import dev.opskit.security.patch.Patching;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@link SecurityReports} over the module's own operations and IAM key ages. */
final class SecurityReportsImpl implements SecurityReports {
  private final String region;
  private final Clock clock;
  private final Compliance compliance;
  private final GuardDuty guardDuty;
  private final AccessKeyAges keys;
  private final ImageScans scans;
  private final Patching patching;

  SecurityReportsImpl(String region, Clock clock, Compliance compliance, GuardDuty guardDuty, AccessKeyAges keys,
      ImageScans scans, Patching patching) {
    this.region = region;
    this.clock = clock;
    this.compliance = compliance;
    this.guardDuty = guardDuty;
    this.keys = keys;
    this.scans = scans;
    this.patching = patching;
  }

  @Override
  public SecurityReport run(ReportRequest request) {
    dev.opskit.core.value.Checks.present("request", request, "a ReportRequest");
    List<CheckResult> results = new ArrayList<>();
    if (request.config()) {
      guarded(results, "config", "config_rules_readable", () -> config(results));
    }
    FindingCriteria criteria = request.guardDuty();
    if (criteria != null) {
      guarded(results, "guardduty", "guardduty_findings_readable", () -> guardDuty(results, criteria));
    }
    Duration maxAge = request.maxKeyAge();
    Duration maxUnused = request.maxKeyUnused();
    if (maxAge != null && maxUnused != null) {
      guarded(results, "iam", "iam_access_keys_readable", () -> keys(results, maxAge, maxUnused));
    }
    for (ReportRequest.Image image : request.images()) {
      guarded(results, "ecr", "ecr_image_scan_readable", () -> image(results, image.repository(), image.image()));
    }
    if (!request.instances().isEmpty()) {
      guarded(results, "ssm", "ssm_patch_compliance_readable", () -> patches(results, request.instances()));
    }
    return SecurityReport.of(results);
  }

  /** Runs one source; one that cannot be read is a MANUAL result saying why. */
  private void guarded(List<CheckResult> results, String service, String checkId, Runnable source) {
    try {
      source.run();
    } catch (OpsException e) {
      results.add(new CheckResult(checkId, service, CheckSeverity.MEDIUM, CheckStatus.MANUAL, service, region,
          "could not be read: " + e.getMessage(), "correct what the reason names (the reader's " + service
              + " read permissions, the service enabled in the region, the resource named) and run the report again"));
    }
  }

  private void config(List<CheckResult> results) {
    try (Stream<RuleCompliance> rules = compliance.byRule(Set.of())) {
      rules.forEach(rule -> {
        String name = rule.ruleName();
        String remediation = "aws configservice get-compliance-details-by-config-rule --config-rule-name " + name
            + " --compliance-types NON_COMPLIANT, then correct each resource listed";
        if (rule.compliance().isNonCompliant()) {
          results.add(new CheckResult("config_rule_compliant", "config", CheckSeverity.MEDIUM, CheckStatus.FAIL, name,
              region, "Config rule " + name + " is NON_COMPLIANT: " + rule.nonCompliantResources()
                  + " resources do not comply" + (rule.nonCompliantResources().capped()
                      ? " (AWS caps this count at 25: the true number is larger)" : ""), remediation));
        } else if (rule.compliance().equals(dev.opskit.security.config.ComplianceType.COMPLIANT)) {
          results.add(new CheckResult("config_rule_compliant", "config", CheckSeverity.MEDIUM, CheckStatus.PASS, name,
              region, "Config rule " + name + " is COMPLIANT", remediation));
        } else {
          results.add(new CheckResult("config_rule_compliant", "config", CheckSeverity.MEDIUM, CheckStatus.MANUAL, name,
              region, "Config rule " + name + " is " + rule.compliance() + ": Config has not decided",
              "check that the rule runs (aws configservice start-config-rules-evaluation --config-rule-names " + name
                  + ")"));
        }
      });
    }
  }

  private void guardDuty(List<CheckResult> results, FindingCriteria criteria) {
    DetectorId detector;
    try {
      detector = guardDuty.detector();
    } catch (ResourceNotFoundException e) {
      results.add(new CheckResult("guardduty_is_enabled", "guardduty", CheckSeverity.MEDIUM, CheckStatus.FAIL, region,
          region, "GuardDuty has no detector in " + region, "aws guardduty create-detector --enable"));
      return;
    }
    results.add(new CheckResult("guardduty_is_enabled", "guardduty", CheckSeverity.MEDIUM, CheckStatus.PASS,
        detector.value(), region, "GuardDuty detector " + detector + " is enabled", "none"));
    int[] count = {0};
    try (Stream<Finding> findings = guardDuty.findings(detector, criteria)) {
      findings.forEach(f -> {
        count[0]++;
        results.add(new CheckResult("guardduty_finding", "guardduty", severity(f), CheckStatus.FAIL, f.resourceId(),
            f.region(), f.type() + ": " + f.title() + " (severity " + f.severity() + ", seen " + f.count()
                + " times, last " + f.lastSeen() + ")",
            "investigate finding " + f.id() + " (aws guardduty get-findings --detector-id " + detector
                + " --finding-ids " + f.id() + "), remediate, then archive it"));
      });
    }
    if (count[0] == 0) {
      results.add(new CheckResult("guardduty_no_active_findings", "guardduty", CheckSeverity.HIGH, CheckStatus.PASS,
          detector.value(), region, "no GuardDuty finding meets " + criteria, "none"));
    }
  }

  private static CheckSeverity severity(Finding f) {
    return switch (f.level()) {
      case CRITICAL -> CheckSeverity.CRITICAL;
      case HIGH -> CheckSeverity.HIGH;
      case MEDIUM -> CheckSeverity.MEDIUM;
      case LOW -> CheckSeverity.LOW;
    };
  }

  private void keys(List<CheckResult> results, Duration maxAge, Duration maxUnused) {
    Instant now = clock.instant();
    long ageDays = maxAge.toDays();
    long unusedDays = maxUnused.toDays();
    for (AccessKeyAges.Key k : keys.keys()) {
      if (!k.active()) {
        continue;   // an inactive key authenticates nothing: neither check applies to it (as Prowler's)
      }
      String resource = "user/" + k.user() + " key ..." + k.idTail();
      long age = Duration.between(k.created(), now).toDays();
      String rotate = "rotate it: AccessKeys.using(ctx).rotate(user, sink), or aws iam create-access-key, update the "
          + "application, then deactivate and delete the old key";
      results.add(new CheckResult("iam_rotate_access_key_" + ageDays + "_days", "iam", CheckSeverity.MEDIUM,
          age > ageDays ? CheckStatus.FAIL : CheckStatus.PASS, resource, "global",
          "access key is " + age + " days old (limit " + ageDays + ")", rotate));
      Instant since = k.lastUsed() == null ? k.created() : k.lastUsed();
      long unused = Duration.between(since, now).toDays();
      results.add(new CheckResult("iam_user_accesskey_unused_" + unusedDays + "_days", "iam", CheckSeverity.MEDIUM,
          unused > unusedDays ? CheckStatus.FAIL : CheckStatus.PASS, resource, "global",
          (k.lastUsed() == null ? "active access key never used, created " : "active access key last used ") + unused
              + " days ago (limit " + unusedDays + ")",
          "deactivate the unused key (aws iam update-access-key --status Inactive), then delete it"));
    }
  }

  private void image(List<CheckResult> results, RepositoryName repository, ImageRef image) {
    ScanFindings findings = scans.findings(repository, image);
    String resource = repository + "@" + image;
    if (!findings.status().hasFindings()) {
      results.add(new CheckResult("ecr_image_scan_complete", "ecr", CheckSeverity.MEDIUM, CheckStatus.MANUAL, resource,
          region, "the scan is " + findings.status() + ": no findings to judge",
          "scan the image (aws ecr start-image-scan) and wait for it"));
      return;
    }
    int critical = findings.count("CRITICAL");
    int high = findings.count("HIGH");
    results.add(new CheckResult("ecr_image_no_critical_high_vulnerabilities", "ecr",
        critical > 0 ? CheckSeverity.CRITICAL : CheckSeverity.HIGH,
        critical + high > 0 ? CheckStatus.FAIL : CheckStatus.PASS, resource, region,
        "findings by severity " + findings.countsBySeverity(),
        "rebuild the image on patched base images and packages, push and scan again"));
  }

  private void patches(List<CheckResult> results, List<String> instances) {
    List<InstancePatchCompliance> states = patching.compliance(instances);
    Set<String> reported = new HashSet<>();
    for (InstancePatchCompliance s : states) {
      reported.add(s.instanceId());
      results.add(new CheckResult("ssm_managed_instance_patch_compliant", "ssm",
          s.criticalNonCompliant() > 0 ? CheckSeverity.HIGH : CheckSeverity.MEDIUM,
          s.isCompliant() ? CheckStatus.PASS : CheckStatus.FAIL, s.instanceId(), region,
          s.missing() + " missing, " + s.failed() + " failed, " + s.criticalNonCompliant() + " critical non-compliant"
              + " (baseline " + s.baselineId() + ", last " + s.operation() + " " + s.operationEnd() + ")",
          "install the approved patches: aws ssm send-command --document-name AWS-RunPatchBaseline "
              + "--parameters Operation=Install --instance-ids " + s.instanceId()));
    }
    for (String id : instances) {
      if (!reported.contains(id)) {
        results.add(new CheckResult("ssm_managed_instance_patch_compliant", "ssm", CheckSeverity.MEDIUM,
            CheckStatus.MANUAL, id, region, "SSM reports no patch state for the instance",
            "check that the instance is managed by SSM and run AWS-RunPatchBaseline Operation=Scan"));
      }
    }
  }
}
