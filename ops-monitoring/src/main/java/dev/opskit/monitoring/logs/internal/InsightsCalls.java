package dev.opskit.monitoring.logs.internal;

import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;

/**
 * StartQuery and StopQuery, held as method references. They change no AWS resource (a Logs Insights query is
 * a read that runs for a while), so they are reads, not gate changes: not audited, and run in a dry run too.
 * The one-door rule recognises mutating SDK calls by name ({@code start*}, {@code stop*}); these two are the
 * reads it cannot tell apart, and this class is the one place that calls them.
 *
 * @param start StartQuery
 * @param stop StopQuery
 */
record InsightsCalls(
    Function<StartQueryRequest, StartQueryResponse> start, Function<StopQueryRequest, StopQueryResponse> stop) {

  static InsightsCalls of(CloudWatchLogsClient logs) {
    return new InsightsCalls(logs::startQuery, logs::stopQuery);
  }
}
