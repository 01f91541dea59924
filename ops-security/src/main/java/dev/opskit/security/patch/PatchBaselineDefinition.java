package dev.opskit.security.patch;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.model.OperatingSystem;

/**
 * The guide's {@code create-patch-baseline --name prod-patch-baseline --operating-system AMAZON_LINUX_2
 * --approval-rules file://patch-rules.json}, as desired state.
 *
 * @param name the baseline's name, 3 to 128 letters, digits, {@code _ - .}
 * @param operatingSystem the operating system (AWS cannot change it on a baseline)
 * @param approvalRules the approval rules
 * @param description a description of at most 1,024 characters, or null
 */
public record PatchBaselineDefinition(String name, OperatingSystem operatingSystem, PatchRules approvalRules,
    @Nullable String description) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-]{3,128}");

  /**
   * Validates.
   *
   * @param name the baseline's name
   * @param operatingSystem the operating system
   * @param approvalRules the approval rules
   * @param description a description, or null
   */
  public PatchBaselineDefinition {
    Checks.length("name", name, 3, 128);
    Checks.matches(NAME, "name", name, "3 to 128 letters, digits, '_', '-' or '.'");
    Checks.present("operatingSystem", operatingSystem, "an operating system, such as AMAZON_LINUX_2");
    if (operatingSystem == OperatingSystem.UNKNOWN_TO_SDK_VERSION) {
      throw ValidationException.of("operatingSystem", operatingSystem, "one of " + OperatingSystem.knownValues());
    }
    Checks.present("approvalRules", approvalRules, "approval rules (PatchRules)");
    if (description != null) {
      Checks.length("description", description, 1, 1024);
    }
  }

  /**
   * A baseline without description.
   *
   * @param name the name
   * @param operatingSystem the operating system
   * @param approvalRules the rules
   * @return the definition
   */
  public static PatchBaselineDefinition of(String name, OperatingSystem operatingSystem, PatchRules approvalRules) {
    return new PatchBaselineDefinition(name, operatingSystem, approvalRules, null);
  }

  /**
   * This baseline with a description.
   *
   * @param value the description
   * @return the definition
   */
  public PatchBaselineDefinition withDescription(String value) {
    return new PatchBaselineDefinition(name, operatingSystem, approvalRules, value);
  }

  /**
   * The guide's {@code prod-patch-baseline} on Amazon Linux 2 with the given rules.
   *
   * @param approvalRules the rules, such as {@code PatchRules.fromJson(Files.readString(Path.of("patch-rules.json")))}
   * @return the definition
   */
  public static PatchBaselineDefinition prodPatchBaseline(PatchRules approvalRules) {
    return of("prod-patch-baseline", OperatingSystem.AMAZON_LINUX_2, approvalRules);
  }
}
