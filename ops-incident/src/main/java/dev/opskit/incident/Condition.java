package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * A condition of a {@link StepAction.Branch} choice: a comparison of a variable (a reference such as
 * {@code {{ Mode }}} or {@code {{ describe.Status }}}) with a value, or And / Or / Not of conditions. The
 * operators are those of SSM's {@code aws:branch}.
 */
public sealed interface Condition {

  /** The comparison operators of SSM's {@code aws:branch}. */
  enum Operator {
    /** Texts are equal. */
    STRING_EQUALS("StringEquals"),
    /** Texts are equal ignoring case. */
    EQUALS_IGNORE_CASE("EqualsIgnoreCase"),
    /** The text starts with the value. */
    STARTS_WITH("StartsWith"),
    /** The text ends with the value. */
    ENDS_WITH("EndsWith"),
    /** The text contains the value. */
    CONTAINS("Contains"),
    /** Numbers are equal. */
    NUMERIC_EQUALS("NumericEquals"),
    /** The number is greater. */
    NUMERIC_GREATER("NumericGreater"),
    /** The number is lesser. */
    NUMERIC_LESSER("NumericLesser"),
    /** The number is greater or equal. */
    NUMERIC_GREATER_OR_EQUALS("NumericGreaterOrEquals"),
    /** The number is lesser or equal. */
    NUMERIC_LESSER_OR_EQUALS("NumericLesserOrEquals"),
    /** Booleans are equal. */
    BOOLEAN_EQUALS("BooleanEquals");

    private final String ssmName;

    Operator(String ssmName) {
      this.ssmName = ssmName;
    }

    /** {@return SSM's (and Step Functions' stem of the) operator name, such as {@code StringEquals}} */
    public String ssmName() {
      return ssmName;
    }

    /** {@return whether it compares numbers} */
    public boolean isNumeric() {
      return ssmName.startsWith("Numeric");
    }

    /**
     * The operator of an SSM name.
     *
     * @param name such as {@code NumericGreater}
     * @return the operator
     * @throws ValidationException for any other name
     */
    public static Operator ofSsmName(String name) {
      for (Operator o : values()) {
        if (o.ssmName.equals(name)) {
          return o;
        }
      }
      throw ValidationException.of("branch operator", name, "one of StringEquals, EqualsIgnoreCase, StartsWith,"
          + " EndsWith, Contains, NumericEquals, NumericGreater, NumericLesser, NumericGreaterOrEquals,"
          + " NumericLesserOrEquals, BooleanEquals");
    }
  }

  /**
   * A comparison.
   *
   * @param variable a reference, such as {@code {{ describe.Status }}}
   * @param operator the operator
   * @param value a text for text operators, a number for numeric ones, a boolean for BooleanEquals
   */
  record Compare(String variable, Operator operator, Object value) implements Condition {
    /**
     * Validates that the value fits the operator.
     *
     * @param variable a reference, such as {@code {{ describe.Status }}}
     * @param operator the operator
     * @param value a text for text operators, a number for numeric ones, a boolean for BooleanEquals
     * @throws ValidationException when it does not
     */
    public Compare {
      Checks.length("branch variable", variable, 1, 200);
      Checks.present("branch operator", operator, "an operator");
      Checks.present("branch value", value, "a value");
      if (operator.isNumeric()) {
        if (value instanceof Integer || value instanceof Long) {
          value = ((Number) value).longValue();
        } else if (!(value instanceof Double)) {
          throw ValidationException.of("branch value", value, "a number for " + operator.ssmName());
        }
      } else if (operator == Operator.BOOLEAN_EQUALS) {
        Checks.require(value instanceof Boolean, "branch value", value, "true or false for BooleanEquals");
      } else {
        Checks.require(value instanceof String, "branch value", value, "a text for " + operator.ssmName());
      }
    }
  }

  /**
   * All conditions hold.
   *
   * @param conditions at least one
   */
  record And(List<Condition> conditions) implements Condition {
    /**
     * Validates.
     *
     * @param conditions at least one
     */
    public And {
      conditions = Checks.list("And", conditions, "conditions");
      Checks.require(!conditions.isEmpty(), "And", conditions, "at least one condition");
    }
  }

  /**
   * At least one condition holds.
   *
   * @param conditions at least one
   */
  record Or(List<Condition> conditions) implements Condition {
    /**
     * Validates.
     *
     * @param conditions at least one
     */
    public Or {
      conditions = Checks.list("Or", conditions, "conditions");
      Checks.require(!conditions.isEmpty(), "Or", conditions, "at least one condition");
    }
  }

  /**
   * The condition does not hold.
   *
   * @param condition the condition
   */
  record Not(Condition condition) implements Condition {
    /**
     * Validates.
     *
     * @param condition the condition
     */
    public Not {
      Checks.present("Not", condition, "a condition");
    }
  }

  /**
   * A comparison.
   *
   * @param variable a reference such as {@code {{ Mode }}}
   * @param operator the operator
   * @param value the value to compare with
   * @return the condition
   */
  static Condition compare(String variable, Operator operator, Object value) {
    return new Compare(variable, operator, value);
  }

  /**
   * {@code variable} equals a text.
   *
   * @param variable a reference such as {@code {{ Mode }}}
   * @param value the text
   * @return the condition
   */
  static Condition stringEquals(String variable, String value) {
    return new Compare(variable, Operator.STRING_EQUALS, value);
  }

  /**
   * All conditions hold.
   *
   * @param conditions the conditions
   * @return the condition
   */
  static Condition and(Condition... conditions) {
    return new And(Checks.elements("And", "conditions", conditions));
  }

  /**
   * At least one condition holds.
   *
   * @param conditions the conditions
   * @return the condition
   */
  static Condition or(Condition... conditions) {
    return new Or(Checks.elements("Or", "conditions", conditions));
  }

  /**
   * The condition does not hold.
   *
   * @param condition the condition
   * @return the condition
   */
  static Condition not(Condition condition) {
    return new Not(condition);
  }
}
