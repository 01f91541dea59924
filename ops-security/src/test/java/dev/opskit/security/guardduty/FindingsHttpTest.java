package dev.opskit.security.guardduty;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.opskit.security.AwsStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.internal.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.security.AwsStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GuardDuty findings at the HTTP level (moto lacks findings), in AWS's REST-JSON shapes. */
class FindingsHttpTest {
  private static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
  private static final String LIST = "/detector/" + DETECTOR + "/findings";
  private static final String GET = "/detector/" + DETECTOR + "/findings/get";

  private final AwsStub aws = new AwsStub();

  @AfterEach
  void stop() {
    aws.close();
  }

  /** Acceptance 2: 130 ids over three ListFindings pages, fetched in three GetFindings calls of at most 50. */
  @Test
  void oneHundredThirtyIdsOverThreePagesAreFetchedInThreeCallsOfAtMostFifty() {
    aws.server().stubFor(post(urlEqualTo(LIST)).withRequestBody(notContaining("nextToken"))
        .willReturn(ok(ids(0, 45, "p2"))));
    aws.server().stubFor(post(urlEqualTo(LIST)).withRequestBody(containing("\"nextToken\":\"p2\""))
        .willReturn(ok(ids(45, 45, "p3"))));
    aws.server().stubFor(post(urlEqualTo(LIST)).withRequestBody(containing("\"nextToken\":\"p3\""))
        .willReturn(ok(ids(90, 40, null))));
    // GetFindings answers the batch it is asked for, identified by its first id (and in reverse order, as AWS
    // does not promise any).
    for (int first : new int[] {0, 50, 100}) {
      int last = Math.min(130, first + 50);
      aws.server().stubFor(post(urlEqualTo(GET)).withRequestBody(containing("\"findingIds\":[\"" + id(first) + "\""))
          .willReturn(ok(findings(first, last))));
    }

    List<Finding> all = GuardDuty.using(aws.ctx()).findings(DetectorId.of(DETECTOR), FindingCriteria.all()).toList();

    assertThat(all).hasSize(130);
    assertThat(all).extracting(Finding::id).containsExactlyElementsOf(IntStream.range(0, 130).mapToObj(FindingsHttpTest::id).toList());
    assertThat(aws.server().findAll(postRequestedFor(urlEqualTo(LIST)))).hasSize(3);
    List<LoggedRequest> gets = aws.server().findAll(postRequestedFor(urlEqualTo(GET)));
    assertThat(gets).hasSize(3);
    assertThat(gets).extracting(r -> Json.parseTrusted(r.getBodyAsString()).get("findingIds").size())
        .containsExactly(50, 50, 30);
    assertThat(aws.server().findAll(postRequestedFor(urlEqualTo(LIST)))).allSatisfy(r ->
        assertThat(r.getBodyAsString()).contains("\"maxResults\":50"));
  }

  @Test
  void findingsAreReadLazilyOnePageAndOneBatchAtATime() {
    aws.server().stubFor(post(urlEqualTo(LIST)).withRequestBody(notContaining("nextToken"))
        .willReturn(ok(ids(0, 50, "p2"))));
    aws.server().stubFor(post(urlEqualTo(GET)).withRequestBody(containing("\"findingIds\":[\"" + id(0) + "\""))
        .willReturn(ok(findings(0, 50))));

    List<Finding> first;
    try (var findings = GuardDuty.using(aws.ctx()).findings(DetectorId.of(DETECTOR), FindingCriteria.all())) {
      first = findings.limit(10).toList();
    }

    assertThat(first).hasSize(10);
    assertThat(aws.server().findAll(postRequestedFor(urlEqualTo(LIST)))).hasSize(1);
    assertThat(aws.server().findAll(postRequestedFor(urlEqualTo(GET)))).hasSize(1);
  }

  @Test
  void findingsAreTyped() {
    aws.server().stubFor(post(urlEqualTo(LIST)).willReturn(ok(ids(0, 1, null))));
    aws.server().stubFor(post(urlEqualTo(GET)).willReturn(ok(findings(0, 1))));

    Finding f = GuardDuty.using(aws.ctx()).findings(DetectorId.of(DETECTOR), FindingCriteria.all()).findFirst().orElseThrow();

    assertThat(f).isEqualTo(new Finding(id(0), "UnauthorizedAccess:EC2/SSHBruteForce", 8.0, SeverityLevel.HIGH,
        "SSH brute force attacks against i-00000000000000000.", "Instance", "i-00000000000000000", "123456789012",
        "us-east-1", Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:00Z"), 3, false));
  }

  @Test
  void criteriaAreSentAsGuardDutyConditions() {
    aws.server().stubFor(post(urlEqualTo(LIST)).willReturn(ok(ids(0, 0, null))));

    List<Finding> none = GuardDuty.using(aws.ctx()).findings(DetectorId.of(DETECTOR), FindingCriteria.builder()
        .severityAtLeast(SeverityLevel.MEDIUM).severityAtMost(SeverityLevel.HIGH)
        .types("Recon:EC2/PortProbeUnprotectedPort").resourceTypes("Instance").instanceIds("i-0123456789abcdef0")
        .updatedSince(Instant.parse("2026-11-01T00:00:00Z")).build()).toList();

    assertThat(none).isEmpty();

    JsonNode criterion = Json.parseTrusted(aws.server().findAll(postRequestedFor(urlEqualTo(LIST))).get(0)
        .getBodyAsString()).get("findingCriteria").get("criterion");
    assertThat(criterion.get("severity").get("greaterThanOrEqual").asLong()).isEqualTo(4);
    assertThat(criterion.get("severity").get("lessThan").asLong()).isEqualTo(9);
    assertThat(criterion.get("type").get("equals").get(0).asText()).isEqualTo("Recon:EC2/PortProbeUnprotectedPort");
    assertThat(criterion.get("resource.resourceType").get("equals").get(0).asText()).isEqualTo("Instance");
    assertThat(criterion.get("updatedAt").get("greaterThanOrEqual").asLong())
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
    assertThat(criterion.get("resource.instanceDetails.instanceId").get("equals").get(0).asText())
        .isEqualTo("i-0123456789abcdef0");
    assertThat(criterion.get("service.archived").get("equals").get(0).asText()).isEqualTo("false");
    assertThat(aws.server().findAll(postRequestedFor(urlEqualTo(GET)))).isEmpty();
  }

  @Test
  void theDetectorIsFoundWhenNotNamed() {
    aws.server().stubFor(get(urlPathEqualTo("/detector")).willReturn(ok("{\"detectorIds\": [\"" + DETECTOR + "\"]}")));
    aws.server().stubFor(post(urlEqualTo(LIST)).willReturn(ok(ids(0, 2, null))));
    aws.server().stubFor(post(urlEqualTo(GET)).willReturn(ok(findings(0, 2))));

    assertThat(GuardDuty.using(aws.ctx()).findings(FindingCriteria.all()).toList()).hasSize(2);
  }

  @Test
  void noDetectorSaysHowToEnableGuardDuty() {
    aws.server().stubFor(get(urlPathEqualTo("/detector")).willReturn(ok("{\"detectorIds\": []}")));

    assertThatThrownBy(() -> GuardDuty.using(aws.ctx()).detector())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("GuardDuty has no detector in us-east-1: enable GuardDuty");
  }

  @Test
  void badCriteriaAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> FindingCriteria.builder().severityAtLeast(SeverityLevel.HIGH)
        .severityAtMost(SeverityLevel.LOW).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid severityAtMost: 'LOW'. Allowed: at least severityAtLeast (HIGH)");
    assertThatThrownBy(() -> FindingCriteria.builder().types("has space"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid types: 'has space'. Allowed: a GuardDuty finding type, such as Recon:EC2/PortProbeUnprotectedPort");
    assertThatThrownBy(() -> DetectorId.of("not/an/id"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid detectorId: 'not/an/id'. Allowed: a GuardDuty detector id: 1 to 300 letters and digits");
    assertThat(aws.server().getAllServeEvents()).isEmpty();
  }

  private static String id(int i) {
    return "f-%03d".formatted(i);
  }

  private static String ids(int from, int count, String next) {
    String list = IntStream.range(from, from + count).mapToObj(i -> "\"" + id(i) + "\"").collect(Collectors.joining(","));
    return "{\"findingIds\": [" + list + "]" + (next == null ? "" : ", \"nextToken\": \"" + next + "\"") + "}";
  }

  private static String findings(int from, int to) {
    List<String> items = new ArrayList<>();
    for (int i = to - 1; i >= from; i--) {
      String instance = "i-%017d".formatted(i);
      items.add("""
          {"accountId": "123456789012", "arn": "arn:aws:guardduty:us-east-1:123456789012:detector/%s/finding/%s",
           "createdAt": "2026-11-30T09:00:00.000Z", "id": "%s", "partition": "aws", "region": "us-east-1",
           "resource": {"resourceType": "Instance", "instanceDetails": {"instanceId": "%s"}},
           "schemaVersion": "2.0",
           "service": {"archived": false, "count": 3, "detectorId": "%s", "eventFirstSeen": "2026-11-30T10:00:00.000Z",
             "eventLastSeen": "2026-11-30T11:00:00.000Z", "serviceName": "guardduty"},
           "severity": 8.0, "title": "SSH brute force attacks against %s.",
           "type": "UnauthorizedAccess:EC2/SSHBruteForce", "updatedAt": "2026-11-30T11:00:00.000Z"}"""
          .formatted(DETECTOR, id(i), id(i), instance, DETECTOR, instance));
    }
    return "{\"findings\": [" + String.join(",", items) + "]}";
  }
}
