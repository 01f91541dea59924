package dev.opskit.backup.internal;

import dev.opskit.core.change.ChangeResult;
import java.util.function.Supplier;

/** ChangeResults whose value is what the operation returns rather than AWS's answer. */
final class Results {
  private Results() {}

  /**
   * The result with another value: a plan stays a plan (the value is not computed); an applied change keeps
   * its call, request id, note and whether it already existed, and gets {@code value}.
   *
   * @param result the gate's result
   * @param value what the operation returns, computed only when the change was applied (such as a wait)
   * @param <T> the value type
   * @return the result
   */
  static <T> ChangeResult<T> withValue(ChangeResult<?> result, Supplier<T> value) {
    if (result instanceof ChangeResult.Applied<?> applied) {
      return new ChangeResult.Applied<>(value.get(), applied.requestId(), applied.alreadyExisted(), applied.call(),
          applied.note());
    }
    return new ChangeResult.Planned<>(result.call());
  }
}
