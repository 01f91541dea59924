package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The desired automated-backup settings of an RDS instance. Only the settings given are managed; the
 * others are left as they are. The guide's settings:
 *
 * <pre>{@code
 * AutomatedBackupSettings.builder()
 *     .retention(Duration.ofDays(7))
 *     .backupWindow("03:00-04:00")
 *     .maintenanceWindow("Sun:04:00-Sun:05:00")
 *     .copyTagsToSnapshot(true)
 *     .build();
 * }</pre>
 */
public final class AutomatedBackupSettings {
  /** The longest retention RDS allows. */
  public static final Duration MAX_RETENTION = Duration.ofDays(35);
  private static final String RETENTION = "a whole number of days from 0 to 35 (0 turns automated backups off)";

  private final @Nullable Duration retention;
  private final @Nullable BackupWindow backupWindow;
  private final @Nullable RdsMaintenanceWindow maintenanceWindow;
  private final @Nullable Boolean copyTagsToSnapshot;

  private AutomatedBackupSettings(Builder b) {
    this.retention = b.retention;
    this.backupWindow = b.backupWindow;
    this.maintenanceWindow = b.maintenanceWindow;
    this.copyTagsToSnapshot = b.copyTagsToSnapshot;
    if (backupWindow != null && maintenanceWindow != null && maintenanceWindow.overlaps(backupWindow)) {
      throw overlap(backupWindow, maintenanceWindow);
    }
  }

  static ValidationException overlap(BackupWindow backup, RdsMaintenanceWindow maintenance) {
    return ValidationException.of("backupWindow", backup,
        "a window that does not overlap the maintenance window " + maintenance);
  }

  /** {@return a builder that manages nothing yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.retention = retention;
    b.backupWindow = backupWindow;
    b.maintenanceWindow = maintenanceWindow;
    b.copyTagsToSnapshot = copyTagsToSnapshot;
    return b;
  }

  /** {@return the backup retention period (zero turns automated backups off); empty when not managed} */
  public Optional<Duration> retention() {
    return Optional.ofNullable(retention);
  }

  /** {@return the daily backup window; empty when not managed} */
  public Optional<BackupWindow> backupWindow() {
    return Optional.ofNullable(backupWindow);
  }

  /** {@return the weekly maintenance window; empty when not managed} */
  public Optional<RdsMaintenanceWindow> maintenanceWindow() {
    return Optional.ofNullable(maintenanceWindow);
  }

  /** {@return whether snapshots get the instance's tags; empty when not managed} */
  public Optional<Boolean> copyTagsToSnapshot() {
    return Optional.ofNullable(copyTagsToSnapshot);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutomatedBackupSettings other
        && Objects.equals(retention, other.retention) && Objects.equals(backupWindow, other.backupWindow)
        && Objects.equals(maintenanceWindow, other.maintenanceWindow)
        && Objects.equals(copyTagsToSnapshot, other.copyTagsToSnapshot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(retention, backupWindow, maintenanceWindow, copyTagsToSnapshot);
  }

  @Override
  public String toString() {
    return "AutomatedBackupSettings[retention=" + retention + ", backupWindow=" + backupWindow
        + ", maintenanceWindow=" + maintenanceWindow + ", copyTagsToSnapshot=" + copyTagsToSnapshot + "]";
  }

  /** Builds {@link AutomatedBackupSettings}. */
  public static final class Builder {
    private @Nullable Duration retention;
    private @Nullable BackupWindow backupWindow;
    private @Nullable RdsMaintenanceWindow maintenanceWindow;
    private @Nullable Boolean copyTagsToSnapshot;

    private Builder() {}

    /**
     * The backup retention period: whole days, 0 to 35 (0 turns automated backups off).
     *
     * @param value such as {@code Duration.ofDays(7)}
     * @return this builder
     * @throws ValidationException when not a whole number of days from 0 to 35
     */
    public Builder retention(Duration value) {
      dev.opskit.core.value.Checks.require(value != null && !value.isNegative() && value.compareTo(MAX_RETENTION) <= 0
          && value.equals(Duration.ofDays(value.toDays())), "retention", value == null ? null : describe(value), RETENTION);
      this.retention = value;
      return this;
    }

    private static String describe(Duration value) {
      return value.equals(Duration.ofDays(value.toDays())) ? value.toDays() + " days" : value.toString();
    }

    /**
     * The daily backup window.
     *
     * @param value such as {@code 03:00-04:00}
     * @return this builder
     * @throws ValidationException when the format or length is wrong
     */
    public Builder backupWindow(String value) {
      return backupWindow(BackupWindow.parse(value));
    }

    /**
     * The daily backup window.
     *
     * @param value the window
     * @return this builder
     */
    public Builder backupWindow(BackupWindow value) {
      this.backupWindow = Checks.present("backupWindow", value, BackupWindow.ALLOWED);
      return this;
    }

    /**
     * The weekly maintenance window.
     *
     * @param value such as {@code Sun:04:00-Sun:05:00}
     * @return this builder
     * @throws ValidationException when the format or length is wrong
     */
    public Builder maintenanceWindow(String value) {
      return maintenanceWindow(RdsMaintenanceWindow.parse(value));
    }

    /**
     * The weekly maintenance window.
     *
     * @param value the window
     * @return this builder
     */
    public Builder maintenanceWindow(RdsMaintenanceWindow value) {
      this.maintenanceWindow = Checks.present("maintenanceWindow", value, RdsMaintenanceWindow.ALLOWED);
      return this;
    }

    /**
     * Whether snapshots get the instance's tags.
     *
     * @param value true to copy tags
     * @return this builder
     */
    public Builder copyTagsToSnapshot(boolean value) {
      this.copyTagsToSnapshot = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws ValidationException when both windows are given and overlap
     */
    public AutomatedBackupSettings build() {
      return new AutomatedBackupSettings(this);
    }
  }
}
