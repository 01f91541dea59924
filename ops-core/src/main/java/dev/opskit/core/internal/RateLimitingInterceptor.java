package dev.opskit.core.internal;

import dev.opskit.core.RateLimitPolicy;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Takes a permit from the rate limiter of the call's service and region before every HTTP attempt,
 * retries included, so reads and changes share one budget per service and region.
 */
public final class RateLimitingInterceptor implements ExecutionInterceptor {
  private final RateLimiterRegistry registry;
  private final RateLimitPolicy policy;

  /**
   * Creates the interceptor.
   *
   * @param registry the limiters, shared by every context derived from one root
   * @param policy the limits
   */
  public RateLimitingInterceptor(RateLimiterRegistry registry, RateLimitPolicy policy) {
    this.registry = registry;
    this.policy = policy;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    String name = (service == null ? "unknown" : service.toLowerCase(Locale.ROOT));
    RateLimiter limiter = limiter(name, region == null ? "global" : region.id());
    try {
      RateLimiter.waitForPermission(limiter);
    } catch (RequestNotPermitted e) {
      // Not retryable: waiting longer is exactly what the limiter just refused to do.
      throw SdkClientException.builder()
          .message("client-side rate limit of " + limiter.getName() + " gave no permit in time")
          .cause(e)
          .writableStackTrace(false)
          .build();
    }
  }

  /**
   * The limiter of one service in one region.
   *
   * @param service the SDK service name, lower case
   * @param region the region id
   * @return the limiter
   */
  public RateLimiter limiter(String service, String region) {
    return registry.rateLimiter(
        service + "/" + region,
        () ->
            RateLimiterConfig.custom()
                .limitForPeriod(policy.limitFor(service))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(policy.maxWait())
                .build());
  }
}
