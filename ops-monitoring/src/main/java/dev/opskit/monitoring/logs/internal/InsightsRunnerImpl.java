package dev.opskit.monitoring.logs.internal;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.AwsErrors;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.LogGroupName;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.monitoring.logs.InsightsQuery;
import dev.opskit.monitoring.logs.InsightsRow;
import dev.opskit.monitoring.logs.InsightsRunner;
import dev.opskit.monitoring.logs.InsightsSettings;
import dev.opskit.monitoring.logs.QueryOutcome;
import dev.opskit.monitoring.logs.QueryStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;

/** {@link InsightsRunner} on a CloudWatch Logs client. */
public final class InsightsRunnerImpl implements InsightsRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InsightsRunnerImpl.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final OpsContext ctx;
  private final CloudWatchLogsClient logs;
  private final InsightsCalls calls;
  private final InsightsSettings settings;
  private final QuerySlots slots;

  /**
   * Binds to a client.
   *
   * @param ctx the context (clock, sleeper, progress, default timeout, concurrency slots)
   * @param logs the client
   * @param settings the settings
   */
  public InsightsRunnerImpl(OpsContext ctx, CloudWatchLogsClient logs, InsightsSettings settings) {
    this.ctx = ctx;
    this.logs = logs;
    this.calls = InsightsCalls.of(logs);
    this.settings = Checks.present("settings", settings, "Logs Insights settings");
    this.slots = QuerySlots.of(ctx, settings.maxConcurrentQueries());
  }

  @Override
  public QueryOutcome run(InsightsQuery query) {
    Checks.present("query", query, "a Logs Insights query");
    Duration timeout = Objects.requireNonNullElse(settings.timeout(), ctx.defaultWaitTimeout());
    Instant deadline = ctx.clock().instant().plus(timeout);
    SecondRange range = new SecondRange(query.range().start().getEpochSecond(), query.range().end().getEpochSecond());
    return runRange(query, range, deadline, timeout);
  }

  private QueryOutcome runRange(InsightsQuery query, SecondRange range, Instant deadline, Duration timeout) {
    QueryOutcome window = runWindow(query, range, deadline, timeout);
    if (!(window instanceof QueryOutcome.Complete complete) || !settings.splitOnRowLimit() || query.limit() != null
        || complete.rows().size() < ROW_LIMIT) {
      return window;
    }
    if (range.isSingleSecond()) {
      throw new ResourceStateException("the second " + Instant.ofEpochSecond(range.from()) + " alone holds "
          + ROW_LIMIT + " or more matching rows, the most one Logs Insights result returns, so not every row can be"
          + " fetched by splitting the time range: narrow the query (filter, or stats instead of rows)",
          "logs:GetQueryResults", String.join(",", complete.queryIds()), null);
    }
    LOG.debug("splitting Logs Insights window from={} to={} rows={}", range.from(), range.to(), complete.rows().size());
    List<String> ids = new ArrayList<>(complete.queryIds());
    List<InsightsRow> rows = new ArrayList<>();
    QueryStatistics stats = complete.statistics();
    int windows = 0;
    for (SecondRange half : range.halves()) {
      QueryOutcome part = runRange(query, half, deadline, timeout);
      List<String> all = new ArrayList<>(ids);
      all.addAll(part.queryIds());
      if (!(part instanceof QueryOutcome.Complete done)) {
        return withIds(part, all);
      }
      ids = all;
      rows.addAll(done.rows());
      stats = stats.plus(done.statistics());
      windows += done.windows();
    }
    return new QueryOutcome.Complete(ids, rows, stats, windows);
  }

  private static QueryOutcome withIds(QueryOutcome outcome, List<String> ids) {
    if (outcome instanceof QueryOutcome.Complete c) {
      return new QueryOutcome.Complete(ids, c.rows(), c.statistics(), c.windows());
    }
    if (outcome instanceof QueryOutcome.Failed f) {
      return new QueryOutcome.Failed(ids, f.reason());
    }
    if (outcome instanceof QueryOutcome.Cancelled) {
      return new QueryOutcome.Cancelled(ids);
    }
    if (outcome instanceof QueryOutcome.TimedOut t) {
      return new QueryOutcome.TimedOut(ids, t.byAws(), t.reason());
    }
    return new QueryOutcome.Unknown(ids, ((QueryOutcome.Unknown) outcome).status());
  }

  private QueryOutcome runWindow(InsightsQuery query, SecondRange range, Instant deadline, Duration timeout) {
    boolean slot;
    try {
      slot = slots.acquire(left(deadline));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationTimeoutException("interrupted while waiting for a free Logs Insights query slot",
          "logs:StartQuery", target(query), e);
    }
    if (!slot) {
      return new QueryOutcome.TimedOut(List.of(), false, "no Logs Insights query slot of this context came free"
          + " within the timeout " + timeout + " (" + settings.maxConcurrentQueries() + " queries at once)");
    }
    try {
      String queryId = start(query, range, deadline, timeout);
      try {
        return await(queryId, deadline, timeout);
      } catch (RuntimeException e) {
        stop(queryId);
        throw e;
      }
    } finally {
      slots.release();
    }
  }

  private String start(InsightsQuery query, SecondRange range, Instant deadline, Duration timeout) {
    StartQueryRequest.Builder b = StartQueryRequest.builder()
        .logGroupNames(query.logGroups().stream().map(LogGroupName::value).toList())
        .startTime(range.from()).endTime(range.to()).queryString(query.queryString());
    if (query.limit() != null) {
      b.limit(query.limit());
    }
    StartQueryRequest request = b.build();
    String target = target(query);
    Duration pause = FIRST_BACKOFF;
    int refusals = 0;
    while (true) {
      LimitExceededException[] refused = new LimitExceededException[1];
      Optional<String> id = Reads.read("logs:StartQuery", target, () -> {
        try {
          return Optional.of(calls.start().apply(request).queryId());
        } catch (LimitExceededException e) {
          refused[0] = e;
          return Optional.empty();
        }
      });
      if (id.isPresent()) {
        return id.get();
      }
      refusals++;
      Duration left = left(deadline);
      if (left.compareTo(pause) < 0) {
        OpsException cause = AwsErrors.map(refused[0], "logs:StartQuery", target, Redaction.none());
        throw new ThrottledException("Logs Insights answered LimitExceededException (too many concurrent queries"
            + " in the account) " + refusals + " times; no query could start within the timeout " + timeout,
            "logs:StartQuery", target, cause);
      }
      LOG.debug("Logs Insights limit exceeded, backing off target={} pause={} refusals={}", target, pause, refusals);
      ctx.sleeper().sleep(pause);
      pause = pause.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause.multipliedBy(2);
    }
  }

  private QueryOutcome await(String queryId, Instant deadline, Duration timeout) {
    Duration left = left(deadline);
    if (left.isZero()) {
      return stopped(queryId, timeout);
    }
    GetQueryResultsRequest request = GetQueryResultsRequest.builder().queryId(queryId).build();
    WaitOutcome<GetQueryResultsResponse> outcome = ctx.poller("logs:wait-query", queryId)
        .timeout(left).interval(settings.pollInterval()).maxInterval(settings.maxPollInterval())
        .await(() -> {
          GetQueryResultsResponse r = logs.getQueryResults(request);
          QueryStatus s = r.status();
          return s == QueryStatus.SCHEDULED || s == QueryStatus.RUNNING
              ? PollResult.pending(r.statusAsString()) : PollResult.done(r, String.valueOf(r.statusAsString()));
        });
    if (outcome instanceof WaitOutcome.Done<GetQueryResultsResponse> done) {
      return outcome(queryId, done.value());
    }
    if (outcome instanceof WaitOutcome.Failed<GetQueryResultsResponse> failed) {
      return new QueryOutcome.Failed(List.of(queryId), failed.reason());
    }
    return stopped(queryId, timeout);
  }

  private QueryOutcome stopped(String queryId, Duration timeout) {
    String stop = stop(queryId) ? "StopQuery sent" : "StopQuery failed, the query may run on until AWS ends it";
    return new QueryOutcome.TimedOut(List.of(queryId), false,
        "the Logs Insights query did not finish within the timeout " + timeout + "; " + stop);
  }

  private boolean stop(String queryId) {
    try {
      Reads.read("logs:StopQuery", queryId, () -> calls.stop().apply(StopQueryRequest.builder().queryId(queryId).build()));
      return true;
    } catch (OpsException e) {
      LOG.debug("StopQuery failed queryId={}: {}", queryId, e.getMessage());
      return false;
    }
  }

  private static QueryOutcome outcome(String queryId, GetQueryResultsResponse r) {
    List<String> ids = List.of(queryId);
    QueryStatus status = r.status();
    if (status == null) {
      return new QueryOutcome.Unknown(ids, "(none)");
    }
    return switch (status) {
      case COMPLETE -> new QueryOutcome.Complete(ids, rows(r), statistics(r), 1);
      case FAILED -> new QueryOutcome.Failed(ids, "Logs Insights reported status Failed");
      case CANCELLED -> new QueryOutcome.Cancelled(ids);
      case TIMEOUT -> new QueryOutcome.TimedOut(ids, true,
          "Logs Insights ended the query at its own time limit (status Timeout, 60 minutes)");
      default -> new QueryOutcome.Unknown(ids, String.valueOf(r.statusAsString()));
    };
  }

  private static List<InsightsRow> rows(GetQueryResultsResponse r) {
    List<InsightsRow> out = new ArrayList<>(r.results().size());
    for (List<ResultField> fields : r.results()) {
      Map<String, String> raw = new LinkedHashMap<>();
      for (ResultField f : fields) {
        if (f.field() != null) {
          raw.put(f.field(), Objects.requireNonNullElse(f.value(), ""));
        }
      }
      out.add(RowParser.row(raw));
    }
    return out;
  }

  private static QueryStatistics statistics(GetQueryResultsResponse r) {
    if (r.statistics() == null) {
      return QueryStatistics.NONE;
    }
    return new QueryStatistics(zero(r.statistics().recordsMatched()), zero(r.statistics().recordsScanned()),
        zero(r.statistics().bytesScanned()));
  }

  private static double zero(@Nullable Double d) {
    return d == null ? 0 : d;
  }

  private Duration left(Instant deadline) {
    Duration left = Duration.between(ctx.clock().instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String target(InsightsQuery query) {
    return query.logGroups().size() == 1 ? query.logGroups().get(0).value()
        : query.logGroups().get(0).value() + " and " + (query.logGroups().size() - 1) + " more";
  }
}
