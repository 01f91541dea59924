package dev.opskit.core;

import dev.opskit.core.internal.ApiQuotas;
import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Client-side rate limits: how many HTTP requests per second OpsKit sends to AWS, per account, region and
 * service, shared by every client and every derived context of one root {@link OpsContext}. Keeps a plan
 * over hundreds of resources under AWS's API rate limits instead of relying on throttling retries.
 *
 * <p>By default ({@link #DEFAULT}, {@code awsQuotas} true) the pace is AWS's own documented API request quota
 * of each action (CloudWatch's {@code PutMetricAlarm}: 3 per second, {@code DescribeAlarms}: 9) or service,
 * and it adapts: a throttling answer from AWS halves the pace, and every second without one adds a tenth of
 * the quota back (additive increase, multiplicative decrease). An action not in the quota table, and every
 * action when {@code awsQuotas} is false ({@link #perSecond}: a flat policy), gets {@code requestsPerSecond},
 * one budget for its whole service, that does not adapt. A limit set with {@link #withService} is flat too and
 * wins over the quotas (for an account whose quotas were raised, or to go slower).
 *
 * @param requestsPerSecond limit for every service and action without a quota of its own, at least 1
 * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}, zero
 *     to {@link #MAX_WAIT}
 * @param perService flat limits for particular services, keyed by the SDK's service name in lower case
 *     (for example {@code cloudwatch}, {@code rds})
 * @param awsQuotas whether actions are paced by AWS's documented quotas, adapting to throttling
 */
public record RateLimitPolicy(
    int requestsPerSecond, Duration maxWait, Map<String, Integer> perService, boolean awsQuotas) {

  /** The longest {@link #maxWait()} accepted: one day. */
  public static final Duration MAX_WAIT = Duration.ofDays(1);

  /**
   * The default: AWS's documented quota of each action, adapting to throttling; 20 requests per second for
   * services and actions without one; waiting up to 30 s for a permit.
   */
  public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(20, Duration.ofSeconds(30), Map.of(), true);

  /**
   * Validates and copies.
   *
   * @param requestsPerSecond limit for every service and action without a quota of its own, at least 1
   * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}, zero
   *     to {@link #MAX_WAIT}
   * @param perService flat limits for particular services, keyed by the SDK's service name in lower case
   *     (for example {@code cloudwatch}, {@code rds})
   * @param awsQuotas whether actions are paced by AWS's documented quotas, adapting to throttling
   */
  public RateLimitPolicy {
    if (requestsPerSecond < 1) {
      throw ValidationException.of("rateLimitPolicy.requestsPerSecond", requestsPerSecond, "at least 1");
    }
    Checks.duration("rateLimitPolicy.maxWait", maxWait, Duration.ZERO, MAX_WAIT,
        "zero or a positive duration of at most " + MAX_WAIT);
    TreeMap<String, Integer> copy = new TreeMap<>();
    Checks.present("rateLimitPolicy.perService", perService, "a map of SDK service names to limits (may be empty)")
        .forEach(
            (service, limit) -> {
              copy.put(serviceName(service), limit);
              if (limit == null || limit < 1) {
                throw ValidationException.of("rateLimitPolicy.perService." + service, limit, "at least 1");
              }
            });
    perService = Map.copyOf(copy);
  }

  /**
   * A flat policy: no quotas, no adapting.
   *
   * @param requestsPerSecond default limit for every service, at least 1
   * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}, zero
   *     to {@link #MAX_WAIT}
   * @param perService limits for particular services, keyed by the SDK's service name in lower case
   */
  public RateLimitPolicy(int requestsPerSecond, Duration maxWait, Map<String, Integer> perService) {
    this(requestsPerSecond, maxWait, perService, false);
  }

  /**
   * A flat policy with one limit for every service, that does not adapt to throttling.
   *
   * @param requestsPerSecond requests per second per account, service and region
   * @return the policy
   */
  public static RateLimitPolicy perSecond(int requestsPerSecond) {
    return new RateLimitPolicy(requestsPerSecond, DEFAULT.maxWait(), Map.of(), false);
  }

  /**
   * Returns a copy that paces by AWS's documented quotas (adapting to throttling) or not (flat).
   *
   * @param enabled whether to use the quotas
   * @return the copy
   */
  public RateLimitPolicy withAwsQuotas(boolean enabled) {
    return new RateLimitPolicy(requestsPerSecond, maxWait, perService, enabled);
  }

  /**
   * Returns a copy with a limit for one service.
   *
   * @param service the SDK service name, such as {@code cloudwatch}
   * @param limit requests per second
   * @return the copy
   */
  public RateLimitPolicy withService(String service, int limit) {
    TreeMap<String, Integer> copy = new TreeMap<>(perService);
    copy.put(serviceName(service), limit);
    return new RateLimitPolicy(requestsPerSecond, maxWait, copy, awsQuotas);
  }

  /**
   * Returns a copy with another maximum wait for a permit.
   *
   * @param wait the maximum wait, zero to {@link #MAX_WAIT}
   * @return the copy
   */
  public RateLimitPolicy withMaxWait(Duration wait) {
    return new RateLimitPolicy(requestsPerSecond, wait, perService, awsQuotas);
  }

  /**
   * The flat limit that applies to a service (its own, or the default).
   *
   * @param service the SDK service name
   * @return requests per second
   */
  public int limitFor(String service) {
    return perService.getOrDefault(serviceName(service), requestsPerSecond);
  }

  /**
   * How one action is paced.
   *
   * @param service the SDK service name, such as {@code cloudwatch}
   * @param action the API action, such as {@code PutMetricAlarm}
   * @return the pace: its budget, rate and whether it adapts to throttling
   */
  public Pace paceFor(String service, String action) {
    String name = serviceName(service);
    Checks.require(action != null && !action.isBlank(), "rateLimitPolicy.action", action,
        "an API action name, such as PutMetricAlarm");
    Integer flat = perService.get(name);
    if (flat != null) {
      return new Pace("*", flat, false);
    }
    if (awsQuotas) {
      var quota = ApiQuotas.of(name, action);
      if (quota.isPresent()) {
        return new Pace(quota.get().bucket(), quota.get().requestsPerSecond(), true);
      }
    }
    return new Pace("*", requestsPerSecond, false);
  }

  /**
   * How one action is paced.
   *
   * @param bucket the budget it draws from, shared per account, region and service: the action's name in lower
   *     case, or {@code *} for the service's one budget
   * @param requestsPerSecond the rate it starts at and never exceeds
   * @param adaptive whether AWS's throttling answers lower it (and quiet seconds raise it back)
   */
  public record Pace(String bucket, double requestsPerSecond, boolean adaptive) {}

  private static String serviceName(@Nullable String service) {
    Checks.require(service != null && !service.isBlank(), "rateLimitPolicy.perService", service,
        "an SDK service name, such as rds");
    return service.toLowerCase(Locale.ROOT);
  }
}
