package dev.opskit.incident.export;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an SSM Automation execution runs beyond the current account and Region
 * ({@code StartAutomationExecution} {@code TargetLocations}), checked as AWS checks it.
 *
 * @param accounts the accounts or organizational units, 1 to 50
 * @param regions the Regions, 1 to 50
 * @param maxConcurrency how many locations at once ({@code 10}, {@code 10%}), or null for AWS's default
 * @param maxErrors how many failures stop it ({@code 1}, {@code 5%}), or null for AWS's default
 * @param executionRoleName the role to assume in each account, or null for
 *     {@code AWS-SystemsManager-AutomationExecutionRole}
 * @param excludeAccounts accounts to leave out of the organizational units given, at most 5,000
 * @param includeChildOrganizationUnits whether child organizational units count
 */
public record TargetLocation(List<String> accounts, List<String> regions, @Nullable String maxConcurrency,
    @Nullable String maxErrors, @Nullable String executionRoleName, List<String> excludeAccounts,
    boolean includeChildOrganizationUnits) {
  private static final Pattern ROLE = Pattern.compile("[\\w+=,.@/-]{1,64}");

  /**
   * Validates as AWS does.
   *
   * @param accounts the accounts or organizational units, 1 to 50
   * @param regions the Regions, 1 to 50
   * @param maxConcurrency how many locations at once, or null
   * @param maxErrors how many failures stop it, or null
   * @param executionRoleName the role to assume in each account, or null
   * @param excludeAccounts accounts to leave out, at most 5,000
   * @param includeChildOrganizationUnits whether child organizational units count
   */
  public TargetLocation {
    accounts = Checks.list("TargetLocations.Accounts", accounts, "1 to 50 accounts or organizational units");
    Checks.range("TargetLocations.Accounts", accounts.size(), 1, 50, "1 to 50 accounts or organizational units");
    regions = Checks.list("TargetLocations.Regions", regions, "1 to 50 Regions");
    Checks.range("TargetLocations.Regions", regions.size(), 1, 50, "1 to 50 Regions");
    if (maxConcurrency != null) {
      StartOptions.maxConcurrency("TargetLocations.TargetLocationMaxConcurrency", maxConcurrency);
    }
    if (maxErrors != null) {
      StartOptions.maxErrors("TargetLocations.TargetLocationMaxErrors", maxErrors);
    }
    if (executionRoleName != null) {
      Checks.matches(ROLE, "TargetLocations.ExecutionRoleName", Checks.length("TargetLocations.ExecutionRoleName",
          executionRoleName, 1, 64), "1 to 64 letters, digits and +=,.@/-_");
    }
    excludeAccounts = Checks.list("TargetLocations.ExcludeAccounts", excludeAccounts, "accounts");
    Checks.range("TargetLocations.ExcludeAccounts", excludeAccounts.size(), 0, 5000, "at most 5,000 accounts");
  }

  /**
   * Accounts and Regions with AWS's defaults for the rest.
   *
   * @param accounts the accounts
   * @param regions the Regions
   * @return the location
   */
  public static TargetLocation of(List<String> accounts, List<String> regions) {
    return new TargetLocation(accounts, regions, null, null, null, List.of(), false);
  }
}
