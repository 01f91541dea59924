package dev.opskit.core.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's documented default API request quotas (requests per second, per account and region), by SDK
 * service name and API action. What the default {@link dev.opskit.core.RateLimitPolicy} paces by.
 *
 * <p>A quota is either an action's own (CloudWatch's {@code PutMetricAlarm}: 3 per second) or one budget
 * the whole service shares. The values are the defaults of the pages named in {@link #SOURCES} as OpsKit
 * recorded them; an account whose quota was raised sets its own limit with
 * {@link dev.opskit.core.RateLimitPolicy#withService}. An action or service not in the table has no documented
 * rate: it is paced by the policy's {@code requestsPerSecond}, one budget for the whole service.
 */
public final class ApiQuotas {

  /** Where the figures come from, by SDK service name. */
  public static final Map<String, String> SOURCES = Map.of(
      "cloudwatch", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html",
      "cloudwatchlogs", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html",
      "dynamodb", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html",
      "costexplorer", "https://docs.aws.amazon.com/cost-management/latest/userguide/ce-api.html");

  /**
   * One quota.
   *
   * @param bucket the name of the budget it draws from: the action, or {@code *} when the service shares one
   * @param requestsPerSecond the sustained rate
   */
  public record Quota(String bucket, double requestsPerSecond) {}

  /** Per action. */
  private static final Map<String, Map<String, Double>> ACTIONS = Map.of(
      "cloudwatch", Map.ofEntries(
          Map.entry("putmetricalarm", 3.0),
          Map.entry("putcompositealarm", 3.0),
          Map.entry("deletealarms", 3.0),
          Map.entry("describealarms", 9.0),
          Map.entry("describealarmsformetric", 9.0),
          Map.entry("describealarmhistory", 3.0),
          Map.entry("disablealarmactions", 3.0),
          Map.entry("enablealarmactions", 3.0),
          Map.entry("setalarmstate", 3.0),
          Map.entry("getdashboard", 10.0),
          Map.entry("listdashboards", 10.0),
          Map.entry("putdashboard", 10.0),
          Map.entry("deletedashboards", 10.0),
          Map.entry("getmetricdata", 50.0),
          Map.entry("getmetricstatistics", 400.0),
          Map.entry("listmetrics", 25.0),
          Map.entry("putmetricdata", 500.0)),
      "cloudwatchlogs", Map.ofEntries(
          Map.entry("createloggroup", 10.0),
          Map.entry("deleteloggroup", 10.0),
          Map.entry("describeloggroups", 10.0),
          Map.entry("createlogstream", 50.0),
          Map.entry("describelogstreams", 25.0),
          Map.entry("filterlogevents", 10.0),
          Map.entry("getlogevents", 25.0),
          Map.entry("putlogevents", 800.0)),
      "costexplorer", Map.of(
          "getcostandusage", 5.0,
          "getcostforecast", 5.0,
          "getdimensionvalues", 5.0));

  /** One budget for the whole service. */
  private static final Map<String, Double> SERVICES = Map.of(
      "dynamodb", 2500.0);

  private ApiQuotas() {}

  /**
   * The documented quota of one action.
   *
   * @param service the SDK service name (any case)
   * @param action the API action (any case)
   * @return the quota, or empty when AWS documents none for it
   */
  public static Optional<Quota> of(String service, String action) {
    String s = service.toLowerCase(Locale.ROOT);
    Double perAction = ACTIONS.getOrDefault(s, Map.of()).get(action.toLowerCase(Locale.ROOT));
    if (perAction != null) {
      return Optional.of(new Quota(action.toLowerCase(Locale.ROOT), perAction));
    }
    Double shared = SERVICES.get(s);
    return shared == null ? Optional.empty() : Optional.of(new Quota("*", shared));
  }
}
