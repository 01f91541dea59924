package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import dev.opskit.monitoring.internal.Inputs;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What metric and composite alarms share: name, description, actions and tags. */
abstract class AlarmBase {
  static final int MAX_ACTIONS = 5;

  private final String name;
  private final @Nullable String description;
  private final boolean actionsEnabled;
  private final Set<Arn> okActions;
  private final Set<Arn> alarmActions;
  private final Set<Arn> insufficientDataActions;
  private final Map<String, String> tags;

  AlarmBase(AlarmBuilder<?> b) {
    this.name = alarmName("AlarmName", b.name).value();
    if (b.description != null) {
      Checks.length("AlarmDescription", b.description, 0, 1024);
    }
    this.description = b.description;
    this.actionsEnabled = b.actionsEnabled;
    this.okActions = actions("OKActions", b.okActions);
    this.alarmActions = actions("AlarmActions", b.alarmActions);
    this.insufficientDataActions = actions("InsufficientDataActions", b.insufficientDataActions);
    this.tags = Tags.of("Tags", b.tags).asMap();
  }

  /** An alarm name by AWS's rule, the message naming {@code field}. */
  static AlarmName alarmName(String field, @Nullable String value) {
    return Inputs.named(field, value, AlarmName::of);
  }

  private static Set<Arn> actions(String field, Set<Arn> actions) {
    Checks.require(actions.size() <= MAX_ACTIONS, field, actions, "at most " + MAX_ACTIONS + " actions");
    return actions.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(new LinkedHashSet<>(actions));
  }

  /** {@return the alarm name} */
  public String name() {
    return name;
  }

  /** {@return the alarm name, typed} */
  public AlarmName alarmName() {
    return AlarmName.of(name);
  }

  /** {@return the description, or null} */
  public @Nullable String description() {
    return description;
  }

  /** {@return whether actions run on state changes} */
  public boolean actionsEnabled() {
    return actionsEnabled;
  }

  /** {@return actions on a change to OK} */
  public Set<Arn> okActions() {
    return okActions;
  }

  /** {@return actions on a change to ALARM} */
  public Set<Arn> alarmActions() {
    return alarmActions;
  }

  /** {@return actions on a change to INSUFFICIENT_DATA} */
  public Set<Arn> insufficientDataActions() {
    return insufficientDataActions;
  }

  /** {@return tags put on the alarm when it is created} */
  public Map<String, String> tags() {
    return tags;
  }

  boolean sameCommon(AlarmBase o) {
    return name.equals(o.name) && Objects.equals(description, o.description) && actionsEnabled == o.actionsEnabled
        && okActions.equals(o.okActions) && alarmActions.equals(o.alarmActions)
        && insufficientDataActions.equals(o.insufficientDataActions) && tags.equals(o.tags);
  }

  int commonHash() {
    return Objects.hash(name, description, actionsEnabled, okActions, alarmActions, insufficientDataActions, tags);
  }

  void copyCommon(AlarmBuilder<?> b) {
    b.name = name;
    b.description = description;
    b.actionsEnabled = actionsEnabled;
    b.okActions.addAll(okActions);
    b.alarmActions.addAll(alarmActions);
    b.insufficientDataActions.addAll(insufficientDataActions);
    b.tags.putAll(tags);
  }
}
