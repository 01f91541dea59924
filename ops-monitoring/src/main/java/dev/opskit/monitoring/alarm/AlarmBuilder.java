package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings every alarm builder has: name, description, actions and tags.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class AlarmBuilder<B extends AlarmBuilder<B>>
    permits AlarmDefinition.Builder, CompositeAlarmDefinition.Builder {
  @Nullable String name;
  @Nullable String description;
  boolean actionsEnabled = true;
  final Set<Arn> okActions = new LinkedHashSet<>();
  final Set<Arn> alarmActions = new LinkedHashSet<>();
  final Set<Arn> insufficientDataActions = new LinkedHashSet<>();
  final Map<String, String> tags = new LinkedHashMap<>();

  AlarmBuilder() {}

  abstract B self();

  /**
   * The alarm name.
   *
   * @param value 1 to 255 characters, no control characters
   * @return this builder
   */
  public B name(String value) {
    this.name = value;
    return self();
  }

  /**
   * The alarm name.
   *
   * @param value the name
   * @return this builder
   */
  public B name(AlarmName value) {
    return name(Checks.present("AlarmName", value, "an alarm name").value());
  }

  /**
   * The description.
   *
   * @param value up to 1024 characters, or null for none
   * @return this builder
   */
  public B description(@Nullable String value) {
    this.description = value;
    return self();
  }

  /**
   * Whether actions run on state changes (default true).
   *
   * @param value true to run actions
   * @return this builder
   */
  public B actionsEnabled(boolean value) {
    this.actionsEnabled = value;
    return self();
  }

  /**
   * Adds actions run on a change to ALARM (at most 5), such as an SNS topic.
   *
   * @param arns the actions
   * @return this builder
   */
  public B alarmActions(Arn... arns) {
    return add(alarmActions, "AlarmActions", arns);
  }

  /**
   * Adds an action run on a change to ALARM, given as ARN text.
   *
   * @param arn the action, such as {@code arn:aws:sns:us-east-1:123456789012:critical-alerts}
   * @return this builder
   * @throws dev.opskit.core.ValidationException when it is not an ARN
   */
  public B alarmAction(String arn) {
    return add(alarmActions, "AlarmActions", parse("AlarmActions", arn));
  }

  /**
   * Adds actions run on a change to OK (at most 5).
   *
   * @param arns the actions
   * @return this builder
   */
  public B okActions(Arn... arns) {
    return add(okActions, "OKActions", arns);
  }

  /**
   * Adds an action run on a change to OK, given as ARN text.
   *
   * @param arn the action, such as {@code arn:aws:sns:us-east-1:123456789012:all-clear}
   * @return this builder
   * @throws dev.opskit.core.ValidationException when it is not an ARN
   */
  public B okAction(String arn) {
    return add(okActions, "OKActions", parse("OKActions", arn));
  }

  /**
   * Adds actions run on a change to INSUFFICIENT_DATA (at most 5).
   *
   * @param arns the actions
   * @return this builder
   */
  public B insufficientDataActions(Arn... arns) {
    return add(insufficientDataActions, "InsufficientDataActions", arns);
  }

  /**
   * Adds an action run on a change to INSUFFICIENT_DATA, given as ARN text.
   *
   * @param arn the action, such as {@code arn:aws:sns:us-east-1:123456789012:monitoring-gaps}
   * @return this builder
   * @throws dev.opskit.core.ValidationException when it is not an ARN
   */
  public B insufficientDataAction(String arn) {
    return add(insufficientDataActions, "InsufficientDataActions", parse("InsufficientDataActions", arn));
  }

  /**
   * Removes every action (ALARM, OK and INSUFFICIENT_DATA).
   *
   * @return this builder
   */
  public B clearActions() {
    alarmActions.clear();
    okActions.clear();
    insufficientDataActions.clear();
    return self();
  }

  /**
   * Adds a tag, put on the alarm when it is created. AWS's tag rule ({@link Tags}): keys of 1 to 128 and
   * values of up to 256 letters, digits, spaces and {@code _ . : / = + - @}; keys starting with {@code aws:}
   * (in any case) are AWS's own; at most 50 tags.
   *
   * @param key the key, such as {@code team}
   * @param value the value
   * @return this builder
   * @throws dev.opskit.core.ValidationException when AWS would refuse the tag
   */
  public B tag(String key, String value) {
    tags.put(Tags.checkKey("Tags", key), Tags.checkValue("Tags", key, value));
    return self();
  }

  /**
   * Adds tags.
   *
   * @param values the tags
   * @return this builder
   */
  public B tags(Map<String, String> values) {
    Checks.present("Tags", values, "a map of tag keys to values (may be empty)").forEach(this::tag);
    return self();
  }

  private static Arn parse(String field, String arn) {
    return dev.opskit.monitoring.internal.Inputs.named(field, arn, Arn::parse);
  }

  private B add(Set<Arn> target, String field, Arn... arns) {
    target.addAll(Checks.elements(field, "action ARNs", arns));
    return self();
  }
}
