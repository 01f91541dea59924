package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.KeyIds;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a key rotation runs: which inactive key may make room, how long to verify, when the old key counts
 * as unused, how long to wait in one call, and whether the old key is deleted or left inactive.
 *
 * <pre>{@code
 * RotationOptions options = RotationOptions.builder()
 *     .quietPeriod(Duration.ofHours(24))       // step 5: last use must not advance for a day
 *     .deleteAfter(Duration.ofDays(7))         // step 7: delete a week after deactivation
 *     .waitBudget(Duration.ofMinutes(10))      // then return WAITING; resume from the saved state later
 *     .build();
 * }</pre>
 */
public final class RotationOptions {
  /** The longest duration any option accepts: 365 days. */
  public static final Duration MAX = Duration.ofDays(365);

  private static final RotationOptions DEFAULTS = builder().build();

  private final @Nullable String removableKey;
  private final Duration removableUnusedFor;
  private final Duration verifyTimeout;
  private final Duration quietPeriod;
  private final Duration pollInterval;
  private final @Nullable Duration waitBudget;
  private final Duration deleteAfter;
  private final boolean leaveInactive;
  private final UsageConfirmation confirmation;

  private RotationOptions(Builder b) {
    this.removableKey = b.removableKey;
    this.removableUnusedFor = b.removableUnusedFor;
    this.verifyTimeout = b.verifyTimeout;
    this.quietPeriod = b.quietPeriod;
    this.pollInterval = b.pollInterval;
    this.waitBudget = b.waitBudget;
    this.deleteAfter = b.deleteAfter;
    this.leaveInactive = b.leaveInactive;
    this.confirmation = b.confirmation;
  }

  /** {@return the defaults: no removable key, verify for 60 s, quiet for 24 h, delete 7 days after deactivation} */
  public static RotationOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder with these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.removableKey = removableKey;
    b.removableUnusedFor = removableUnusedFor;
    b.verifyTimeout = verifyTimeout;
    b.quietPeriod = quietPeriod;
    b.pollInterval = pollInterval;
    b.waitBudget = waitBudget;
    b.deleteAfter = deleteAfter;
    b.leaveInactive = leaveInactive;
    b.confirmation = confirmation;
    return b;
  }

  /** {@return the inactive key that step 1 may delete when the user already has two keys} */
  public Optional<String> removableKey() {
    return Optional.ofNullable(removableKey);
  }

  /** {@return how long the removable key must have gone unused (its last use at least this long ago)} */
  public Duration removableUnusedFor() {
    return removableUnusedFor;
  }

  /** {@return how long step 4 retries STS with the new key (IAM takes seconds to make a new key usable)} */
  public Duration verifyTimeout() {
    return verifyTimeout;
  }

  /** {@return how long the old key's last use must not advance for step 5 to count it unused} */
  public Duration quietPeriod() {
    return quietPeriod;
  }

  /** {@return how often steps 5 and 7 look again} */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** {@return how long one call may wait in step 5 or 7 before returning {@link StepStatus#WAITING}; empty: the context's default wait timeout} */
  public Optional<Duration> waitBudget() {
    return Optional.ofNullable(waitBudget);
  }

  /** {@return how long after deactivation step 7 deletes the old key} */
  public Duration deleteAfter() {
    return deleteAfter;
  }

  /** {@return whether step 7 leaves the old key inactive instead of deleting it} */
  public boolean leaveInactive() {
    return leaveInactive;
  }

  /** {@return the caller's confirmation asked in step 5} */
  public UsageConfirmation confirmation() {
    return confirmation;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RotationOptions that
        && Objects.equals(removableKey, that.removableKey)
        && removableUnusedFor.equals(that.removableUnusedFor)
        && verifyTimeout.equals(that.verifyTimeout)
        && quietPeriod.equals(that.quietPeriod)
        && pollInterval.equals(that.pollInterval)
        && Objects.equals(waitBudget, that.waitBudget)
        && deleteAfter.equals(that.deleteAfter)
        && leaveInactive == that.leaveInactive
        && confirmation.equals(that.confirmation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(removableKey, removableUnusedFor, verifyTimeout, quietPeriod, pollInterval, waitBudget,
        deleteAfter, leaveInactive, confirmation);
  }

  @Override
  public String toString() {
    return "RotationOptions[removableKey=" + (removableKey == null ? "none" : KeyIds.mask(removableKey))
        + ", verifyTimeout=" + verifyTimeout + ", quietPeriod=" + quietPeriod + ", pollInterval=" + pollInterval
        + ", waitBudget=" + (waitBudget == null ? "context default" : waitBudget)
        + (leaveInactive ? ", leaveInactive" : ", deleteAfter=" + deleteAfter) + "]";
  }

  /** Builds {@link RotationOptions}. */
  public static final class Builder {
    private @Nullable String removableKey;
    private Duration removableUnusedFor = Duration.ofDays(7);
    private Duration verifyTimeout = Duration.ofSeconds(60);
    private Duration quietPeriod = Duration.ofHours(24);
    private Duration pollInterval = Duration.ofMinutes(5);
    private @Nullable Duration waitBudget;
    private Duration deleteAfter = Duration.ofDays(7);
    private boolean leaveInactive;
    private UsageConfirmation confirmation = UsageConfirmation.none();

    private Builder() {}

    /**
     * Names the <em>inactive</em> key that step 1 may delete to make room when the user already has two
     * keys (IAM's limit, inactive keys included). An active key is never deleted to make room.
     *
     * @param keyId the inactive key's id
     * @return this builder
     */
    public Builder removableKey(String keyId) {
      this.removableKey = KeyIds.keyId("removableKey", keyId);
      return this;
    }

    /**
     * How long the removable key must have gone unused (default 7 days): a key deactivated an hour ago
     * may still be someone's fallback.
     *
     * @param value zero to 365 days
     * @return this builder
     */
    public Builder removableUnusedFor(Duration value) {
      this.removableUnusedFor = Checks.duration("removableUnusedFor", value, Duration.ZERO, MAX, "zero to 365 days");
      return this;
    }

    /**
     * How long step 4 retries STS GetCallerIdentity with the new key, with backoff (default 60 s).
     *
     * @param value 1 second to 1 hour
     * @return this builder
     */
    public Builder verifyTimeout(Duration value) {
      this.verifyTimeout = Checks.duration("verifyTimeout", value, Duration.ofSeconds(1), Duration.ofHours(1),
          "1 second to 1 hour");
      return this;
    }

    /**
     * How long the old key's last use must not advance for step 5 to treat it as unused (default 24 h;
     * IAM reports last use up to hours late, so shorter periods prove little).
     *
     * @param value zero to 365 days
     * @return this builder
     */
    public Builder quietPeriod(Duration value) {
      this.quietPeriod = Checks.duration("quietPeriod", value, Duration.ZERO, MAX, "zero to 365 days");
      return this;
    }

    /**
     * How often steps 5 and 7 look again (default 5 minutes).
     *
     * @param value 1 second to 1 day
     * @return this builder
     */
    public Builder pollInterval(Duration value) {
      this.pollInterval = Checks.duration("pollInterval", value, Duration.ofSeconds(1), Duration.ofDays(1),
          "1 second to 1 day");
      return this;
    }

    /**
     * How long one call may wait in step 5 or step 7 (each) before it returns the rotation as
     * {@link StepStatus#WAITING}, to be resumed from its saved state (default: the context's wait timeout).
     *
     * @param value 1 second to 365 days
     * @return this builder
     */
    public Builder waitBudget(Duration value) {
      this.waitBudget = Checks.duration("waitBudget", value, Duration.ofSeconds(1), MAX, "1 second to 365 days");
      return this;
    }

    /**
     * How long after deactivating the old key step 7 deletes it (default 7 days).
     *
     * @param value zero to 365 days
     * @return this builder
     */
    public Builder deleteAfter(Duration value) {
      this.deleteAfter = Checks.duration("deleteAfter", value, Duration.ZERO, MAX, "zero to 365 days");
      this.leaveInactive = false;
      return this;
    }

    /**
     * Step 7 leaves the old key inactive instead of deleting it (it keeps counting towards the two-key limit).
     *
     * @return this builder
     */
    public Builder leaveInactive() {
      this.leaveInactive = true;
      return this;
    }

    /**
     * The caller's confirmation, asked at each poll of step 5 (default: none, only the quiet period counts).
     *
     * @param value the confirmation
     * @return this builder
     */
    public Builder confirmation(UsageConfirmation value) {
      this.confirmation = Checks.present("confirmation", value, "a UsageConfirmation (UsageConfirmation.none() for none)");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RotationOptions build() {
      return new RotationOptions(this);
    }
  }
}
