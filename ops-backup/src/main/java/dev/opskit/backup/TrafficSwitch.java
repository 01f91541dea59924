package dev.opskit.backup;

/**
 * The last recovery step: point the application at the recovered instance (update configuration,
 * DNS, a secret...). Called once, after the new instance passed verification.
 */
@FunctionalInterface
public interface TrafficSwitch {

  /**
   * Switches traffic to the recovered instance.
   *
   * @param report the verified recovery, with {@link RecoveryReport#endpoint()}
   */
  void switchTo(RecoveryReport report);
}
