package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What happens when a step fails after its attempts: stop the runbook, go on with the next step, or go to a
 * named step (typically a compensation).
 *
 * @param kind what to do
 * @param step the step to go to, only for {@link Kind#GO_TO}
 */
public record OnFailure(Kind kind, @Nullable String step) {

  /** The kinds of failure handling. */
  public enum Kind {
    /** Stop the runbook (SSM {@code Abort}). */
    ABORT,
    /** Go on with the next step (SSM {@code Continue}). */
    CONTINUE,
    /** Go to a named step (SSM {@code step:Name}). */
    GO_TO
  }

  /**
   * Validates.
   *
   * @param kind what to do
   * @param step the step to go to, only for {@link Kind#GO_TO}
   * @throws ValidationException when a step is missing for GO_TO or given for another kind
   */
  public OnFailure {
    if (kind == null) {
      throw ValidationException.of("onFailure", null, "Abort, Continue or step:Name");
    }
    if ((kind == Kind.GO_TO) != (step != null)) {
      throw ValidationException.of("onFailure", kind + (step == null ? "" : " " + step),
          "a step name exactly when going to a step");
    }
  }

  /** {@return stop the runbook} */
  public static OnFailure abort() {
    return new OnFailure(Kind.ABORT, null);
  }

  /** {@return go on with the next step} */
  public static OnFailure proceed() {
    return new OnFailure(Kind.CONTINUE, null);
  }

  /**
   * Go to a step.
   *
   * @param step its name
   * @return the rule
   */
  public static OnFailure goTo(String step) {
    return new OnFailure(Kind.GO_TO, step);
  }

  /**
   * Reads SSM's form.
   *
   * @param text {@code Abort}, {@code Continue} or {@code step:Name}
   * @return the rule
   * @throws ValidationException for any other text
   */
  public static OnFailure ofSsm(@Nullable String text) {
    if (text == null || text.equals("Abort")) {
      return abort();
    }
    if (text.equals("Continue")) {
      return proceed();
    }
    if (text.startsWith("step:") && text.length() > 5) {
      return goTo(text.substring(5));
    }
    throw ValidationException.of("onFailure", text, "Abort, Continue or step:Name");
  }

  /** {@return SSM's form: {@code Abort}, {@code Continue} or {@code step:Name}} */
  public String toSsm() {
    return switch (kind) {
      case ABORT -> "Abort";
      case CONTINUE -> "Continue";
      case GO_TO -> "step:" + step;
    };
  }
}
