package dev.opskit.core;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Client-side rate limits: how many HTTP requests per second OpsKit sends to one AWS service in one
 * region, shared by every client and every derived context of one root {@link OpsContext}. Keeps a
 * plan over hundreds of resources under AWS's API rate limits instead of relying on throttling retries.
 *
 * @param requestsPerSecond default limit for every service, at least 1
 * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}, zero
 *     to {@link #MAX_WAIT}
 * @param perService limits for particular services, keyed by the SDK's service name in lower case
 *     (for example {@code cloudwatch}, {@code rds})
 */
public record RateLimitPolicy(int requestsPerSecond, Duration maxWait, Map<String, Integer> perService) {

  /** The longest {@link #maxWait()} accepted: one day. */
  public static final Duration MAX_WAIT = Duration.ofDays(1);

  /** The default: 20 requests per second per service and region, waiting up to 30 s for a permit. */
  public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(20, Duration.ofSeconds(30), Map.of());

  /**
   * Validates and copies.
   *
   * @param requestsPerSecond default limit for every service, at least 1
   * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}, zero
   *     to {@link #MAX_WAIT}
   * @param perService limits for particular services, keyed by the SDK's service name in lower case
   *     (for example {@code cloudwatch}, {@code rds})
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
   * A policy with one limit for every service.
   *
   * @param requestsPerSecond requests per second per service and region
   * @return the policy
   */
  public static RateLimitPolicy perSecond(int requestsPerSecond) {
    return new RateLimitPolicy(requestsPerSecond, DEFAULT.maxWait(), Map.of());
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
    return new RateLimitPolicy(requestsPerSecond, maxWait, copy);
  }

  /**
   * Returns a copy with another maximum wait for a permit.
   *
   * @param wait the maximum wait, zero to {@link #MAX_WAIT}
   * @return the copy
   */
  public RateLimitPolicy withMaxWait(Duration wait) {
    return new RateLimitPolicy(requestsPerSecond, wait, perService);
  }

  /**
   * The limit that applies to a service.
   *
   * @param service the SDK service name
   * @return requests per second
   */
  public int limitFor(String service) {
    return perService.getOrDefault(serviceName(service), requestsPerSecond);
  }

  private static String serviceName(@Nullable String service) {
    Checks.require(service != null && !service.isBlank(), "rateLimitPolicy.perService", service,
        "an SDK service name, such as rds");
    return service.toLowerCase(Locale.ROOT);
  }
}
