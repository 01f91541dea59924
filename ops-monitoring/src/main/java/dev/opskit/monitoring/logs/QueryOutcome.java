package dev.opskit.monitoring.logs;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * How a Logs Insights query ended: each of AWS's terminal states typed ({@code Complete}, {@code Failed},
 * {@code Cancelled}, {@code Timeout}, {@code Unknown}).
 */
public sealed interface QueryOutcome {

  /** {@return the query ids StartQuery gave (more than one when the range was split)} */
  List<String> queryIds();

  /**
   * The rows of a complete query.
   *
   * @return the rows
   * @throws ResourceStateException for a failed, cancelled or unknown query
   * @throws OperationTimeoutException for a query that timed out
   */
  List<InsightsRow> rowsOrThrow();

  /**
   * Every row was fetched.
   *
   * @param queryIds the query ids
   * @param rows the rows, window by window in time order (each window in the query's own order)
   * @param statistics what was read, summed
   * @param windows how many StartQuery windows the range took (1 unless split past the row limit)
   */
  record Complete(List<String> queryIds, List<InsightsRow> rows, QueryStatistics statistics, int windows)
      implements QueryOutcome {
    /**
     * Copies.
     *
     * @param queryIds the ids
     * @param rows the rows
     * @param statistics the statistics
     * @param windows the windows
     */
    public Complete {
      queryIds = Values.list("queryIds", queryIds, "query ids");
      rows = Values.list("rows", rows, "rows");
      Checks.present("statistics", statistics, "statistics");
    }

    @Override
    public List<InsightsRow> rowsOrThrow() {
      return rows;
    }
  }

  /**
   * The query failed (AWS status {@code Failed}).
   *
   * @param queryIds the query ids
   * @param reason what is known
   */
  record Failed(List<String> queryIds, String reason) implements QueryOutcome {
    /**
     * Copies.
     *
     * @param queryIds the ids
     * @param reason why
     */
    public Failed {
      queryIds = Values.list("queryIds", queryIds, "query ids");
    }

    @Override
    public List<InsightsRow> rowsOrThrow() {
      throw new ResourceStateException("the Logs Insights query failed: " + reason, "logs:StartQuery",
          String.join(",", queryIds), null);
    }
  }

  /**
   * The query was cancelled (AWS status {@code Cancelled}: StopQuery, by OpsKit or someone else).
   *
   * @param queryIds the query ids
   */
  record Cancelled(List<String> queryIds) implements QueryOutcome {
    /**
     * Copies.
     *
     * @param queryIds the ids
     */
    public Cancelled {
      queryIds = Values.list("queryIds", queryIds, "query ids");
    }

    @Override
    public List<InsightsRow> rowsOrThrow() {
      throw new ResourceStateException("the Logs Insights query was cancelled", "logs:StartQuery",
          String.join(",", queryIds), null);
    }
  }

  /**
   * The query timed out: AWS's own {@code Timeout} status (queries end after 60 minutes), or the runner's wait
   * timeout passed first, in which case the runner sent StopQuery.
   *
   * @param queryIds the query ids
   * @param byAws true for AWS's status, false when the runner's wait timed out and stopped the query
   * @param reason what happened
   */
  record TimedOut(List<String> queryIds, boolean byAws, String reason) implements QueryOutcome {
    /**
     * Copies.
     *
     * @param queryIds the ids
     * @param byAws whose timeout
     * @param reason what happened
     */
    public TimedOut {
      queryIds = Values.list("queryIds", queryIds, "query ids");
    }

    @Override
    public List<InsightsRow> rowsOrThrow() {
      throw new OperationTimeoutException(reason, "logs:StartQuery", String.join(",", queryIds), null);
    }
  }

  /**
   * AWS reported {@code Unknown}, or a status this version does not know (kept as sent).
   *
   * @param queryIds the query ids
   * @param status the status AWS sent
   */
  record Unknown(List<String> queryIds, String status) implements QueryOutcome {
    /**
     * Copies.
     *
     * @param queryIds the ids
     * @param status the status
     */
    public Unknown {
      queryIds = Values.list("queryIds", queryIds, "query ids");
    }

    @Override
    public List<InsightsRow> rowsOrThrow() {
      throw new ResourceStateException("the Logs Insights query ended in status " + status, "logs:StartQuery",
          String.join(",", queryIds), null);
    }
  }
}
