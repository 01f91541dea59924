package dev.opskit.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client-side rate limits: how many HTTP requests per second OpsKit sends to one AWS service in one
 * region, shared by every client and every derived context of one root {@link OpsContext}. Keeps a
 * plan over hundreds of resources under AWS's API rate limits instead of relying on throttling retries.
 *
 * @param requestsPerSecond default limit for every service, at least 1
 * @param maxWait how long a request may wait for a permit before failing with {@link ThrottledException}
 * @param perService limits for particular services, keyed by the SDK's service name in lower case
 *     (for example {@code cloudwatch}, {@code rds})
 */
public record RateLimitPolicy(int requestsPerSecond, Duration maxWait, Map<String, Integer> perService) {

  /** The default: 20 requests per second per service and region, waiting up to 30 s for a permit. */
  public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(20, Duration.ofSeconds(30), Map.of());

  /** Validates and copies. */
  public RateLimitPolicy {
    if (requestsPerSecond < 1) {
      throw ValidationException.of("rateLimitPolicy.requestsPerSecond", requestsPerSecond, "at least 1");
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw ValidationException.of("rateLimitPolicy.maxWait", maxWait, "zero or a positive duration");
    }
    TreeMap<String, Integer> copy = new TreeMap<>();
    perService.forEach(
        (service, limit) -> {
          if (service == null || service.isBlank()) {
            throw ValidationException.of("rateLimitPolicy.perService", service, "an SDK service name, such as rds");
          }
          if (limit == null || limit < 1) {
            throw ValidationException.of("rateLimitPolicy.perService." + service, limit, "at least 1");
          }
          copy.put(service.toLowerCase(Locale.ROOT), limit);
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
    if (service == null || service.isBlank()) {
      throw ValidationException.of("rateLimitPolicy.perService", service, "an SDK service name, such as rds");
    }
    TreeMap<String, Integer> copy = new TreeMap<>(perService);
    copy.put(service.toLowerCase(Locale.ROOT), limit);
    return new RateLimitPolicy(requestsPerSecond, maxWait, copy);
  }

  /**
   * Returns a copy with another maximum wait for a permit.
   *
   * @param wait the maximum wait
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
    return perService.getOrDefault(service.toLowerCase(Locale.ROOT), requestsPerSecond);
  }
}
