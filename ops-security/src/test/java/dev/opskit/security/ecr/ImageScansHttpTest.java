package dev.opskit.security.ecr;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.opskit.security.AwsStub.json11;
import static dev.opskit.security.AwsStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.security.AwsStub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ECR scan waits and findings at the HTTP level, in ECR's JSON 1.1 shapes (moto has no enhanced scanning). */
class ImageScansHttpTest {
  private static final String FINDINGS = "AmazonEC2ContainerRegistry_V20150921.DescribeImageScanFindings";
  private static final RepositoryName REPO = RepositoryName.of("app-repo");
  private static final ImageRef LATEST = ImageRef.tag("latest");

  private final AwsStub aws = new AwsStub();

  @AfterEach
  void stop() {
    aws.close();
  }

  private void status(String state, String next, String status) {
    var mapping = json11(FINDINGS).inScenario("scan").whenScenarioStateIs(state).willReturn(ok(
        "{\"repositoryName\": \"app-repo\", \"imageId\": {\"imageTag\": \"latest\"}, \"imageScanStatus\": "
            + "{\"status\": \"" + status + "\", \"description\": \"" + status.toLowerCase(java.util.Locale.ROOT) + "\"}}"));
    aws.server().stubFor(next == null ? mapping : mapping.willSetStateTo(next));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMPLETE", "ACTIVE"})
  void theWaitEndsForBasicAndEnhancedScanning(String finalStatus) {
    status(STARTED, "second", finalStatus.equals("ACTIVE") ? "PENDING" : "IN_PROGRESS");
    status("second", "third", finalStatus.equals("ACTIVE") ? "PENDING" : "IN_PROGRESS");
    status("third", null, finalStatus);

    WaitOutcome<ScanStatus> outcome = ImageScans.using(aws.ctx()).awaitScan(REPO, LATEST, Duration.ofMinutes(10));

    assertThat(outcome.orElseThrow().value()).isEqualTo(finalStatus);
    assertThat(outcome.polls()).isEqualTo(3);
    assertThat(aws.bodies(FINDINGS)).allSatisfy(b -> assertThat(b).contains("\"imageTag\":\"latest\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FAILED", "UNSUPPORTED_IMAGE", "SCAN_ELIGIBILITY_EXPIRED", "FINDINGS_UNAVAILABLE"})
  void aFailedScanEndsTheWaitWithAWSsReason(String status) {
    status(STARTED, null, status);

    WaitOutcome<ScanStatus> outcome = ImageScans.using(aws.ctx()).awaitScan(REPO, LATEST, Duration.ofMinutes(10));

    assertThat(outcome).isInstanceOf(WaitOutcome.Failed.class);
    assertThatThrownBy(outcome::orElseThrow).isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("the scan of app-repo imageTag=latest ended " + status);
  }

  @Test
  void theCallersTimeoutBoundsTheWait() {
    status(STARTED, null, "IN_PROGRESS");

    WaitOutcome<ScanStatus> outcome = ImageScans.using(aws.ctx()).awaitScan(REPO, LATEST, Duration.ofSeconds(45));

    assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
    assertThat(aws.now()).isEqualTo(AwsStub.START.plusSeconds(45));
    assertThatThrownBy(outcome::orElseThrow).isInstanceOf(OperationTimeoutException.class)
        .hasMessageContaining("still IN_PROGRESS");
  }

  @Test
  void findingsAreReadOverEveryPageWithCountsBySeverity() {
    aws.server().stubFor(json11(FINDINGS).withRequestBody(notContaining("nextToken")).willReturn(ok("""
        {"imageScanStatus": {"status": "COMPLETE"}, "imageScanFindings": {
          "findingSeverityCounts": {"CRITICAL": 1, "HIGH": 2},
          "findings": [{"name": "CVE-2024-0001", "severity": "CRITICAL", "uri": "https://example.com/1"},
                       {"name": "CVE-2024-0002", "severity": "HIGH"}]},
         "nextToken": "n2"}""")));
    aws.server().stubFor(json11(FINDINGS).withRequestBody(containing("\"nextToken\":\"n2\"")).willReturn(ok("""
        {"imageScanStatus": {"status": "COMPLETE"}, "imageScanFindings": {
          "findings": [{"name": "CVE-2024-0003", "severity": "HIGH"}],
          "enhancedFindings": [{"severity": "MEDIUM", "title": "openssl",
            "packageVulnerabilityDetails": {"vulnerabilityId": "CVE-2024-0004", "sourceUrl": "https://example.com/4"}}]}}""")));

    ScanFindings findings = ImageScans.using(aws.ctx()).findings(REPO, LATEST);

    assertThat(findings.findings()).extracting(ImageFinding::name)
        .containsExactly("CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0004");
    Map<String, Integer> expected = new java.util.LinkedHashMap<>();
    expected.put("CRITICAL", 1);
    expected.put("HIGH", 2);
    expected.put("MEDIUM", 1);
    expected.put("LOW", 0);
    expected.put("INFORMATIONAL", 0);
    expected.put("UNDEFINED", 0);
    expected.put("UNTRIAGED", 0);
    assertThat(findings.countsBySeverity()).containsExactlyEntriesOf(expected);
    assertThat(findings.count("HIGH")).isEqualTo(2);
    assertThat(findings.findings().get(3).enhanced()).isTrue();
    assertThat(aws.bodies(FINDINGS)).hasSize(2).allSatisfy(b -> assertThat(b).contains("\"maxResults\":1000"));
  }

  @Test
  void badImagesAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> ImageRef.digest("sha256:xyz"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid imageDigest: 'sha256:xyz'. Allowed: 71 to 71 characters");
    assertThatThrownBy(() -> RepositoryName.of("App_Repo"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid repositoryName: 'App_Repo'. Allowed: 2 to 256 lowercase letters");
    assertThatThrownBy(() -> ImageScans.using(aws.ctx()).awaitScan(REPO, LATEST, Duration.ofDays(2)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid timeout: 'PT48H'. Allowed: 1 second to 1 day");
    assertThat(aws.server().getAllServeEvents()).isEmpty();
  }
}
