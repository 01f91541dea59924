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

  /** The answer, when the change was applied; empty in a dry run. */
  Optional<R> value();

  /** The call, as sent (or, in a dry run, as it would have been sent): operation, target, redacted request. */
  PlannedCall call();

  /** Whether this is a dry-run plan (nothing was sent). */
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
   * @param answer AWS's answer (or the existing resource when {@code alreadyExisted})
   * @param requestId the AWS request id, when known
   * @param alreadyExisted true when a retried create found the resource already made
   * @param call the call that was made, with its redacted request
   * @param <R> the answer type
   */
  record Applied<R>(R answer, @Nullable String requestId, boolean alreadyExisted, PlannedCall call)
      implements ChangeResult<R> {
    /** Validates. */
    public Applied {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(call, "call");
    }

    @Override
    public Optional<R> value() {
      return Optional.of(answer);
    }

    @Override
    public <U> ChangeResult<U> map(Function<? super R, ? extends U> mapper) {
      return new Applied<>(mapper.apply(answer), requestId, alreadyExisted, call);
    }
  }

  /**
   * Dry run: the change was recorded, nothing was sent.
   *
   * @param call the call that would have been made
   * @param <R> the answer type it would have had
   */
  record Planned<R>(PlannedCall call) implements ChangeResult<R> {
    /** Validates. */
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
