package dev.opskit.cost.explorer;

import dev.opskit.core.OpsException;

/** A paid Cost Explorer request was refused before it was sent: the run's {@link RequestBudget} is used up. */
public final class RequestBudgetExceededException extends OpsException {
  private static final long serialVersionUID = 1L;

  /** The budget's limit. */
  private final int limit;

  /**
   * Creates the refusal.
   *
   * @param operation the refused request, such as {@code ce:GetCostAndUsage}
   * @param limit the budget's limit
   */
  public RequestBudgetExceededException(String operation, int limit) {
    super("Refused " + operation + ": the Cost Explorer request budget of " + limit + " request(s) (USD "
        + CostResult.costOf(limit).value().toPlainString() + ") for this run is used up; nothing was sent. "
        + "Raise it with CostOptions.requestBudget(..), or narrow the query (a shorter period, fewer group-by keys).",
        operation, null, null);
    this.limit = limit;
  }

  /** {@return the budget's limit} */
  public int limit() {
    return limit;
  }
}
