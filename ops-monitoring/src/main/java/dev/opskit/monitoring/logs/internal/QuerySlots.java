package dev.opskit.monitoring.logs.internal;

import dev.opskit.core.OpsContext;
import java.time.Duration;

/**
 * The concurrency limit of Logs Insights queries, one per context tree ({@link OpsContext#shared}: the context and
 * every context derived from it share the slots, and they live as long as the root). The size is the latest a
 * runner of the tree asked for.
 */
public final class QuerySlots {

  private int max;
  private int used;

  private QuerySlots(int max) {
    this.max = max;
  }

  /**
   * The slots of a context, sized {@code max}.
   *
   * @param ctx the context
   * @param max the most queries at once
   * @return the slots
   */
  public static QuerySlots of(OpsContext ctx, int max) {
    QuerySlots slots = ctx.shared(QuerySlots.class, () -> new QuerySlots(max));
    slots.resize(max);
    return slots;
  }

  private synchronized void resize(int value) {
    max = value;
    notifyAll();
  }

  /**
   * Takes a slot, waiting for another query of the context to end when all are taken.
   *
   * @param timeout how long to wait at most
   * @return whether a slot was taken
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized boolean acquire(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (used >= max) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    used++;
    return true;
  }

  /** Gives a slot back. */
  public synchronized void release() {
    used = Math.max(0, used - 1);
    notifyAll();
  }

  /** {@return the slots in use} */
  public synchronized int inUse() {
    return used;
  }
}
