package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which resources a backup plan protects, as desired state (AWS's {@code BackupSelection}): by ARN
 * ({@code Resources}), by tag ({@code ListOfTags}, {@code STRINGEQUALS} conditions: a resource with any of these
 * key/value pairs is selected), or both, as an IAM role ({@code IamRoleArn}).
 *
 * <pre>{@code
 * BackupSelectionDefinition.byTag("efs-file-systems", role, "Backup", "daily");
 * }</pre>
 *
 * <p>AWS cannot change a selection: applying a changed one deletes it and creates it again (a plan says so).
 *
 * @param name the selection name ({@code SelectionName}), 1 to 50 letters, digits, {@code -}, {@code _} and {@code .};
 *     the selection's identity within its plan
 * @param role the IAM role AWS Backup acts as
 * @param resources resource ARNs, compared as a set
 * @param tags tag conditions, compared as a set
 */
public record BackupSelectionDefinition(String name, Arn role, List<Arn> resources, Map<String, String> tags) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /**
   * Validates and copies.
   *
   * @param name the selection name ({@code SelectionName}), 1 to 50 letters, digits, {@code -}, {@code _} and {@code .};     the selection's identity within its plan
   * @param role the IAM role AWS Backup acts as
   * @param resources resource ARNs, compared as a set
   * @param tags tag conditions, compared as a set
   */
  public BackupSelectionDefinition {
    if (name == null || name.length() > 50 || !NAME.matcher(name).matches()) {
      throw ValidationException.of("selectionName", name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    Checks.iamRole("iamRole", role);
    resources = dev.opskit.core.value.Checks.list("resources", resources, "resource ARNs (may be empty when tags select)");
    tags = Collections.unmodifiableMap(new TreeMap<>(dev.opskit.core.value.Checks.map("tags", tags,
        "tag conditions as key/value pairs (may be empty when resources are given)")));
    if (resources.isEmpty() && tags.isEmpty()) {
      throw ValidationException.of("selection", name, "at least one resource ARN or tag condition");
    }
  }

  /**
   * Selects resources by ARN.
   *
   * @param name the selection name
   * @param role the IAM role
   * @param resources the resources
   * @return the selection
   */
  public static BackupSelectionDefinition byResources(String name, Arn role, Arn... resources) {
    return new BackupSelectionDefinition(name, role, dev.opskit.core.value.Checks.list("resources",
        resources == null ? null : Arrays.asList(resources), "resource ARNs (may be empty when tags select)"), Map.of());
  }

  /**
   * Selects resources carrying a tag.
   *
   * @param name the selection name
   * @param role the IAM role
   * @param key the tag key
   * @param value the tag value
   * @return the selection
   */
  public static BackupSelectionDefinition byTag(String name, Arn role, String key, String value) {
    return new BackupSelectionDefinition(name, role, List.of(), Collections.singletonMap(key, value));
  }

  /**
   * This selection with the role changed.
   *
   * @param value the IAM role
   * @return the new selection
   */
  public BackupSelectionDefinition withRole(Arn value) {
    return new BackupSelectionDefinition(name, value, resources, tags);
  }
}
