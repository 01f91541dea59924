package dev.opskit.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How the gate finds and removes the extra resources that a create without an idempotency token (such
 * as DynamoDB {@code CreateBackup}) may leave when its response is lost and the SDK sends it again.
 *
 * <p>The gate asks only when an attempt of the call {@link CallAttempts#mayHaveActedUnseen() may have acted
 * unseen}, and removes only what it can prove this call made: resources matching every identifying
 * input, created inside the call's attempts, and no more of them than the attempts that may have acted.
 * When there are more, none is removed and the result says so. When every attempt's answer was lost, the
 * earliest such resource is taken as the call's answer and the rest are removed.
 *
 * @param <R> the change's answer type
 */
public interface Duplicates<R> {

  /**
   * The id of the resource an answer describes.
   *
   * @param answer AWS's answer
   * @return its id or ARN
   */
  String idOf(R answer);

  /**
   * When AWS says the answered resource was made, which aligns AWS's clock on the call's attempts.
   *
   * @param answer AWS's answer
   * @return its creation time, or null when the answer does not say
   */
  @Nullable Instant createdAt(R answer);

  /**
   * Resources that this change's identifying inputs describe (same name, same source...) and that were
   * created around the call's attempts ({@link CallAttempts#covers(Instant)}, which allows for clock skew),
   * the answered one included. The gate then keeps only those it can prove an earlier attempt made.
   *
   * @param attempts the call's attempts
   * @return the candidates, in any order
   */
  List<Made<R>> madeDuring(CallAttempts attempts);

  /**
   * The change that removes one duplicate (submitted through the gate, so it is audited).
   *
   * @param id the duplicate's id or ARN
   * @return the removal
   */
  Change<?> removal(String id);

  /**
   * Builds the strategy from three functions.
   *
   * @param idOf the id of an answer
   * @param createdAt the creation time of an answer (null when unknown)
   * @param madeDuring the candidates of a call
   * @param removal the removal of one
   * @param <R> the answer type
   * @return the strategy
   */
  static <R> Duplicates<R> of(Function<R, String> idOf, Function<R, @Nullable Instant> createdAt,
      Function<CallAttempts, List<Made<R>>> madeDuring, Function<String, Change<?>> removal) {
    Objects.requireNonNull(idOf, "idOf");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(madeDuring, "madeDuring");
    Objects.requireNonNull(removal, "removal");
    return new Duplicates<>() {
      @Override
      public String idOf(R answer) {
        return idOf.apply(answer);
      }

      @Override
      public @Nullable Instant createdAt(R answer) {
        return createdAt.apply(answer);
      }

      @Override
      public List<Made<R>> madeDuring(CallAttempts attempts) {
        return madeDuring.apply(attempts);
      }

      @Override
      public Change<?> removal(String id) {
        return removal.apply(id);
      }
    };
  }

  /**
   * A resource that a call may have made.
   *
   * @param id its id or ARN
   * @param createdAt when AWS says it was created
   * @param asAnswer the resource as the change's answer type, used when every answer was lost
   * @param <R> the answer type
   */
  record Made<R>(String id, Instant createdAt, R asAnswer) {
    /**
     * Validates.
     *
     * @param id its id or ARN
     * @param createdAt when AWS says it was created
     * @param asAnswer the resource as the change's answer type, used when every answer was lost
     */
    public Made {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(asAnswer, "asAnswer");
    }
  }
}
