package dev.opskit.incident;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * One named step of a runbook: what it does and how it is run.
 *
 * @param name the name, letters, digits and underscores, starting with a letter (at most 80 characters)
 * @param action what the step does
 * @param controls timeout, attempts, failure handling and where to go next
 */
public record Step(String name, StepAction action, StepControls controls) {

  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

  /**
   * Validates.
   *
   * @param name the name, letters, digits and underscores, starting with a letter (at most 80 characters)
   * @param action what the step does
   * @param controls timeout, attempts, failure handling and where to go next
   * @throws dev.opskit.core.ValidationException when the name is malformed or a part is missing
   */
  public Step {
    Checks.matches(NAME, "step", Checks.length("step", name, 1, 80),
        "letters, digits and underscores, starting with a letter, at most 80 characters");
    Checks.present("step " + name + " action", action, "an action");
    Checks.present("step " + name + " controls", controls, "step controls");
  }
}
