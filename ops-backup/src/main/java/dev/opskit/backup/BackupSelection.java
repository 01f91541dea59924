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
 * Which resources a backup plan protects: by ARN, by tag ({@code STRINGEQUALS} conditions), or both.
 *
 * <pre>{@code
 * BackupSelection.byTag("efs-file-systems", role, "Backup", "daily");
 * }</pre>
 *
 * @param name the selection name, 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}
 * @param role the IAM role AWS Backup acts as
 * @param resources resource ARNs
 * @param tags tag conditions: a resource with any of these key/value pairs is selected
 */
public record BackupSelection(String name, Arn role, List<Arn> resources, Map<String, String> tags) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /** Validates and copies. */
  public BackupSelection {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ValidationException.of("selectionName", name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    Checks.iamRole("iamRole", role);
    resources = Checks.list("resources", resources, "resource ARNs (may be empty when tags select)");
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(
        Checks.map("tags", tags, "tag conditions as key/value pairs (may be empty when resources are given)")));
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
  public static BackupSelection byResources(String name, Arn role, Arn... resources) {
    return new BackupSelection(name, role, resources == null ? null : Arrays.asList(resources), Map.of());
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
  public static BackupSelection byTag(String name, Arn role, String key, String value) {
    return new BackupSelection(name, role, List.of(), Collections.singletonMap(key, value));
  }
}
