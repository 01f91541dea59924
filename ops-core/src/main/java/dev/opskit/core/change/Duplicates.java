package dev.opskit.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the gate finds and removes the extra resources that a create without an idempotency token (such
 * as DynamoDB {@code CreateBackup}) may leave when its answer is lost and the SDK sends it again.
 *
 * <p>Before the first attempt, the gate {@linkplain #list() lists} the resources with the change's
 * identifying inputs (same table and name...): those are someone else's, whatever their dates, and are
 * never touched. After the call, and only when an attempt of it {@linkplain CallAttempts#mayHaveActedUnseen()
 * may have acted unseen}, it lists them again: the new ones other than AWS's answer were made during the call,
 * and when there are no more of them than attempts that may have acted, they are this call's duplicates and
 * are removed (through the gate, audited). When there are more (someone else made one during the call),
 * none is removed and the change fails naming them all. When every answer was lost, the earliest new one
 * is taken as the call's answer and the rest are removed.
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
   * Every resource with this change's identifying inputs (same table and name, same source...), whenever it
   * was made. Listed before the first attempt and again after the call.
   *
   * @return the resources, in any order
   */
  List<Made<R>> list();

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
   * @param list the resources with the change's identifying inputs
   * @param removal the removal of one
   * @param <R> the answer type
   * @return the strategy
   */
  static <R> Duplicates<R> of(
      Function<R, String> idOf, Supplier<List<Made<R>>> list, Function<String, Change<?>> removal) {
    Objects.requireNonNull(idOf, "idOf");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(removal, "removal");
    return new Duplicates<>() {
      @Override
      public String idOf(R answer) {
        return idOf.apply(answer);
      }

      @Override
      public List<Made<R>> list() {
        return list.get();
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
