package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many paid Cost Explorer requests (USD 0.01 each; every page counts) a run may make. One budget is shared by
 * every query, report and recommendation of the {@code Costs} it is given to (pass the same budget to several to
 * share it); a request past it is refused before it is sent with {@link RequestBudgetExceededException}.
 * Thread-safe.
 */
public final class RequestBudget {
  /** The largest budget accepted. */
  public static final int MAX = 1_000_000;

  private final int limit;
  private final AtomicInteger used = new AtomicInteger();

  private RequestBudget(int limit) {
    this.limit = limit;
  }

  /**
   * A budget of requests.
   *
   * @param maxRequests 0 to 1,000,000
   * @return the budget
   * @throws ValidationException outside that range
   */
  public static RequestBudget of(int maxRequests) {
    if (maxRequests < 0 || maxRequests > MAX) {
      throw ValidationException.of("requestBudget", maxRequests, "0 to " + MAX + " Cost Explorer requests per run");
    }
    return new RequestBudget(maxRequests);
  }

  /** {@return the budget's limit} */
  public int limit() {
    return limit;
  }

  /** {@return the requests made so far} */
  public int used() {
    return used.get();
  }

  /** {@return the requests still allowed} */
  public int remaining() {
    return Math.max(0, limit - used.get());
  }

  /** {@return what the requests made so far cost} */
  public Amount cost() {
    return CostResult.costOf(used.get());
  }

  /**
   * Takes one request from the budget, before it is sent.
   *
   * @param operation the request's operation, such as {@code ce:GetCostAndUsage}, for the message
   * @throws RequestBudgetExceededException when the budget is used up (nothing is taken)
   */
  public void charge(String operation) {
    while (true) {
      int now = used.get();
      if (now >= limit) {
        throw new RequestBudgetExceededException(operation, limit);
      }
      if (used.compareAndSet(now, now + 1)) {
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "RequestBudget[" + used() + " of " + limit + " used]";
  }
}
