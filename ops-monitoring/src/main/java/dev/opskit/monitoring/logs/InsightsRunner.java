package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.metrics.TimeRange;
import java.util.List;

/**
 * Runs Logs Insights queries to the end: StartQuery (waiting for a free slot of the context's concurrency limit,
 * and backing off while AWS answers {@code LimitExceededException}), GetQueryResults polled with backoff until a
 * terminal state, rows parsed. A window that returns the 10,000-row limit is split in two halves, recursively,
 * until every row is fetched; a single second with more rows than the limit is refused with a
 * {@link dev.opskit.core.ResourceStateException} saying so. When the run's timeout passes, or the thread is
 * interrupted, the running query is stopped (StopQuery).
 *
 * <p>Splitting is meant for queries that return events ({@code fields}, {@code filter}, {@code sort}): the
 * halves' rows are concatenated, earlier window first. A {@code stats} query whose result reaches the row limit
 * is split too, and its aggregates are then per window. A query given a {@link InsightsQuery#limit()} is never
 * split (its limit is the caller's); a {@code | limit} inside the query text is not recognised.
 *
 * <p>StartQuery and StopQuery change no AWS resource, so they are reads here: they are not audited and run in a
 * dry run too.
 */
public interface InsightsRunner {

  /** The most rows one GetQueryResults returns with this SDK (the runner splits past it). */
  int ROW_LIMIT = 10_000;

  /**
   * Runs a query.
   *
   * @param query the query
   * @return its typed outcome
   * @throws dev.opskit.core.ResourceStateException when one second holds more rows than the limit
   * @throws dev.opskit.core.ThrottledException when AWS still refuses to start the query at the timeout
   */
  QueryOutcome run(InsightsQuery query);

  /**
   * Runs a named query and maps its rows.
   *
   * @param query the named query, such as {@link GuideQueries#ERROR_PATTERNS}
   * @param range the time range
   * @param logGroupNames 1 to 50 log groups
   * @param <R> the typed row
   * @return the typed rows
   * @throws dev.opskit.core.ValidationException for bad input, before any call
   * @throws dev.opskit.core.ResourceStateException when the query does not complete
   * @throws dev.opskit.core.OperationTimeoutException when it times out
   */
  default <R> List<R> run(NamedQuery<R> query, TimeRange range, String... logGroupNames) {
    Checks.present("query", query, "a named query");
    return run(InsightsQuery.of(query.queryString(), range, logGroupNames)).rowsOrThrow().stream()
        .map(query.rowType()).toList();
  }
}
