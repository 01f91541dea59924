package dev.opskit.security.iam;

/**
 * The caller's say in step 5 of a rotation: asked at every poll whether the old key may be treated as
 * unused now (every application moved to the new key), before the quiet period has passed.
 */
@FunctionalInterface
public interface UsageConfirmation {

  /**
   * Whether the old key is no longer used.
   *
   * @param usage what IAM reports of the old key's use
   * @return true to go on to deactivation now
   */
  boolean oldKeyUnused(KeyUsage usage);

  /** {@return no confirmation: only the quiet period ends step 5} */
  static UsageConfirmation none() {
    return usage -> false;
  }
}
