package dev.opskit.security.config;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static dev.opskit.security.AwsStub.json11;
import static dev.opskit.security.AwsStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.security.AwsStub;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Config compliance at the HTTP level (moto lacks compliance queries), in AWS's JSON 1.1 shapes. */
class ComplianceHttpTest {
  private static final String SUMMARY = "StarlingDoveService.GetComplianceSummaryByConfigRule";
  private static final String DETAILS = "StarlingDoveService.GetComplianceDetailsByConfigRule";
  private static final String BY_RULE = "StarlingDoveService.DescribeComplianceByConfigRule";

  private final AwsStub aws = new AwsStub();

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void aCappedSummaryIsReportedAsCappedNeverAsExact() {
    aws.server().stubFor(json11(SUMMARY).willReturn(ok("""
        {"ComplianceSummary": {
          "CompliantResourceCount": {"CappedCount": 25, "CapExceeded": true},
          "NonCompliantResourceCount": {"CappedCount": 3, "CapExceeded": false},
          "ComplianceSummaryTimestamp": 1764590400}}""")));

    ComplianceSummary summary = Compliance.using(aws.ctx()).summary();

    assertThat(summary.compliantRules()).isEqualTo(new CappedCount(25, true));
    assertThat(summary.compliantRules().isExact()).isFalse();
    assertThat(summary.nonCompliantRules().isExact()).isTrue();
    assertThat(summary.isCapped()).isTrue();
    assertThat(summary.asOf()).isEqualTo(Instant.ofEpochSecond(1764590400));
    assertThat(summary).hasToString(
        "compliant rules: 25+, non-compliant rules: 3 (capped by AWS at 25: the true count is larger)");
  }

  @Test
  void anUncappedSummaryIsExact() {
    aws.server().stubFor(json11(SUMMARY).willReturn(ok("""
        {"ComplianceSummary": {"CompliantResourceCount": {"CappedCount": 4, "CapExceeded": false},
          "NonCompliantResourceCount": {"CappedCount": 1, "CapExceeded": false}}}""")));

    ComplianceSummary summary = Compliance.using(aws.ctx()).summary();

    assertThat(summary.isCapped()).isFalse();
    assertThat(summary).hasToString("compliant rules: 4, non-compliant rules: 1");
  }

  @Test
  void detailsAreReadAcrossEveryPageWithTheLargestLimit() {
    aws.server().stubFor(json11(DETAILS).withRequestBody(notContaining("NextToken"))
        .willReturn(ok(page(0, 100, "t1"))));
    aws.server().stubFor(json11(DETAILS).withRequestBody(containing("\"NextToken\":\"t1\""))
        .willReturn(ok(page(100, 100, "t2"))));
    aws.server().stubFor(json11(DETAILS).withRequestBody(containing("\"NextToken\":\"t2\""))
        .willReturn(ok(page(200, 7, null))));

    List<ResourceEvaluation> all = Compliance.using(aws.ctx())
        .details("encrypted-volumes", Set.of(ComplianceType.NON_COMPLIANT)).toList();

    assertThat(all).hasSize(207);
    assertThat(all.get(0)).isEqualTo(new ResourceEvaluation("encrypted-volumes", "AWS::EC2::Volume", "vol-0",
        ComplianceType.NON_COMPLIANT, "The volume is not encrypted.", Instant.ofEpochSecond(1764590400)));
    assertThat(all.get(206).resourceId()).isEqualTo("vol-206");
    List<String> bodies = aws.bodies(DETAILS);
    assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b)
        .contains("\"Limit\":100", "\"ConfigRuleName\":\"encrypted-volumes\"", "\"ComplianceTypes\":[\"NON_COMPLIANT\"]"));
  }

  @Test
  void detailsAreLazyTheSecondPageIsReadOnlyWhenNeeded() {
    aws.server().stubFor(json11(DETAILS).withRequestBody(notContaining("NextToken")).willReturn(ok(page(0, 100, "t1"))));

    List<ResourceEvaluation> first = Compliance.using(aws.ctx()).details("encrypted-volumes").limit(10).toList();

    assertThat(first).hasSize(10);
    assertThat(aws.bodies(DETAILS)).hasSize(1);
  }

  @Test
  void rulesCarryTheirCappedContributorCountsAcrossPages() {
    aws.server().stubFor(json11(BY_RULE).withRequestBody(notContaining("NextToken")).willReturn(ok("""
        {"ComplianceByConfigRules": [
          {"ConfigRuleName": "encrypted-volumes", "Compliance": {"ComplianceType": "NON_COMPLIANT",
            "ComplianceContributorCount": {"CappedCount": 25, "CapExceeded": true}}}],
         "NextToken": "r2"}""")));
    aws.server().stubFor(json11(BY_RULE).withRequestBody(containing("\"NextToken\":\"r2\"")).willReturn(ok("""
        {"ComplianceByConfigRules": [
          {"ConfigRuleName": "s3-bucket-versioning", "Compliance": {"ComplianceType": "COMPLIANT"}},
          {"ConfigRuleName": "new-rule", "Compliance": {"ComplianceType": "SOMETHING_NEW"}}]}""")));

    List<RuleCompliance> rules = Compliance.using(aws.ctx()).byRule(Set.of()).toList();

    assertThat(rules).containsExactly(
        new RuleCompliance("encrypted-volumes", ComplianceType.NON_COMPLIANT, new CappedCount(25, true)),
        new RuleCompliance("s3-bucket-versioning", ComplianceType.COMPLIANT, CappedCount.exactly(0)),
        new RuleCompliance("new-rule", ComplianceType.of("SOMETHING_NEW"), CappedCount.exactly(0)));
    assertThat(rules.get(0).nonCompliantResources()).hasToString("25+");
  }

  @Test
  void namedRulesAreAskedTwentyFiveNamesPerCall() {
    aws.server().stubFor(json11(BY_RULE).willReturn(ok("{\"ComplianceByConfigRules\": []}")));
    List<String> names = IntStream.range(0, 60).mapToObj(i -> "rule-" + i).toList();

    assertThat(Compliance.using(aws.ctx()).byRule(names, Set.of()).toList()).isEmpty();

    List<String> bodies = aws.bodies(BY_RULE);
    assertThat(bodies).hasSize(3);
    assertThat(bodies.get(0)).contains("\"rule-0\"", "\"rule-24\"").doesNotContain("\"rule-25\"");
    assertThat(bodies.get(2)).contains("\"rule-50\"", "\"rule-59\"");
  }

  @Test
  void badInputIsRefusedBeforeAnyCall() {
    Compliance compliance = Compliance.using(aws.ctx());

    assertThatThrownBy(() -> compliance.details(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ruleName: ' '. Allowed: a Config rule name of 1 to 128 characters, not blank");
    assertThatThrownBy(() -> compliance.details("encrypted-volumes", Set.of(ComplianceType.INSUFFICIENT_DATA)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid types: 'INSUFFICIENT_DATA'. Allowed: COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE");
    assertThatThrownBy(() -> compliance.byRule(Set.of(ComplianceType.NOT_APPLICABLE)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid types: 'NOT_APPLICABLE'. Allowed: COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA");
    assertThat(aws.server().getAllServeEvents()).isEmpty();
  }

  private static String page(int from, int count, String next) {
    String results = IntStream.range(from, from + count).mapToObj(i -> """
        {"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "encrypted-volumes",
          "ResourceType": "AWS::EC2::Volume", "ResourceId": "vol-%d"}, "OrderingTimestamp": 1764590000},
         "ComplianceType": "NON_COMPLIANT", "ResultRecordedTime": 1764590400, "ConfigRuleInvokedTime": 1764590300,
         "Annotation": "The volume is not encrypted."}""".formatted(i)).collect(Collectors.joining(","));
    return "{\"EvaluationResults\": [" + results + "]" + (next == null ? "" : ", \"NextToken\": \"" + next + "\"") + "}";
  }
}
