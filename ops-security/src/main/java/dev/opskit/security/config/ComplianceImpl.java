package dev.opskit.security.config;

import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceSummary;
import software.amazon.awssdk.services.config.model.DescribeComplianceByConfigRuleRequest;
import software.amazon.awssdk.services.config.model.EvaluationResult;
import software.amazon.awssdk.services.config.model.EvaluationResultQualifier;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleRequest;
import software.amazon.awssdk.services.config.model.GetComplianceSummaryByConfigRuleRequest;

/** {@link Compliance} on a Config client. */
final class ComplianceImpl implements Compliance {
  /** AWS's largest page of GetComplianceDetailsByConfigRule. */
  static final int DETAILS_LIMIT = 100;
  /** AWS's most rule names per DescribeComplianceByConfigRule. */
  static final int NAMES_PER_CALL = 25;
  private static final Pattern RULE_NAME = Pattern.compile(".*\\S.*", Pattern.DOTALL);

  private final ConfigClient config;

  ComplianceImpl(ConfigClient config) {
    this.config = config;
  }

  @Override
  public dev.opskit.security.config.ComplianceSummary summary() {
    ComplianceSummary summary = Reads.read("config:GetComplianceSummaryByConfigRule", null,
        () -> config.getComplianceSummaryByConfigRule(GetComplianceSummaryByConfigRuleRequest.builder().build()))
        .complianceSummary();
    if (summary == null) {
      return new dev.opskit.security.config.ComplianceSummary(CappedCount.exactly(0), CappedCount.exactly(0), null);
    }
    return new dev.opskit.security.config.ComplianceSummary(CappedCount.of(summary.compliantResourceCount()),
        CappedCount.of(summary.nonCompliantResourceCount()), summary.complianceSummaryTimestamp());
  }

  @Override
  public Stream<RuleCompliance> byRule(Set<ComplianceType> types) {
    List<String> typeNames = types("types", types, RULE_TYPES);
    return rules(DescribeComplianceByConfigRuleRequest.builder().complianceTypesWithStrings(typeNames).build());
  }

  @Override
  public Stream<RuleCompliance> byRule(Collection<String> ruleNames, Set<ComplianceType> types) {
    List<String> names = Checks.list("ruleNames", ruleNames, "Config rule names");
    names.forEach(name -> ruleName("ruleNames", name));
    Checks.require(!names.isEmpty(), "ruleNames", "[]", "at least one Config rule name");
    List<String> typeNames = types("types", types, RULE_TYPES);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < names.size(); i += NAMES_PER_CALL) {
      batches.add(names.subList(i, Math.min(names.size(), i + NAMES_PER_CALL)));
    }
    return batches.stream().flatMap(batch -> rules(DescribeComplianceByConfigRuleRequest.builder()
        .configRuleNames(batch).complianceTypesWithStrings(typeNames).build()));
  }

  private Stream<RuleCompliance> rules(DescribeComplianceByConfigRuleRequest request) {
    return Reads.stream("config:DescribeComplianceByConfigRule", null,
        () -> config.describeComplianceByConfigRulePaginator(request).stream()
            .flatMap(page -> page.complianceByConfigRules().stream())
            .map(ComplianceImpl::rule));
  }

  private static RuleCompliance rule(ComplianceByConfigRule rule) {
    var compliance = rule.compliance();
    return new RuleCompliance(rule.configRuleName(),
        ComplianceType.of(compliance == null ? null : compliance.complianceTypeAsString()),
        CappedCount.of(compliance == null ? null : compliance.complianceContributorCount()));
  }

  @Override
  public Stream<ResourceEvaluation> details(String ruleName, Set<ComplianceType> types) {
    String name = ruleName("ruleName", ruleName);
    List<String> typeNames = types("types", types, DETAIL_TYPES);
    GetComplianceDetailsByConfigRuleRequest request = GetComplianceDetailsByConfigRuleRequest.builder()
        .configRuleName(name).complianceTypesWithStrings(typeNames).limit(DETAILS_LIMIT).build();
    return Reads.stream("config:GetComplianceDetailsByConfigRule", name,
        () -> config.getComplianceDetailsByConfigRulePaginator(request).stream()
            .flatMap(page -> page.evaluationResults().stream())
            .map(result -> evaluation(name, result)));
  }

  private static ResourceEvaluation evaluation(String ruleName, EvaluationResult result) {
    EvaluationResultQualifier q = result.evaluationResultIdentifier() == null ? null
        : result.evaluationResultIdentifier().evaluationResultQualifier();
    String type = q == null || q.resourceType() == null ? "unknown" : q.resourceType();
    String id = q == null || q.resourceId() == null ? "unknown" : q.resourceId();
    String rule = q == null || q.configRuleName() == null ? ruleName : q.configRuleName();
    return new ResourceEvaluation(rule, type, id, ComplianceType.of(result.complianceTypeAsString()),
        result.annotation(), result.resultRecordedTime());
  }

  static String ruleName(String field, String value) {
    Checks.length(field, value, 1, 128);
    return Checks.matches(RULE_NAME, field, value, "a Config rule name of 1 to 128 characters, not blank");
  }

  private static List<String> types(String field, Set<ComplianceType> types, List<ComplianceType> allowed) {
    List<ComplianceType> given = Checks.list(field, types, "compliance types");
    List<String> names = new ArrayList<>();
    for (ComplianceType type : given) {
      if (!allowed.contains(type)) {
        throw ValidationException.of(field, type, String.join(", ", allowed.stream().map(ComplianceType::value).toList()));
      }
      names.add(type.value());
    }
    return names.stream().sorted().toList();
  }
}
