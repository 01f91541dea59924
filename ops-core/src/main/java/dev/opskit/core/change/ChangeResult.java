package dev.opskit.core.change;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the gate did with a change: applied it (possibly finding it already done), or, in a dry run,
 * planned it.
 *
 * @param <R> the type of AWS's answer
 */
public sealed interface ChangeResult<R> {

  /** {@return the answer, when the change was applied (and answered something); empty in a dry run} */
  Optional<R> value();

  /**
   * The answer of an applied change.
   *
   * @return the answer
   * @throws dev.opskit.core.ResourceStateException in a dry run (nothing was applied) or when the call answered nothing
   */
  default R orElseThrow() {
    return value().orElseThrow(() -> new dev.opskit.core.ResourceStateException(
        isPlanned() ? "dry run: the change was planned, not applied, so there is no answer; check isPlanned() first"
            : "the change was applied but AWS answered nothing", call().operation(), call().target(), null));
  }

  /** {@return the call, as sent (or, in a dry run, as it would have been sent): operation, target, redacted request} */
  PlannedCall call();

  /** {@return whether this is a dry-run plan (nothing was sent)} */
  default boolean isPlanned() {
    return this instanceof Planned<R>;
  }

  /**
   * Transforms the answer of an applied change.
   *
   * @param mapper the transformation
   * @param <U> the new type
   * @return the transformed result; a plan stays a plan
   */
  <U> ChangeResult<U> map(Function<? super R, ? extends U> mapper);

  /**
   * The change was made.
   *
   * @param answer AWS's answer (or the existing resource when {@code alreadyExisted}); null for a call that
   *     answers nothing ({@code Void})
   * @param requestId the AWS request id, when known
   * @param alreadyExisted true when a retried create found the resource an earlier attempt of the same call
   *     made (its answer was lost)
   * @param call the call that was made, with its redacted request
   * @param note what else the gate did or saw (duplicates of lost attempts removed, or kept because they
   *     could not be proven to be this call's), or null; also the audit event's detail
   * @param <R> the answer type
   */
  record Applied<R>(@Nullable R answer, @Nullable String requestId, boolean alreadyExisted, PlannedCall call,
      @Nullable String note) implements ChangeResult<R> {
    /**
     * Validates.
     *
     * @param answer AWS's answer (or the existing resource when {@code alreadyExisted}); null for a call that
     *     answers nothing ({@code Void})
     * @param requestId the AWS request id, when known
     * @param alreadyExisted true when a retried create found the resource an earlier attempt of the same call
     *     made (its answer was lost)
     * @param call the call that was made, with its redacted request
     * @param note what else the gate did or saw (duplicates of lost attempts removed, or kept because they
     *     could not be proven to be this call's), or null; also the audit event's detail
     */
    public Applied {
      Objects.requireNonNull(call, "call");
    }

    /**
     * An applied change without a note.
     *
     * @param answer AWS's answer
     * @param requestId the AWS request id, or null
     * @param alreadyExisted whether a retried create found its resource
     * @param call the call
     */
    public Applied(@Nullable R answer, @Nullable String requestId, boolean alreadyExisted, PlannedCall call) {
      this(answer, requestId, alreadyExisted, call, null);
    }

    @Override
    public Optional<R> value() {
      return Optional.ofNullable(answer);
    }

    @Override
    public <U> ChangeResult<U> map(Function<? super R, ? extends U> mapper) {
      return new Applied<>(answer == null ? null : mapper.apply(answer), requestId, alreadyExisted, call, note);
    }
  }

  /**
   * Dry run: the change was recorded, nothing was sent.
   *
   * @param call the call that would have been made
   * @param <R> the answer type it would have had
   */
  record Planned<R>(PlannedCall call) implements ChangeResult<R> {
    /**
     * Validates.
     *
     * @param call the call that would have been made
     */
    public Planned {
      Objects.requireNonNull(call, "call");
    }

    @Override
    public Optional<R> value() {
      return Optional.empty();
    }

    @Override
    public <U> ChangeResult<U> map(Function<? super R, ? extends U> mapper) {
      return new Planned<>(call);
    }
  }
}
