package dev.opskit.monitoring.logs.internal;

import dev.opskit.core.OpsContext;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The concurrency limit of Logs Insights queries, one per context (held weakly: a dropped context drops its
 * slots). The size is the latest a runner of the context asked for.
 */
public final class QuerySlots {
  private static final Map<OpsContext, QuerySlots> BY_CONTEXT = new WeakHashMap<>();

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
    QuerySlots slots;
    synchronized (BY_CONTEXT) {
      slots = BY_CONTEXT.computeIfAbsent(ctx, c -> new QuerySlots(max));
    }
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
