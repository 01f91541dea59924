package dev.opskit.core.change;

import dev.opskit.core.OpsException;
import dev.opskit.core.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A description of one change to AWS: what operation, on which resource, with which request, and how
 * to make it. A value; nothing happens until it is {@link Gate#submit submitted}.
 *
 * <pre>{@code
 * CreateDbSnapshotRequest request = CreateDbSnapshotRequest.builder()...build();
 * ChangeResult<CreateDbSnapshotResponse> result = ctx.gate().submit(
 *     Change.of("rds:CreateDBSnapshot", snapshotId, request, rds::createDBSnapshot)
 *         .ifAlreadyExists(attempts -> findSnapshotOf(instanceId, snapshotId)
 *             .filter(s -> attempts.covers(s.snapshotCreateTime())))
 *         .build());
 * }</pre>
 *
 * @param <R> AWS's answer type
 */
public final class Change<R> {
  private static final Pattern OPERATION = Pattern.compile("[a-z0-9][a-z0-9-]*:[A-Za-z0-9]+");

  private final String operation;
  private final String target;
  private final @Nullable Object request;
  private final Supplier<R> call;
  private final Set<String> secretNames;
  private final @Nullable Function<CallAttempts, Optional<R>> existing;
  private final @Nullable Duplicates<R> duplicates;
  private final boolean goneIsDone;
  private final Predicate<OpsException> retryWhen;

  private Change(Builder<R> b) {
    this.operation = b.operation;
    this.target = b.target;
    this.request = b.request;
    this.call = b.call;
    this.secretNames = Set.copyOf(b.secretNames);
    this.existing = b.existing;
    this.duplicates = b.duplicates;
    this.goneIsDone = b.goneIsDone;
    this.retryWhen = b.retryWhen;
  }

  /**
   * Starts a change that sends an SDK request.
   *
   * @param operation {@code service:Action} as in IAM, such as {@code rds:CreateDBSnapshot}
   * @param target the resource id or ARN the change acts on
   * @param request the SDK request, recorded (redacted) in the audit trail and the dry-run plan
   * @param call the SDK method, such as {@code rds::createDBSnapshot}
   * @param <Q> the request type
   * @param <R> the answer type
   * @return a builder
   */
  public static <Q, R> Builder<R> of(String operation, String target, Q request, Function<Q, R> call) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    return new Builder<>(operation, target, request, () -> call.apply(request));
  }

  /**
   * Starts a change that is not one SDK request (for example a sequence OpsKit performs), described by
   * its parameters.
   *
   * @param operation {@code service:Action}
   * @param target the resource id or ARN
   * @param parameters what the change does, for the audit trail and the plan, in the order given
   * @param call the code that makes the change
   * @param <R> the answer type
   * @return a builder
   */
  public static <R> Builder<R> described(
      String operation, String target, Map<String, ?> parameters, Supplier<R> call) {
    Objects.requireNonNull(call, "call");
    // Keep the caller's order (the audit trail and the plan show it), which Map.copyOf would lose.
    return new Builder<>(operation, target, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), call);
  }

  /** {@return {@code service:Action}} */
  public String operation() {
    return operation;
  }

  /** {@return the resource acted on} */
  public String target() {
    return target;
  }

  /** {@return the request as given (an SDK request or a map), before redaction; null when there is none} */
  public @Nullable Object request() {
    return request;
  }

  /** {@return the request member names marked secret in addition to OpsKit's defaults} */
  public Set<String> secretNames() {
    return secretNames;
  }

  /**
   * Makes the change. Called by the gate only.
   *
   * @return the call that makes it
   */
  public Supplier<R> call() {
    return call;
  }

  /** {@return how to find the resource when AWS says it already exists; empty when a conflict is an error} */
  public Optional<Function<CallAttempts, Optional<R>>> existing() {
    return Optional.ofNullable(existing);
  }

  /** {@return how to find and remove what retried attempts of a create without idempotency token made; may be empty} */
  public Optional<Duplicates<R>> duplicates() {
    return Optional.ofNullable(duplicates);
  }

  /** {@return whether "not found" after an unanswered attempt of this call counts as done (a retried delete)} */
  public boolean goneIsDone() {
    return goneIsDone;
  }

  /** {@return which failures the gate may retry at the operation level} */
  public Predicate<OpsException> retryWhen() {
    return retryWhen;
  }

  @Override
  public String toString() {
    return "Change[" + operation + " " + target + "]";
  }

  /**
   * Builds a {@link Change}.
   *
   * @param <R> the answer type
   */
  public static final class Builder<R> {
    private final String operation;
    private final String target;
    private final @Nullable Object request;
    private final Supplier<R> call;
    private final Set<String> secretNames = new LinkedHashSet<>();
    private @Nullable Function<CallAttempts, Optional<R>> existing;
    private @Nullable Duplicates<R> duplicates;
    private boolean goneIsDone;
    private Predicate<OpsException> retryWhen = e -> false;

    private Builder(String operation, String target, @Nullable Object request, Supplier<R> call) {
      if (operation == null || !OPERATION.matcher(operation).matches()) {
        throw ValidationException.of("change.operation", operation, "service:Action, such as rds:CreateDBSnapshot");
      }
      if (target == null || target.isBlank()) {
        throw ValidationException.of("change.target", target, "the id or ARN of the resource the change acts on");
      }
      this.operation = operation;
      this.target = target;
      this.request = request;
      this.call = call;
    }

    /**
     * Marks request members (or map keys) as secret beyond OpsKit's defaults (names containing password,
     * secret, token, credential, private key...). Their values never reach a sink, a log or a message.
     *
     * @param memberNames AWS member names, such as {@code Value} for an SSM SecureString
     * @return this builder
     */
    public Builder<R> secret(String... memberNames) {
      if (memberNames == null) {
        throw ValidationException.of("secret", null, "request member names, such as Value");
      }
      for (String name : memberNames) {
        if (name == null || name.isBlank()) {
          throw ValidationException.of("secret", name, "a request member name, such as Value");
        }
        secretNames.add(name);
      }
      return this;
    }

    /**
     * Makes a create idempotent under retries: when AWS answers that the resource already exists, and only
     * when an earlier attempt of this very call {@linkplain CallAttempts#mayHaveActedUnseen() may have made
     * it} (the SDK sent the request again after an answer was lost), the gate calls {@code findExisting}
     * with the call's attempts. It must return the resource only if it matches every identifying input of
     * this change (same source, same restore time...) and was created inside the call
     * ({@link CallAttempts#covers}); then the change counts as applied. In every other case, a first
     * attempt that meets "already exists" included, the gate fails with
     * {@link dev.opskit.core.ResourceStateException} naming the existing resource: it is not this call's.
     *
     * @param findExisting finds the existing resource that this call made
     * @return this builder
     */
    public Builder<R> ifAlreadyExists(Function<CallAttempts, Optional<R>> findExisting) {
      this.existing = Objects.requireNonNull(findExisting, "findExisting");
      return this;
    }

    /**
     * For a create without idempotency token (each request makes a new resource): lets the gate find and
     * remove what attempts of this call made beyond the one AWS answered with, and adopt one when every
     * answer was lost. See {@link Duplicates} for what the gate proves before removing anything.
     *
     * @param strategy how to find and remove them
     * @return this builder
     */
    public Builder<R> duplicatesOfRetries(Duplicates<R> strategy) {
      this.duplicates = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Makes a delete idempotent under retries: when AWS answers "not found" and an earlier attempt of this
     * very call {@linkplain CallAttempts#mayHaveActedUnseen() may have deleted it} (its answer was lost), the
     * change counts as applied, with a note saying so. "Not found" on a first attempt stays a
     * {@link dev.opskit.core.ResourceNotFoundException}.
     *
     * @return this builder
     */
    public Builder<R> ifAlreadyGone() {
      this.goneIsDone = true;
      return this;
    }

    /**
     * Declares the failures worth repeating the whole change for, such as
     * {@code e -> e instanceof ResourceStateException} while an instance is {@code modifying}.
     * Throttling and transport errors are retried by the SDK and must not be declared here.
     *
     * @param condition the condition
     * @return this builder
     */
    public Builder<R> retryWhen(Predicate<OpsException> condition) {
      this.retryWhen = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /**
     * Builds the change.
     *
     * @return the change
     */
    public Change<R> build() {
      return new Change<>(this);
    }
  }
}
