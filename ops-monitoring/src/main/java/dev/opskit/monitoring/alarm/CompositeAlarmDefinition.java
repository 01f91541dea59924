package dev.opskit.monitoring.alarm;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.AlarmJson;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A CloudWatch composite alarm as a value: what {@code PutCompositeAlarm} would be sent. Its state follows
 * an {@link AlarmRule} over other alarms.
 *
 * <pre>{@code
 * CompositeAlarmDefinition hostUnderPressure = Alarms.defineComposite("HostUnderPressure")
 *     .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage")))
 *     .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
 *     .build();
 * }</pre>
 */
public final class CompositeAlarmDefinition extends AlarmBase implements AlarmSpec {
  private final AlarmRule alarmRule;

  private CompositeAlarmDefinition(Builder b) {
    super(b);
    Checks.require(b.rule != null, "AlarmRule", null, "a rule over other alarms, such as ALARM(\"HighCPUUtilization\")");
    this.alarmRule = b.rule;
  }

  /**
   * Starts a definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /**
   * Starts a definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  public static Builder builder(AlarmName name) {
    return new Builder().name(name);
  }

  /**
   * Reads a composite alarm from its PutCompositeAlarm JSON.
   *
   * @param json a JSON object with PutCompositeAlarm's field names
   * @return the definition
   * @throws ValidationException when the JSON is malformed, has an unknown field, or is a metric alarm
   */
  public static CompositeAlarmDefinition fromJson(String json) {
    AlarmSpec spec = AlarmJson.read(json);
    if (spec instanceof CompositeAlarmDefinition c) {
      return c;
    }
    throw ValidationException.of("AlarmRule", null, "an AlarmRule in a composite alarm");
  }

  /** {@return the rule} */
  public AlarmRule alarmRule() {
    return alarmRule;
  }

  @Override
  public String toJson() {
    return AlarmJson.write(this);
  }

  /** {@return a builder holding this definition's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    copyCommon(b);
    b.rule = alarmRule;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompositeAlarmDefinition c && sameCommon(c) && alarmRule.equals(c.alarmRule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commonHash(), alarmRule);
  }

  /** The JSON form on one line. */
  @Override
  public String toString() {
    return "CompositeAlarmDefinition" + AlarmJson.writeCompact(this);
  }

  /** Builds a {@link CompositeAlarmDefinition}. */
  public static final class Builder extends AlarmBuilder<Builder> {
    private @Nullable AlarmRule rule;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * The rule (required).
     *
     * @param value the rule
     * @return this builder
     */
    public Builder rule(AlarmRule value) {
      this.rule = Checks.present("AlarmRule", value, "a rule over other alarms, such as ALARM(\"HighCPUUtilization\")");
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the definition
     * @throws ValidationException naming the first rule broken
     */
    public CompositeAlarmDefinition build() {
      return new CompositeAlarmDefinition(this);
    }
  }
}
