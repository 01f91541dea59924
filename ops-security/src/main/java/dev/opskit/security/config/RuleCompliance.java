package dev.opskit.security.config;

import dev.opskit.core.value.Checks;

/**
 * One Config rule's compliance ({@code DescribeComplianceByConfigRule}): its type and, when non-compliant,
 * how many resources make it so (capped by AWS at 25).
 *
 * @param ruleName the rule
 * @param compliance its compliance type
 * @param nonCompliantResources the resources that do not comply, capped by AWS
 */
public record RuleCompliance(String ruleName, ComplianceType compliance, CappedCount nonCompliantResources) {
  /**
   * Validates.
   *
   * @param ruleName the rule
   * @param compliance its compliance type
   * @param nonCompliantResources the resources that do not comply, capped by AWS
   */
  public RuleCompliance {
    Checks.present("ruleName", ruleName, "a Config rule name");
    Checks.present("compliance", compliance, "a compliance type");
    Checks.present("nonCompliantResources", nonCompliantResources, "a count");
  }
}
