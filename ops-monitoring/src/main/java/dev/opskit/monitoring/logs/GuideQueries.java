package dev.opskit.monitoring.logs;

import dev.opskit.core.ResourceStateException;
import java.time.Instant;

/**
 * The guide's three "Log Analysis Queries", each with a typed row:
 *
 * <pre>{@code
 * List<GuideQueries.CountPerBin> errors = logs.insights().run(GuideQueries.ERROR_PATTERNS, range, "/aws/ecs/api-service");
 * }</pre>
 */
public final class GuideQueries {
  private GuideQueries() {}

  /**
   * How many events fell into one time bin.
   *
   * @param bin the start of the bin
   * @param count the events
   */
  public record CountPerBin(Instant bin, long count) {}

  /**
   * Response times of one 5-minute bin (the Lambda {@code REPORT} lines' {@code @duration}, milliseconds).
   *
   * @param bin the start of the bin
   * @param average the average duration
   * @param maximum the longest
   * @param minimum the shortest
   */
  public record ResponseTimes(Instant bin, double average, double maximum, double minimum) {}

  /** Error patterns: events whose message contains {@code ERROR}, counted per 5 minutes. */
  public static final NamedQuery<CountPerBin> ERROR_PATTERNS = new NamedQuery<>("error-patterns",
      "Find error patterns: events whose message matches /ERROR/, counted per 5 minutes",
      "fields @timestamp, @message\n| filter @message like /ERROR/\n| stats count() by bin(5m)",
      row -> new CountPerBin(time(row, "bin(5m)"), (long) number(row, "count()")));

  /** API response times: Lambda {@code REPORT} lines' average, longest and shortest duration per 5 minutes. */
  public static final NamedQuery<ResponseTimes> API_RESPONSE_TIMES = new NamedQuery<>("api-response-times",
      "Monitor API response times: average, maximum and minimum @duration of REPORT lines per 5 minutes",
      "fields @timestamp, @duration\n| filter @type = \"REPORT\"\n"
          + "| stats avg(@duration), max(@duration), min(@duration) by bin(5m)",
      row -> new ResponseTimes(time(row, "bin(5m)"), number(row, "avg(@duration)"), number(row, "max(@duration)"),
          number(row, "min(@duration)")));

  /** Database connection analysis: events whose message contains {@code connection}, counted per hour. */
  public static final NamedQuery<CountPerBin> DATABASE_CONNECTIONS = new NamedQuery<>("database-connections",
      "Database connection analysis: events whose message matches /connection/, counted per hour",
      "fields @timestamp, @message\n| filter @message like /connection/\n| stats count() by bin(1h)",
      row -> new CountPerBin(time(row, "bin(1h)"), (long) number(row, "count()")));

  private static Instant time(InsightsRow row, String field) {
    return row.time(field).orElseThrow(() -> missing(row, field, "a time"));
  }

  private static double number(InsightsRow row, String field) {
    return row.number(field).orElseThrow(() -> missing(row, field, "a number"));
  }

  private static ResourceStateException missing(InsightsRow row, String field, String what) {
    return new ResourceStateException("a result row has no " + field + " as " + what + " (fields "
        + row.fields().keySet() + ")", "logs:GetQueryResults", field, null);
  }
}
