package dev.opskit.monitoring.performance;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Performance Insights dimension group, such as {@code db.wait_event} or {@code db.sql_tokenized}: what DB load
 * is grouped by. A group has one dot ({@code db.sql_tokenized}); its dimensions have two
 * ({@code db.sql_tokenized.statement}). Naming a dimension where a group belongs, as the guide's
 * {@code "GroupBy": {"Group": "db.sql_tokenized.statement"}} does, is refused with the group to write instead.
 *
 * @param name the group name
 */
public record DimensionGroup(String name) {
  // Before the constants: they are validated when the class initialises.
  private static final Pattern GROUP = Pattern.compile("db\\.[a-z][a-z_]*");
  private static final Pattern DIMENSION = Pattern.compile("(db\\.[a-z][a-z_]*)\\.[a-z][a-z_]*");
  /** Wait events: {@code db.wait_event}. */
  public static final DimensionGroup WAITS = new DimensionGroup("db.wait_event");
  /** Wait event types: {@code db.wait_event_type}. */
  public static final DimensionGroup WAIT_TYPES = new DimensionGroup("db.wait_event_type");
  /** Tokenized SQL (digests): {@code db.sql_tokenized}. */
  public static final DimensionGroup SQL = new DimensionGroup("db.sql_tokenized");
  /** SQL statements with their literals: {@code db.sql}. */
  public static final DimensionGroup SQL_STATEMENTS = new DimensionGroup("db.sql");
  /** Database users: {@code db.user}. */
  public static final DimensionGroup USERS = new DimensionGroup("db.user");
  /** Client hosts: {@code db.host}. */
  public static final DimensionGroup HOSTS = new DimensionGroup("db.host");
  /** Databases: {@code db.name}. */
  public static final DimensionGroup DATABASES = new DimensionGroup("db.name");
  /** Applications: {@code db.application}. */
  public static final DimensionGroup APPLICATIONS = new DimensionGroup("db.application");


  /**
   * Validates.
   *
   * @param name the group name
   */
  public DimensionGroup {
    Checks.length("Group", name, 4, 256);
    var dimension = DIMENSION.matcher(name);
    if (dimension.matches()) {
      String group = dimension.group(1);
      throw ValidationException.of("Group", name, "a dimension group, not a dimension: " + name + " is a dimension of"
          + " the group " + group + "; write \"GroupBy\": {\"Group\": \"" + group + "\", \"Dimensions\": [\"" + name
          + "\"]} (in Java: DimensionGroup.of(\"" + group + "\").dimensions(\"" + name + "\"))");
    }
    Checks.matches(GROUP, "Group", name, "a dimension group such as db.wait_event, db.sql_tokenized, db.user or db.host");
  }

  /**
   * A group by name.
   *
   * @param name such as {@code db.wait_event}
   * @return the group
   * @throws ValidationException when it is not a group name, saying what to write for a dimension
   */
  public static DimensionGroup of(@Nullable String name) {
    return new DimensionGroup(Checks.present("Group", name, "a dimension group such as db.wait_event"));
  }

  /**
   * Grouped by this group, all of its dimensions, AWS's default number of items.
   *
   * @return the grouping
   */
  public GroupBy all() {
    return new GroupBy(this, List.of(), null);
  }

  /**
   * Grouped by this group, returning only some of its dimensions.
   *
   * @param dimensions such as {@code db.sql_tokenized.statement}, each of this group, at most 10
   * @return the grouping
   */
  public GroupBy dimensions(String... dimensions) {
    return new GroupBy(this, Checks.elements("Dimensions", "dimension names of " + name, dimensions), null);
  }

  @Override
  public String toString() {
    return name;
  }
}
