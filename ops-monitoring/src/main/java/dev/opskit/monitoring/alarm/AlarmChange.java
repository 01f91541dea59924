package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.util.List;

/** One change of an {@link AlarmPlan}: create, update or delete one alarm. */
public sealed interface AlarmChange {

  /** The alarm's name. */
  String name();

  /**
   * Create an alarm that is not live.
   *
   * @param definition what to create
   */
  record Create(AlarmSpec definition) implements AlarmChange {
    /** Validates. */
    public Create {
      Checks.present("definition", definition, "a value (required)");
    }

    @Override
    public String name() {
      return definition.name();
    }

    @Override
    public String toString() {
      return "+ create " + name();
    }
  }

  /**
   * Update a live alarm that differs from its definition.
   *
   * @param definition what it becomes
   * @param diffs the fields that differ (at least one)
   */
  record Update(AlarmSpec definition, List<FieldDiff> diffs) implements AlarmChange {
    /** Validates and copies. */
    public Update {
      Checks.present("definition", definition, "a value (required)");
      diffs = List.copyOf(diffs);
    }

    @Override
    public String name() {
      return definition.name();
    }

    @Override
    public String toString() {
      return "~ update " + name() + " " + diffs;
    }
  }

  /**
   * Delete a managed live alarm that has no definition.
   *
   * @param name the alarm
   * @param composite whether it is a composite alarm
   */
  record Delete(String name, boolean composite) implements AlarmChange {
    /** Validates. */
    public Delete {
      Checks.present("name", name, "a value (required)");
    }

    @Override
    public String toString() {
      return "- delete " + name;
    }
  }
}
