package dev.opskit.incident;

import dev.opskit.core.value.Checks;

/**
 * One choice of a branch: when the condition holds, go to the step.
 *
 * @param condition the condition
 * @param nextStep the step to go to
 */
public record Choice(Condition condition, String nextStep) {
  /**
   * Validates.
   *
   * @param condition the condition
   * @param nextStep the step to go to
   */
  public Choice {
    Checks.present("choice condition", condition, "a condition");
    Checks.length("choice nextStep", nextStep, 1, 80);
  }

  /**
   * A choice.
   *
   * @param condition the condition
   * @param nextStep the step to go to
   * @return the choice
   */
  public static Choice of(Condition condition, String nextStep) {
    return new Choice(condition, nextStep);
  }
}
