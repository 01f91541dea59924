package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A typed runbook parameter: a value given when the runbook starts, referenced by steps as
 * {@code {{ Name }}}. Without a default it is required.
 *
 * <pre>{@code
 * Parameter.string("Cluster").describedAs("The ECS cluster").withPattern("^[A-Za-z0-9_-]{1,255}$")
 * Parameter.integer("DesiredCount").withDefault(2L)
 * }</pre>
 *
 * @param name the name, letters, digits and underscores, starting with a letter (at most 64 characters)
 * @param type the type
 * @param description what it is for, or empty
 * @param defaultValue the default (canonical form of the type), or null when the parameter is required
 * @param allowedValues the only values accepted (texts), or empty for any
 * @param allowedPattern a regular expression every text value must match, or null
 * @param secret whether the value is secret: never in audit, reports or the journal (resume asks for it again);
 *     names such as {@code Password} or {@code Token} are secret anyway
 */
public record Parameter(String name, ParameterType type, String description, @Nullable Object defaultValue,
    List<String> allowedValues, @Nullable String allowedPattern, boolean secret) {

  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  /**
   * Validates: the name, the pattern, and that the default has the parameter's type and is allowed.
   *
   * @param name the name, letters, digits and underscores, starting with a letter (at most 64 characters)
   * @param type the type
   * @param description what it is for, or empty
   * @param defaultValue the default (canonical form of the type), or null when the parameter is required
   * @param allowedValues the only values accepted (texts), or empty for any
   * @param allowedPattern a regular expression every text value must match, or null
   * @param secret whether the value is secret
   * @throws ValidationException when any of them is malformed
   */
  public Parameter {
    Checks.present("parameter", name, "a name");
    Checks.matches(NAME, "parameter", Checks.length("parameter", name, 1, 64),
        "letters, digits and underscores, starting with a letter, at most 64 characters");
    Checks.present("parameter " + name + " type", type, "a parameter type");
    description = Checks.length("parameter " + name + " description", description, 0, 1000);
    allowedValues = Checks.list("parameter " + name + " allowedValues", allowedValues, "texts");
    if (allowedPattern != null) {
      Checks.length("parameter " + name + " allowedPattern", allowedPattern, 1, 1000);
      Checks.require(type.isText(), "parameter " + name + " allowedPattern", allowedPattern,
          "a pattern only for a text parameter, not " + type);
      try {
        Pattern.compile(allowedPattern);
      } catch (PatternSyntaxException e) {
        throw ValidationException.of("parameter " + name + " allowedPattern", allowedPattern,
            "a regular expression (" + e.getDescription() + ")");
      }
    }
    if (defaultValue != null) {
      defaultValue = check(name, type, allowedValues, allowedPattern, defaultValue, "default");
    }
  }

  /**
   * A text parameter.
   *
   * @param name the name
   * @return the parameter, required
   */
  public static Parameter string(String name) {
    return of(name, ParameterType.STRING);
  }

  /**
   * A whole-number parameter.
   *
   * @param name the name
   * @return the parameter, required
   */
  public static Parameter integer(String name) {
    return of(name, ParameterType.INTEGER);
  }

  /**
   * A boolean parameter.
   *
   * @param name the name
   * @return the parameter, required
   */
  public static Parameter bool(String name) {
    return of(name, ParameterType.BOOLEAN);
  }

  /**
   * A list-of-texts parameter.
   *
   * @param name the name
   * @return the parameter, required
   */
  public static Parameter stringList(String name) {
    return of(name, ParameterType.STRING_LIST);
  }

  /**
   * A duration parameter (ISO-8601 text such as {@code PT5M}).
   *
   * @param name the name
   * @return the parameter, required
   */
  public static Parameter duration(String name) {
    return of(name, ParameterType.DURATION);
  }

  /**
   * A parameter of any type, such as {@link ParameterType#DB_INSTANCE_ID}.
   *
   * @param name the name
   * @param type the type
   * @return the parameter, required
   */
  public static Parameter of(String name, ParameterType type) {
    return new Parameter(name, type, "", null, List.of(), null, false);
  }

  /**
   * This parameter with a description.
   *
   * @param text what it is for
   * @return the new parameter
   */
  public Parameter describedAs(String text) {
    return new Parameter(name, type, text, defaultValue, allowedValues, allowedPattern, secret);
  }

  /**
   * This parameter with a default, so it is optional.
   *
   * @param value the default, of the parameter's type
   * @return the new parameter
   * @throws ValidationException when the default does not have the type or is not allowed
   */
  public Parameter withDefault(Object value) {
    Checks.present("parameter " + name + " default", value, type.allowed());
    return new Parameter(name, type, description, value, allowedValues, allowedPattern, secret);
  }

  /**
   * This parameter accepting only the given values.
   *
   * @param values the values
   * @return the new parameter
   */
  public Parameter withAllowedValues(String... values) {
    return new Parameter(name, type, description, defaultValue,
        Checks.elements("parameter " + name + " allowedValues", "texts", values), allowedPattern, secret);
  }

  /**
   * This parameter accepting only texts that match a pattern.
   *
   * @param regex the regular expression
   * @return the new parameter
   */
  public Parameter withPattern(String regex) {
    return new Parameter(name, type, description, defaultValue, allowedValues, regex, secret);
  }

  /**
   * This parameter marked secret: its value never reaches audit, reports or the journal.
   *
   * @return the new parameter
   */
  public Parameter asSecret() {
    return new Parameter(name, type, description, defaultValue, allowedValues, allowedPattern, true);
  }

  /** {@return whether the value is secret: marked so, or named so (password, token, secret...)} */
  public boolean isSecret() {
    return secret || dev.opskit.core.internal.Redaction.isSecretName(name, java.util.Set.of());
  }

  /** {@return whether a value must be given (there is no default)} */
  public boolean isRequired() {
    return defaultValue == null;
  }

  /**
   * Checks a value given for this parameter.
   *
   * @param value the value
   * @return its canonical form
   * @throws ValidationException naming the parameter, the value and what is allowed
   */
  public Object accept(@Nullable Object value) {
    try {
      return check(name, type, allowedValues, allowedPattern, value, "value");
    } catch (ValidationException e) {
      if (isSecret()) {
        throw ValidationException.ofSecret(e.field(), e.allowed());
      }
      throw e;
    }
  }

  private static Object check(String name, ParameterType type, List<String> allowedValues,
      @Nullable String allowedPattern, @Nullable Object value, String what) {
    String field = "parameter " + name + (what.equals("default") ? " default" : "");
    Object canonical = type.coerce(field, value);
    List<?> texts = canonical instanceof List<?> l ? l : List.of(String.valueOf(canonical));
    for (Object text : texts) {
      if (!allowedValues.isEmpty() && !allowedValues.contains(String.valueOf(text))) {
        throw ValidationException.of(field, value, "one of " + allowedValues);
      }
      if (allowedPattern != null) {
        String s = String.valueOf(text);
        if (s.length() > 10_000 || !Pattern.compile(allowedPattern).matcher(s).find()) {
          throw ValidationException.of(field, value, "text matching " + allowedPattern);
        }
      }
    }
    return canonical;
  }
}
