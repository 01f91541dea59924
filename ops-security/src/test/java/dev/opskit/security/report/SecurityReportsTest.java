package dev.opskit.security.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.internal.Json;
import dev.opskit.security.config.CappedCount;
import dev.opskit.security.config.Compliance;
import dev.opskit.security.config.ComplianceType;
import dev.opskit.security.config.RuleCompliance;
import dev.opskit.security.ecr.ImageFinding;
import dev.opskit.security.ecr.ImageRef;
import dev.opskit.security.ecr.ImageScans;
import dev.opskit.security.ecr.RepositoryName;
import dev.opskit.security.ecr.ScanFindings;
import dev.opskit.security.ecr.ScanStatus;
import dev.opskit.security.guardduty.DetectorId;
import dev.opskit.security.guardduty.Finding;
import dev.opskit.security.guardduty.FindingCriteria;
import dev.opskit.security.guardduty.GuardDuty;
import dev.opskit.security.guardduty.SeverityLevel;
import dev.opskit.security.patch.InstancePatchCompliance;
import dev.opskit.security.patch.Patching;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** The report gathers every source asked for, failing checks first, in text, JSON and CSV. */
class SecurityReportsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final DetectorId DETECTOR = DetectorId.of("12abc34d567e8fa901bc2d34e56789f0");
  private static final RepositoryName REPO = RepositoryName.of("app-repo");
  private static final String INSTANCE = "i-0123456789abcdef0";

  private final Compliance compliance = mock(Compliance.class);
  private final GuardDuty guardDuty = mock(GuardDuty.class);
  private final ImageScans scans = mock(ImageScans.class);
  private final Patching patching = mock(Patching.class);
  private final IamClient iam = mock(IamClient.class);

  private SecurityReports reports() {
    return new SecurityReportsImpl("us-east-1", Clock.fixed(NOW, ZoneOffset.UTC), compliance, guardDuty,
        new AccessKeyAges(iam), scans, patching);
  }

  private void everySourceAnswers() {
    when(compliance.byRule(any())).thenAnswer(i -> Stream.of(
        new RuleCompliance("encrypted-volumes", ComplianceType.NON_COMPLIANT, new CappedCount(25, true)),
        new RuleCompliance("s3-bucket-versioning", ComplianceType.COMPLIANT, CappedCount.exactly(0)),
        new RuleCompliance("new-rule", ComplianceType.INSUFFICIENT_DATA, CappedCount.exactly(0))));
    when(guardDuty.detector()).thenReturn(DETECTOR);
    when(guardDuty.findings(any(DetectorId.class), any())).thenAnswer(i -> Stream.of(new Finding("f-1",
        "UnauthorizedAccess:EC2/SSHBruteForce", 8.0, SeverityLevel.HIGH, "SSH brute force", "Instance", INSTANCE,
        "123456789012", "us-east-1", NOW, NOW, 3, false)));
    when(scans.findings(REPO, ImageRef.tag("latest"))).thenReturn(new ScanFindings(REPO, ImageRef.tag("latest"),
        ScanStatus.of("COMPLETE", null), List.of(new ImageFinding("CVE-2024-0001", "CRITICAL", null, null, false))));
    when(patching.compliance(List.of(INSTANCE))).thenReturn(List.of(
        new InstancePatchCompliance(INSTANCE, "pb-0123456789abcdef0", "Scan", 40, 0, 0, 0, 0, NOW)));
  }

  private ReportRequest everything() {
    return ReportRequest.builder().config().guardDuty(FindingCriteria.all()).image("app-repo", ImageRef.tag("latest"))
        .patchCompliance(INSTANCE).build();
  }

  @Test
  void failingChecksComeFirstMostSevereFirst() {
    everySourceAnswers();

    SecurityReport report = reports().run(everything());

    assertThat(report.results()).extracting(r -> r.status() + " " + r.severity() + " " + r.checkId() + " " + r.resource())
        .containsExactly(
            "FAIL CRITICAL ecr_image_no_critical_high_vulnerabilities app-repo@imageTag=latest",
            "FAIL HIGH guardduty_finding " + INSTANCE,
            "FAIL MEDIUM config_rule_compliant encrypted-volumes",
            "MANUAL MEDIUM config_rule_compliant new-rule",
            "PASS MEDIUM config_rule_compliant s3-bucket-versioning",
            "PASS MEDIUM guardduty_is_enabled " + DETECTOR,
            "PASS MEDIUM ssm_managed_instance_patch_compliant " + INSTANCE);
    assertThat(report.summary()).isEqualTo("3 failed, 1 manual, 3 passed");
    assertThat(report.passed()).isFalse();
    verifyNoInteractions(iam);
  }

  @Test
  void aCappedConfigCountIsReportedAsCapped() {
    everySourceAnswers();

    CheckResult config = reports().run(ReportRequest.builder().config().build()).withStatus(CheckStatus.FAIL).get(0);

    assertThat(config.reason()).isEqualTo("Config rule encrypted-volumes is NON_COMPLIANT: 25+ resources do not comply "
        + "(AWS caps this count at 25: the true number is larger)");
  }

  @Test
  void theThreeFormsCarryTheSameResultsInTheSameOrder() throws Exception {
    everySourceAnswers();
    SecurityReport report = reports().run(everything());

    String text = report.toText();
    assertThat(text).startsWith("FAIL   CRITICAL      ecr_image_no_critical_high_vulnerabilities app-repo@imageTag=latest")
        .contains("       remediation: rebuild the image")
        .endsWith("Security report: 3 failed, 1 manual, 3 passed.");

    var json = Json.parseTrusted(report.toJson());
    assertThat(json.size()).isEqualTo(7);
    assertThat(json.get(0).get("CheckID").asText()).isEqualTo("ecr_image_no_critical_high_vulnerabilities");
    assertThat(json.get(0).get("Severity").asText()).isEqualTo("critical");
    assertThat(json.get(0).get("Status").asText()).isEqualTo("FAIL");

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(report.toCsv())).getRecords();
    assertThat(rows).hasSize(7);
    assertThat(rows.get(1).get("CHECK_ID")).isEqualTo("guardduty_finding");
    assertThat(rows.get(1).get("STATUS_EXTENDED")).contains("SSH brute force");
    assertThat(rows).extracting(r -> r.get("RESOURCE"))
        .containsExactlyElementsOf(report.results().stream().map(CheckResult::resource).toList());
  }

  @Test
  void aSourceThatCannotBeReadIsManualAndGuardDutyOffIsAFailure() {
    when(compliance.byRule(any())).thenThrow(new AccessDeniedException("not authorized to perform "
        + "config:DescribeComplianceByConfigRule", "config:DescribeComplianceByConfigRule", null, null));
    when(guardDuty.detector()).thenThrow(new ResourceNotFoundException("no detector", "guardduty:ListDetectors",
        "us-east-1", null));

    SecurityReport report = reports().run(ReportRequest.builder().config().guardDuty(FindingCriteria.all()).build());

    assertThat(report.results()).extracting(r -> r.status() + " " + r.checkId()).containsExactly(
        "FAIL guardduty_is_enabled", "MANUAL config_rules_readable");
    assertThat(report.withStatus(CheckStatus.MANUAL).get(0).reason()).contains("could not be read",
        "config:DescribeComplianceByConfigRule");
  }
}
