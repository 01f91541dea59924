package dev.opskit.security.iam;

import java.util.Locale;

/** The seven steps of an access key rotation, in order. */
public enum RotationStep {
  /** 1. List the user's keys; with two, refuse unless told which inactive key may go, then delete it. */
  PREFLIGHT(1, "list the user's keys and make room for a new one"),
  /** 2. Create the new key. */
  CREATE(2, "create the new key"),
  /** 3. Publish it through the secret sink (staged where the sink can stage). */
  PUBLISH(3, "publish the new key through the secret sink"),
  /** 4. Verify it works (STS GetCallerIdentity signed with it, with backoff), then promote it in the sink. */
  VERIFY(4, "verify the new key with STS, then make it current in the sink"),
  /** 5. Wait until the old key is no longer used (its last use stops advancing, or the caller confirms). */
  WAIT_UNUSED(5, "wait until the old key is no longer used"),
  /** 6. Deactivate the old key, and verify the new one again. */
  DEACTIVATE(6, "deactivate the old key"),
  /** 7. Delete the old key after a grace period, or leave it inactive. */
  DELETE(7, "delete the old key after the grace period");

  private final int number;
  private final String title;

  RotationStep(int number, String title) {
    this.number = number;
    this.title = title;
  }

  /** {@return the step's number, 1 to 7} */
  public int number() {
    return number;
  }

  /** {@return what the step does, in words} */
  public String title() {
    return title;
  }

  /** {@return {@code step 3 (publish)}} */
  public String label() {
    return "step " + number() + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
  }
}
