package dev.opskit.security.config;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The guide's {@code get-compliance-summary-by-config-rule}: how many Config rules are compliant and how
 * many are not. Both counts are capped by AWS at 25.
 *
 * @param compliantRules the compliant rules
 * @param nonCompliantRules the non-compliant rules
 * @param asOf when AWS computed the summary, or null when it did not say
 */
public record ComplianceSummary(CappedCount compliantRules, CappedCount nonCompliantRules, @Nullable Instant asOf) {

  /** {@return whether either count is capped (the true numbers are larger)} */
  public boolean isCapped() {
    return compliantRules.capped() || nonCompliantRules.capped();
  }

  /** {@code compliant rules: 25+, non-compliant rules: 3 (capped by AWS: the true count is larger)}. */
  @Override
  public String toString() {
    return "compliant rules: " + compliantRules + ", non-compliant rules: " + nonCompliantRules
        + (isCapped() ? " (capped by AWS at " + CappedCount.CAP + ": the true count is larger)" : "");
  }
}
