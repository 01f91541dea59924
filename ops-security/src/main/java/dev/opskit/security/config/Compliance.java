package dev.opskit.security.config;

import dev.opskit.core.OpsContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * AWS Config compliance: the guide's {@code get-compliance-summary-by-config-rule} and {@code
 * get-compliance-details-by-config-rule}. Reads only.
 *
 * <pre>{@code
 * Compliance compliance = Compliance.using(ctx);
 * ComplianceSummary summary = compliance.summary();          // "25+" when AWS capped a count
 * compliance.details("encrypted-volumes", Set.of(ComplianceType.NON_COMPLIANT)).forEach(System.out::println);
 * }</pre>
 */
public interface Compliance {

  /**
   * The operations on the context's Config client.
   *
   * @param ctx the context
   * @return the operations
   */
  static Compliance using(OpsContext ctx) {
    return new ComplianceImpl(ctx.client(ConfigClient.class, ConfigClient::builder));
  }

  /**
   * How many rules are compliant and how many are not ({@code GetComplianceSummaryByConfigRule}, one call,
   * no pages). AWS caps both counts at 25 and says so: a capped count is reported as capped.
   *
   * @return the summary
   */
  ComplianceSummary summary();

  /**
   * Every rule's compliance ({@code DescribeComplianceByConfigRule}, every page), lazily.
   *
   * @param types the compliance types to keep: {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code
   *     INSUFFICIENT_DATA}; empty for all
   * @return the rules' compliance, lazily; close the stream when done
   * @throws dev.opskit.core.ValidationException for another type, before any call
   */
  Stream<RuleCompliance> byRule(Set<ComplianceType> types);

  /**
   * The named rules' compliance, asked 25 names per call (AWS's limit), every page, lazily.
   *
   * @param ruleNames the rules (1 to 128 characters each)
   * @param types the compliance types to keep, as {@link #byRule(Set)}; empty for all
   * @return the rules' compliance, lazily; close the stream when done
   * @throws dev.opskit.core.ValidationException for a bad name or type, before any call
   */
  Stream<RuleCompliance> byRule(Collection<String> ruleNames, Set<ComplianceType> types);

  /**
   * The evaluations of one rule ({@code GetComplianceDetailsByConfigRule} with {@code Limit} 100, AWS's
   * largest page, every page), lazily.
   *
   * @param ruleName the rule, such as the guide's {@code encrypted-volumes}
   * @param types the results to keep: {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code NOT_APPLICABLE};
   *     empty for AWS's default (compliant and non-compliant)
   * @return the evaluations, lazily; close the stream when done (try-with-resources)
   * @throws dev.opskit.core.ValidationException for a bad name or type, before any call
   */
  Stream<ResourceEvaluation> details(String ruleName, Set<ComplianceType> types);

  /**
   * The evaluations of one rule, every result type AWS returns by default.
   *
   * @param ruleName the rule
   * @return the evaluations, lazily; close the stream when done (try-with-resources)
   * @throws dev.opskit.core.ValidationException for a bad name, before any call
   */
  default Stream<ResourceEvaluation> details(String ruleName) {
    return details(ruleName, Set.of());
  }

  /** The compliance types {@link #byRule(Set)} accepts. */
  List<ComplianceType> RULE_TYPES =
      List.of(ComplianceType.COMPLIANT, ComplianceType.NON_COMPLIANT, ComplianceType.INSUFFICIENT_DATA);

  /** The compliance types {@link #details(String, Set)} accepts. */
  List<ComplianceType> DETAIL_TYPES =
      List.of(ComplianceType.COMPLIANT, ComplianceType.NON_COMPLIANT, ComplianceType.NOT_APPLICABLE);
}
