package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the finder looks for and its thresholds. The defaults are Steampipe's thrifty checks: snapshots older
 * than 90 days, instances whose highest daily average CPU over 30 days stayed under 20 %.
 *
 * <pre>{@code
 * WasteCriteria criteria = WasteCriteria.defaults().snapshotsOlderThan(Duration.ofDays(30)).idleCpuUnder(new BigDecimal("10"));
 * }</pre>
 *
 * @param kinds the kinds to look for (at least one)
 * @param snapshotAge a snapshot older than this (and used by no AMI) is waste; 1 to 3,650 days
 * @param idleCpuPercent an instance whose highest daily average CPU stayed under this percentage is idle;
 *     more than 0, at most 100
 * @param cpuWindow how far back CPU is read, in whole days; 1 to 63 days (CloudWatch keeps 1-hour data 63 days)
 */
public record WasteCriteria(Set<WasteKind> kinds, Duration snapshotAge, BigDecimal idleCpuPercent, Duration cpuWindow) {
  /** Thrifty's snapshot age: 90 days. */
  public static final Duration DEFAULT_SNAPSHOT_AGE = Duration.ofDays(90);
  /** Thrifty's CPU threshold (its alarm level): 20 %. */
  public static final BigDecimal DEFAULT_IDLE_CPU_PERCENT = BigDecimal.valueOf(20);
  /** Thrifty's CPU window: 30 days. */
  public static final Duration DEFAULT_CPU_WINDOW = Duration.ofDays(30);

  /**
   * Validates and copies.
   *
   * @param kinds the kinds to look for (at least one)
   * @param snapshotAge a snapshot older than this (and used by no AMI) is waste; 1 to 3,650 days
   * @param idleCpuPercent an instance whose highest daily average CPU stayed under this percentage is idle;
   *     more than 0, at most 100
   * @param cpuWindow how far back CPU is read, in whole days; 1 to 63 days (CloudWatch keeps 1-hour data 63 days)
   * @throws dev.opskit.core.ValidationException when a value is missing or out of range
   */
  public WasteCriteria {
    Set<WasteKind> copy = EnumSet.noneOf(WasteKind.class);
    copy.addAll(Checks.list("kinds", kinds, "at least one WasteKind"));
    Checks.require(!copy.isEmpty(), "kinds", "[]", "at least one WasteKind");
    kinds = java.util.Collections.unmodifiableSet(copy);
    Checks.duration("snapshotAge", snapshotAge, Duration.ofDays(1), Duration.ofDays(3650), "1 to 3650 days");
    Checks.present("idleCpuPercent", idleCpuPercent, "a percentage more than 0 and at most 100");
    Checks.require(idleCpuPercent.signum() > 0 && idleCpuPercent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "idleCpuPercent", idleCpuPercent.toPlainString(), "a percentage more than 0 and at most 100");
    Checks.duration("cpuWindow", cpuWindow, Duration.ofDays(1), Duration.ofDays(63), "1 to 63 days");
    Checks.require(cpuWindow.toSeconds() % 86_400 == 0, "cpuWindow", cpuWindow, "whole days, 1 to 63");
  }

  /** {@return every kind, with thrifty's thresholds} */
  public static WasteCriteria defaults() {
    return new WasteCriteria(EnumSet.allOf(WasteKind.class), DEFAULT_SNAPSHOT_AGE, DEFAULT_IDLE_CPU_PERCENT,
        DEFAULT_CPU_WINDOW);
  }

  /**
   * The same criteria for some kinds only.
   *
   * @param value the kinds
   * @return the criteria
   */
  public WasteCriteria only(Set<WasteKind> value) {
    return new WasteCriteria(value, snapshotAge, idleCpuPercent, cpuWindow);
  }

  /**
   * The same criteria with another snapshot age.
   *
   * @param value the age
   * @return the criteria
   */
  public WasteCriteria snapshotsOlderThan(Duration value) {
    return new WasteCriteria(kinds, value, idleCpuPercent, cpuWindow);
  }

  /**
   * The same criteria with another CPU threshold.
   *
   * @param percent the percentage
   * @return the criteria
   */
  public WasteCriteria idleCpuUnder(BigDecimal percent) {
    return new WasteCriteria(kinds, snapshotAge, percent, cpuWindow);
  }

  /**
   * The same criteria with another CPU window.
   *
   * @param value the window, whole days
   * @return the criteria
   */
  public WasteCriteria cpuOver(Duration value) {
    return new WasteCriteria(kinds, snapshotAge, idleCpuPercent, value);
  }
}
