package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule of a composite alarm, such as {@code ALARM("HighCPUUtilization") AND ALARM("HighMemoryUsage")},
 * built from other alarms' states with {@link #alarm}, {@link #ok}, {@link #insufficientData},
 * {@link #allOf}, {@link #anyOf} and {@link #not}, or given as text with {@link #of}.
 *
 * @param expression the rule text, 1 to 10240 characters
 */
public record AlarmRule(String expression) {
  /** Longest rule AWS accepts. */
  public static final int MAX_LENGTH = 10_240;
  private static final Pattern STATE_FUNCTION =
      Pattern.compile("\\b(?:ALARM|OK|INSUFFICIENT_DATA)\\s*\\(\\s*(?:\"([^\"]+)\"|([^()\\s\"]+))\\s*\\)");

  /**
   * Validates.
   *
   * @param expression the rule text, 1 to 10240 characters
   */
  public AlarmRule {
    Checks.length("AlarmRule", expression, 1, MAX_LENGTH);
    Checks.require(!expression.isBlank(), "AlarmRule", expression, "a non-blank rule");
  }

  /**
   * A rule given as text, in CloudWatch's rule syntax.
   *
   * @param expression the rule
   * @return the rule
   */
  public static AlarmRule of(String expression) {
    return new AlarmRule(expression);
  }

  /**
   * True while the named alarm is in ALARM.
   *
   * @param alarmName the alarm
   * @return {@code ALARM("name")}
   */
  public static AlarmRule alarm(String alarmName) {
    return state("ALARM", alarmName);
  }

  /**
   * True while the alarm is in ALARM.
   *
   * @param alarmName the alarm
   * @return {@code ALARM("name")}
   */
  public static AlarmRule alarm(AlarmName alarmName) {
    return alarm(Checks.present("AlarmRule.alarmName", alarmName, "an alarm name").value());
  }

  /**
   * True while the named alarm is OK.
   *
   * @param alarmName the alarm
   * @return {@code OK("name")}
   */
  public static AlarmRule ok(String alarmName) {
    return state("OK", alarmName);
  }

  /**
   * True while the named alarm has insufficient data.
   *
   * @param alarmName the alarm
   * @return {@code INSUFFICIENT_DATA("name")}
   */
  public static AlarmRule insufficientData(String alarmName) {
    return state("INSUFFICIENT_DATA", alarmName);
  }

  /**
   * True when all rules are true.
   *
   * @param rules the rules
   * @return {@code (a AND b ...)}
   */
  public static AlarmRule allOf(AlarmRule... rules) {
    return join(" AND ", rules);
  }

  /**
   * True when any rule is true.
   *
   * @param rules the rules
   * @return {@code (a OR b ...)}
   */
  public static AlarmRule anyOf(AlarmRule... rules) {
    return join(" OR ", rules);
  }

  /**
   * True when the rule is false.
   *
   * @param rule the rule
   * @return {@code NOT (rule)}
   */
  public static AlarmRule not(AlarmRule rule) {
    return new AlarmRule("NOT (" + Checks.present("AlarmRule", rule, "a rule to negate").expression + ")");
  }

  private static AlarmRule state(String state, String alarmName) {
    AlarmBase.alarmName("AlarmRule.alarmName", alarmName);
    Checks.require(alarmName.indexOf('"') < 0, "AlarmRule.alarmName", alarmName, "a name without double quotes");
    return new AlarmRule(state + "(\"" + alarmName + "\")");
  }

  /**
   * The alarms this rule refers to, by name (an alarm given by ARN is named by the part after
   * {@code :alarm:}), in the order they first appear. CloudWatch requires them to exist when the
   * composite alarm is put.
   *
   * @return the names
   */
  public Set<String> alarmNames() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = STATE_FUNCTION.matcher(expression);
    while (m.find()) {
      String ref = m.group(1) != null ? m.group(1) : m.group(2);
      int alarm = ref.startsWith("arn:") ? ref.indexOf(":alarm:") : -1;
      names.add(alarm < 0 ? ref : ref.substring(alarm + ":alarm:".length()));
    }
    return Collections.unmodifiableSet(names);
  }

  private static AlarmRule join(String operator, AlarmRule... rules) {
    List<AlarmRule> all = Checks.elements("AlarmRule", "at least one rule", rules);
    Checks.require(!all.isEmpty(), "AlarmRule", all, "at least one rule");
    if (all.size() == 1) {
      return all.get(0);
    }
    return new AlarmRule(all.stream().map(AlarmRule::expression).collect(Collectors.joining(operator, "(", ")")));
  }

  @Override
  public String toString() {
    return expression;
  }
}
