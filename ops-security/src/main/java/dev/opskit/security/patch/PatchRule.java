package dev.opskit.security.patch;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One approval rule of a patch baseline, as in {@code patch-rules.json}: the filters, the compliance level
 * of the patches it approves, and when it approves them (after a number of days, or until a date).
 *
 * @param filters 0 to 4 filters, all of which a patch must match
 * @param complianceLevel {@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, {@code LOW}, {@code INFORMATIONAL}
 *     or {@code UNSPECIFIED} (AWS's default)
 * @param approveAfterDays days after release a patch is approved (0 to 360), or null (with {@code
 *     approveUntilDate}, or with neither on Debian and Ubuntu Server, where AWS supports neither)
 * @param approveUntilDate patches released up to this date are approved, or null
 * @param enableNonSecurity whether non-security updates of the repositories are approved too (Linux)
 */
public record PatchRule(List<PatchFilter> filters, String complianceLevel, @Nullable Integer approveAfterDays,
    @Nullable LocalDate approveUntilDate, boolean enableNonSecurity) {
  /** The compliance levels SSM accepts. */
  public static final Set<String> LEVELS = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED");

  /**
   * Validates and copies.
   *
   * @param filters 0 to 4 filters
   * @param complianceLevel the compliance level
   * @param approveAfterDays 0 to 360, or null
   * @param approveUntilDate a date, or null
   * @param enableNonSecurity whether non-security updates are approved too
   */
  public PatchRule {
    filters = Checks.list("PatchFilterGroup.PatchFilters", filters, "0 to 4 patch filters");
    Checks.range("PatchFilterGroup.PatchFilters", filters.size(), 0, 4, "0 to 4 patch filters");
    Checks.present("ComplianceLevel", complianceLevel, "one of " + LEVELS.stream().sorted().toList());
    if (!LEVELS.contains(complianceLevel)) {
      throw ValidationException.of("ComplianceLevel", complianceLevel, "one of " + LEVELS.stream().sorted().toList());
    }
    if (approveAfterDays != null && approveUntilDate != null) {
      throw ValidationException.of("ApproveAfterDays", approveAfterDays,
          "at most one of ApproveAfterDays (0 to 360) and ApproveUntilDate (YYYY-MM-DD), not both");
    }
    if (approveAfterDays != null) {
      Checks.range("ApproveAfterDays", approveAfterDays, 0, 360, "0 to 360 days");
    }
    if (approveUntilDate != null) {
      Checks.require(approveUntilDate.getYear() >= 1970 && approveUntilDate.getYear() <= 9999, "ApproveUntilDate",
          approveUntilDate, "a date between 1970 and 9999");
    }
  }

  /**
   * A rule approving matching patches a number of days after their release.
   *
   * @param complianceLevel the compliance level
   * @param approveAfterDays 0 to 360
   * @param filters the filters
   * @return the rule
   */
  public static PatchRule afterDays(String complianceLevel, int approveAfterDays, PatchFilter... filters) {
    return new PatchRule(Checks.elements("PatchFilterGroup.PatchFilters", "patch filters", filters), complianceLevel,
        approveAfterDays, null, false);
  }

  /**
   * This rule with non-security updates approved too, or not.
   *
   * @param value whether to approve them
   * @return the rule
   */
  public PatchRule withEnableNonSecurity(boolean value) {
    return new PatchRule(filters, complianceLevel, approveAfterDays, approveUntilDate, value);
  }
}
