package dev.opskit.security.iam;

import dev.opskit.core.secret.Publication;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.KeyIds;
import dev.opskit.security.iam.internal.RotationJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of one access key rotation, and its report: each of the seven {@linkplain RotationStep steps}
 * with its status, detail and calls; the keys involved and what became of them; where the user stands now.
 * An immutable value that holds no secret, so it can be logged, and saved as JSON ({@link #toJson()}) to
 * {@linkplain AccessKeys#resume resume} later, because steps 5 to 7 can take days.
 */
public final class KeyRotation {

  /** What became of a key during the rotation. */
  public enum KeyState {
    /** There is no such key (no old key, or the new one not created yet). */
    NONE,
    /** Active: it can sign requests. */
    ACTIVE,
    /** Deactivated. */
    INACTIVE,
    /** Deleted. */
    DELETED
  }

  /**
   * One step's state.
   *
   * @param step the step
   * @param status where it stands
   * @param detail what it did or why it stopped, in words; never a secret
   * @param calls the AWS calls it makes, as a dry run describes them
   * @param at when it last changed, or null when it has not started
   */
  public record Step(RotationStep step, StepStatus status, String detail, List<String> calls, @Nullable Instant at) {
    /**
     * Validates and copies.
     *
     * @param step the step
     * @param status where it stands
     * @param detail what it did or why it stopped
     * @param calls the AWS calls it makes
     * @param at when it last changed, or null
     */
    public Step {
      Checks.present("step", step, "a rotation step");
      Checks.present("status", status, "a step status");
      Checks.present("detail", detail, "a detail text (may be empty)");
      calls = Checks.list("calls", calls, "the step's calls");
    }

    /** {@code 3 publish the new key through the secret sink: DONE (staged in ...)}. */
    @Override
    public String toString() {
      return step.number() + " " + step.title() + ": " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  private final String userName;
  private final @Nullable String userArn;
  private final String sink;
  private final boolean dryRun;
  private final @Nullable String oldKeyId;
  private final KeyState oldKey;
  private final @Nullable String newKeyId;
  private final KeyState newKey;
  private final boolean newKeyVerified;
  private final @Nullable String removedKeyId;
  private final @Nullable Publication publication;
  private final Map<RotationStep, Step> steps;
  private final @Nullable Instant lastUseSeen;
  private final @Nullable Instant quietSince;
  private final @Nullable Instant deactivatedAt;
  private final Instant startedAt;
  private final Instant updatedAt;

  private KeyRotation(Builder b) {
    this.userName = KeyIds.userName("userName", Checks.present("userName", b.userName, "the user name"));
    this.userArn = b.userArn;
    this.sink = Checks.present("sink", b.sink, "the sink's description");
    this.dryRun = b.dryRun;
    this.oldKeyId = b.oldKeyId == null ? null : KeyIds.keyId("oldKeyId", b.oldKeyId);
    this.oldKey = Checks.present("oldKey", b.oldKey, "a key state");
    this.newKeyId = b.newKeyId == null ? null : KeyIds.keyId("newKeyId", b.newKeyId);
    this.newKey = Checks.present("newKey", b.newKey, "a key state");
    this.newKeyVerified = b.newKeyVerified;
    this.removedKeyId = b.removedKeyId == null ? null : KeyIds.keyId("removedKeyId", b.removedKeyId);
    this.publication = b.publication;
    EnumMap<RotationStep, Step> copy = new EnumMap<>(RotationStep.class);
    for (RotationStep step : RotationStep.values()) {
      Step s = b.steps.get(step);
      copy.put(step, s == null ? new Step(step, StepStatus.NOT_STARTED, "", List.of(), null) : s);
    }
    this.steps = copy;
    this.lastUseSeen = b.lastUseSeen;
    this.quietSince = b.quietSince;
    this.deactivatedAt = b.deactivatedAt;
    this.startedAt = Checks.present("startedAt", b.startedAt, "when the rotation started");
    this.updatedAt = Checks.present("updatedAt", b.updatedAt, "when the rotation last changed");
    Checks.require(oldKeyId != null || oldKey == KeyState.NONE, "oldKey", oldKey, "NONE when there is no old key id");
    Checks.require(newKeyId != null || newKey == KeyState.NONE, "newKey", newKey, "NONE when there is no new key id");
  }

  /**
   * Starts a rotation's state (used by OpsKit's implementation, and by tests).
   *
   * @param userName the user
   * @param sink the sink's description
   * @param at when it starts
   * @return a builder
   */
  public static Builder builder(String userName, String sink, Instant at) {
    Builder b = new Builder();
    b.userName = userName;
    b.sink = sink;
    b.startedAt = at;
    b.updatedAt = at;
    return b;
  }

  /** {@return a builder with this state} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.userName = userName;
    b.userArn = userArn;
    b.sink = sink;
    b.dryRun = dryRun;
    b.oldKeyId = oldKeyId;
    b.oldKey = oldKey;
    b.newKeyId = newKeyId;
    b.newKey = newKey;
    b.newKeyVerified = newKeyVerified;
    b.removedKeyId = removedKeyId;
    b.publication = publication;
    b.steps.putAll(steps);
    b.lastUseSeen = lastUseSeen;
    b.quietSince = quietSince;
    b.deactivatedAt = deactivatedAt;
    b.startedAt = startedAt;
    b.updatedAt = updatedAt;
    return b;
  }

  /**
   * Reads a saved state.
   *
   * @param json what {@link #toJson()} wrote
   * @return the state
   * @throws dev.opskit.core.ValidationException when the text is not such a state
   */
  public static KeyRotation fromJson(String json) {
    return RotationJson.read(json);
  }

  /** {@return this state as JSON, to save and {@linkplain #fromJson read back}; holds no secret} */
  public String toJson() {
    return RotationJson.write(this);
  }

  /** {@return the user whose key is rotated} */
  public String userName() {
    return userName;
  }

  /** {@return the user's ARN, once step 1 read it} */
  public Optional<String> userArn() {
    return Optional.ofNullable(userArn);
  }

  /** {@return the sink's description} */
  public String sink() {
    return sink;
  }

  /** {@return whether this is a dry run's description (nothing was sent)} */
  public boolean isDryRun() {
    return dryRun;
  }

  /** {@return the key being replaced, once step 1 found it} */
  public Optional<String> oldKeyId() {
    return Optional.ofNullable(oldKeyId);
  }

  /** {@return what became of the old key} */
  public KeyState oldKey() {
    return oldKey;
  }

  /** {@return the new key, once step 2 made it} */
  public Optional<String> newKeyId() {
    return Optional.ofNullable(newKeyId);
  }

  /** {@return what became of the new key} */
  public KeyState newKey() {
    return newKey;
  }

  /** {@return whether STS accepted the new key} */
  public boolean newKeyVerified() {
    return newKeyVerified;
  }

  /** {@return the inactive key step 1 deleted to make room, if any} */
  public Optional<String> removedKeyId() {
    return Optional.ofNullable(removedKeyId);
  }

  /** {@return what the sink did with the new key, once step 3 published it} */
  public Optional<Publication> publication() {
    return Optional.ofNullable(publication);
  }

  /** {@return the old key's last use as step 5 last saw it} */
  public Optional<Instant> lastUseSeen() {
    return Optional.ofNullable(lastUseSeen);
  }

  /** {@return since when step 5 has seen the old key's last use not advance} */
  public Optional<Instant> quietSince() {
    return Optional.ofNullable(quietSince);
  }

  /** {@return when step 6 deactivated the old key} */
  public Optional<Instant> deactivatedAt() {
    return Optional.ofNullable(deactivatedAt);
  }

  /** {@return when the rotation started} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return when it last changed} */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** {@return the seven steps, in order} */
  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  /**
   * One step.
   *
   * @param step which
   * @return its state
   */
  public Step step(RotationStep step) {
    return Objects.requireNonNull(steps.get(Checks.present("step", step, "a rotation step")), "every step has a state");
  }

  /** {@return the step that failed, if one did} */
  public Optional<RotationStep> failedStep() {
    return steps.values().stream().filter(s -> s.status() == StepStatus.FAILED).map(Step::step).findFirst();
  }

  /** {@return the step that is waiting for its goal (resume later), if one is} */
  public Optional<RotationStep> waitingAt() {
    return steps.values().stream().filter(s -> s.status() == StepStatus.WAITING).map(Step::step).findFirst();
  }

  /** {@return the first step that still has work to do; empty when the rotation is complete} */
  public Optional<RotationStep> nextStep() {
    return steps.values().stream().filter(s -> !s.status().isSettled()).map(Step::step).findFirst();
  }

  /** {@return whether every step is done or skipped} */
  public boolean isComplete() {
    return nextStep().isEmpty();
  }

  /** {@return the key that works now: the new one once verified and active, else the old one while active} */
  public Optional<String> workingKeyId() {
    if (newKeyId != null && newKey == KeyState.ACTIVE && newKeyVerified) {
      return Optional.of(newKeyId);
    }
    if (oldKeyId != null && oldKey == KeyState.ACTIVE) {
      return Optional.of(oldKeyId);
    }
    return Optional.empty();
  }

  /**
   * Where the user stands, in one sentence: each key's state, which one works, where the new one is
   * published. Key ids show only their last four characters.
   *
   * @return the sentence
   */
  public String whereTheUserIs() {
    if (dryRun) {
      return "user " + userName + ": dry run, nothing was changed";
    }
    if (!step(RotationStep.PREFLIGHT).status().isSettled()) {
      return "user " + userName + ": its keys were not read, nothing was changed";
    }
    List<String> parts = new ArrayList<>();
    if (oldKeyId != null) {
      parts.add("old key " + KeyIds.mask(oldKeyId) + " " + state(oldKey));
    }
    if (newKeyId != null) {
      String text = "new key " + KeyIds.mask(newKeyId) + " " + state(newKey);
      if (newKey == KeyState.ACTIVE) {
        text += newKeyVerified ? ", verified" : ", not verified";
        text += publication == null ? ", not published"
            : publication.pending() ? ", staged (not current) in " + sink : ", published in " + sink;
      }
      parts.add(text);
    } else {
      parts.add("no new key");
    }
    if (removedKeyId != null) {
      parts.add("inactive key " + KeyIds.mask(removedKeyId) + " deleted to make room");
    }
    String working = workingKeyId().map(id -> "working key: " + KeyIds.mask(id)).orElse("no verified working key known");
    return "user " + userName + ": " + String.join("; ", parts) + "; " + working;
  }

  private static String state(KeyState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The report as text: one line per step with its status and detail (and, in a dry run, its calls),
   * then where the user stands.
   *
   * @return the text
   */
  public String render() {
    StringBuilder out = new StringBuilder("access key rotation of user ").append(userName).append(" into ")
        .append(sink).append(dryRun ? " (dry run, nothing sent)" : "").append('\n');
    for (Step s : steps.values()) {
      out.append("  ").append(s).append('\n');
      if (dryRun) {
        for (String call : s.calls()) {
          out.append("      would call ").append(call).append('\n');
        }
      }
    }
    return out.append("  now: ").append(whereTheUserIs()).append('\n').toString();
  }

  /** {@code KeyRotation[user=..., next=step 5 (wait unused), ...]}: no secret, key ids masked. */
  @Override
  public String toString() {
    return "KeyRotation[user=" + userName + ", "
        + failedStep().map(s -> "failed at " + s.label()).orElseGet(() -> nextStep().map(s -> "next " + s.label()).orElse("complete"))
        + ", " + whereTheUserIs() + "]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KeyRotation that && toJson().equals(that.toJson());
  }

  @Override
  public int hashCode() {
    return Objects.hash(userName, oldKeyId, newKeyId, updatedAt);
  }

  /** Builds a {@link KeyRotation}. */
  public static final class Builder {
    private @Nullable String userName;
    private @Nullable String userArn;
    private @Nullable String sink;
    private boolean dryRun;
    private @Nullable String oldKeyId;
    private KeyState oldKey = KeyState.NONE;
    private @Nullable String newKeyId;
    private KeyState newKey = KeyState.NONE;
    private boolean newKeyVerified;
    private @Nullable String removedKeyId;
    private @Nullable Publication publication;
    private final Map<RotationStep, Step> steps = new EnumMap<>(RotationStep.class);
    private @Nullable Instant lastUseSeen;
    private @Nullable Instant quietSince;
    private @Nullable Instant deactivatedAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant updatedAt;

    private Builder() {}

    /**
     * The user's ARN.
     *
     * @param value the ARN, or null
     * @return this builder
     */
    public Builder userArn(@Nullable String value) {
      this.userArn = value;
      return this;
    }

    /**
     * Marks a dry run's description.
     *
     * @param value true for a dry run
     * @return this builder
     */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * The old key and its state.
     *
     * @param id the key id, or null for none
     * @param state its state
     * @return this builder
     */
    public Builder oldKey(@Nullable String id, KeyState state) {
      this.oldKeyId = id;
      this.oldKey = state;
      return this;
    }

    /**
     * The old key's state.
     *
     * @param state its state
     * @return this builder
     */
    public Builder oldKey(KeyState state) {
      this.oldKey = state;
      return this;
    }

    /**
     * The new key and its state.
     *
     * @param id the key id, or null for none
     * @param state its state
     * @return this builder
     */
    public Builder newKey(@Nullable String id, KeyState state) {
      this.newKeyId = id;
      this.newKey = state;
      return this;
    }

    /**
     * The new key's state.
     *
     * @param state its state
     * @return this builder
     */
    public Builder newKey(KeyState state) {
      this.newKey = state;
      return this;
    }

    /**
     * Whether STS accepted the new key.
     *
     * @param value true once verified
     * @return this builder
     */
    public Builder newKeyVerified(boolean value) {
      this.newKeyVerified = value;
      return this;
    }

    /**
     * The inactive key deleted to make room.
     *
     * @param id the key id, or null
     * @return this builder
     */
    public Builder removedKeyId(@Nullable String id) {
      this.removedKeyId = id;
      return this;
    }

    /**
     * What the sink did.
     *
     * @param value the publication, or null
     * @return this builder
     */
    public Builder publication(@Nullable Publication value) {
      this.publication = value;
      return this;
    }

    /**
     * One step's state.
     *
     * @param value the step's state
     * @return this builder
     */
    public Builder step(Step value) {
      Checks.present("step", value, "a step state");
      steps.put(value.step(), value);
      return this;
    }

    /**
     * What step 5 saw: the old key's last use and since when it has not advanced.
     *
     * @param lastUse the last use, or null
     * @param since since when, or null
     * @return this builder
     */
    public Builder usage(@Nullable Instant lastUse, @Nullable Instant since) {
      this.lastUseSeen = lastUse;
      this.quietSince = since;
      return this;
    }

    /**
     * When the old key was deactivated.
     *
     * @param value the time, or null
     * @return this builder
     */
    public Builder deactivatedAt(@Nullable Instant value) {
      this.deactivatedAt = value;
      return this;
    }

    /**
     * When the state last changed.
     *
     * @param value the time
     * @return this builder
     */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /**
     * Builds the state.
     *
     * @return the state
     * @throws dev.opskit.core.ValidationException when a field is missing or malformed
     */
    public KeyRotation build() {
      return new KeyRotation(this);
    }
  }
}
