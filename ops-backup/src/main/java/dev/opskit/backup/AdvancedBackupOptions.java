package dev.opskit.backup;

import dev.opskit.core.value.Checks;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backup options of one resource type in a backup plan (AWS's {@code AdvancedBackupSetting}), such as
 * Windows VSS for EC2: {@code new AdvancedBackupOptions("EC2", Map.of("WindowsVSS", "enabled"))}.
 *
 * @param resourceType the resource type ({@code ResourceType}), 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}
 * @param backupOptions the options ({@code BackupOptions}), such as {@code WindowsVSS=enabled}
 */
public record AdvancedBackupOptions(String resourceType, Map<String, String> backupOptions) {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /**
   * Validates and copies.
   *
   * @param resourceType the resource type ({@code ResourceType}), 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}
   * @param backupOptions the options ({@code BackupOptions}), such as {@code WindowsVSS=enabled}
   */
  public AdvancedBackupOptions {
    Checks.matches(TYPE, "AdvancedBackupSettings.ResourceType", Checks.length("AdvancedBackupSettings.ResourceType",
        resourceType, 1, 50), "1 to 50 ASCII letters, digits, '-', '_' and '.', such as EC2");
    backupOptions = Checks.map("AdvancedBackupSettings.BackupOptions", backupOptions,
        "option names and values, such as WindowsVSS=enabled");
  }
}
