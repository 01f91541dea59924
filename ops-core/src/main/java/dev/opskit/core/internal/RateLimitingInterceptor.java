package dev.opskit.core.internal;

import dev.opskit.core.RateLimitPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SelectedAuthScheme;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Takes a permit from the limiter of the call's account, region, service and quota bucket before every HTTP
 * attempt, retries included, so reads and changes share one budget; and tells that limiter, after every
 * attempt, whether AWS throttled it (a 429, or an error whose code is one of AWS's throttling codes, in
 * any protocol's shape), so that an adaptive limiter slows down and speeds up again.
 *
 * <p>The account is the one of the signing credentials when they name it, otherwise their access key id.
 */
public final class RateLimitingInterceptor implements ExecutionInterceptor {
  /** The throttling error codes of AWS's protocols (as the SDK's retry classifies them). */
  static final Set<String> THROTTLING_CODES = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "SlowDown", "TooManyRequestsException",
      "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "RequestThrottledException",
      "EC2ThrottledException", "PriorRequestNotComplete", "TransactionInProgressException");
  private static final ExecutionAttribute<PacedLimiter> LIMITER = new ExecutionAttribute<>("opskit.limiter");

  private final ConcurrentMap<String, PacedLimiter> limiters;
  /** This client's limiters by account and action (its region is fixed): the shared map's key is built once. */
  private final ConcurrentMap<Key, PacedLimiter> byAction = new java.util.concurrent.ConcurrentHashMap<>();
  private final RateLimitPolicy policy;
  private final LongSupplier nanos;

  /** Creates the interceptor, with the limiters shared by every context derived from one root. */
  RateLimitingInterceptor(ConcurrentMap<String, PacedLimiter> limiters, RateLimitPolicy policy) {
    this(limiters, policy, System::nanoTime);
  }

  RateLimitingInterceptor(ConcurrentMap<String, PacedLimiter> limiters, RateLimitPolicy policy, LongSupplier nanos) {
    this.limiters = limiters;
    this.policy = policy;
    this.nanos = nanos;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    PacedLimiter limiter = attributes.getAttribute(LIMITER);
    if (limiter == null) {
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
      String account = account(attributes);
      String regionId = region == null ? "global" : region.id();
      String s = service == null ? "unknown" : service;
      String op = operation == null ? "unknown" : operation;
      limiter = byAction.computeIfAbsent(new Key(account, regionId, s, op), k -> limiter(account, regionId, s, op));
      attributes.putAttribute(LIMITER, limiter);
    }
    long maxWait = policy.maxWait().toNanos();
    long wait = limiter.reserve(maxWait);
    if (wait < 0) {
      // Not retryable: waiting longer is exactly what the limiter just refused to do.
      throw SdkClientException.builder()
          .message("client-side rate limit of " + limiter.name() + " gave no permit in time")
          .cause(new PermitRefused(limiter.name()))
          .writableStackTrace(false)
          .build();
    }
    if (wait > 0) {
      pause(wait);
    }
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    PacedLimiter limiter = attributes.getAttribute(LIMITER);
    Optional<InputStream> body = context.responseBody();
    if (limiter == null) {
      return body;
    }
    SdkHttpResponse response = context.httpResponse();
    int status = response.statusCode();
    if (status < 400) {
      limiter.answered();
      return body;
    }
    if (status == 429 || isThrottlingCode(headerCode(response))) {
      limiter.throttled();
      return body;
    }
    if (body.isEmpty()) {
      limiter.answered();
      return body;
    }
    byte[] bytes = readBounded(body.get());
    if (isThrottlingCode(bodyCode(new String(bytes, StandardCharsets.UTF_8)))) {
      limiter.throttled();
    } else {
      limiter.answered();
    }
    return Optional.of(new ByteArrayInputStream(bytes));
  }

  /**
   * The limiter of one quota bucket.
   *
   * @param account the account (or access key id)
   * @param region the region id
   * @param service the SDK service name
   * @param operation the API action
   * @return the limiter, shared by every context of the root
   */
  PacedLimiter limiter(String account, String region, String service, String operation) {
    String s = service.toLowerCase(Locale.ROOT);
    RateLimitPolicy.Pace pace = policy.paceFor(s, operation);
    String key = account + "/" + region + "/" + s + "/" + pace.bucket() + "/" + pace.requestsPerSecond()
        + (pace.adaptive() ? "~" : "");
    return limiters.computeIfAbsent(key, k -> new PacedLimiter(k, pace.requestsPerSecond(), pace.adaptive(), nanos));
  }

  private static String account(ExecutionAttributes attributes) {
    SelectedAuthScheme<?> scheme = attributes.getAttribute(SdkInternalExecutionAttribute.SELECTED_AUTH_SCHEME);
    Object identity = scheme == null ? null : scheme.identity().getNow(null);
    if (identity instanceof AwsCredentialsIdentity credentials) {
      return credentials.accountId().orElse(credentials.accessKeyId());
    }
    return "anonymous";
  }

  private static void pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SdkClientException.builder().message("interrupted while waiting for a rate-limit permit").cause(e).build();
    }
  }

  private static boolean isThrottlingCode(@Nullable String code) {
    return code != null && THROTTLING_CODES.contains(code);
  }

  /** REST-JSON's {@code x-amzn-ErrorType} ({@code Code:uri}) or the query-compatible {@code x-amzn-query-error}. */
  private static @Nullable String headerCode(SdkHttpResponse response) {
    Optional<String> type = response.firstMatchingHeader("x-amzn-ErrorType");
    if (type.isPresent()) {
      return bare(type.get());
    }
    Optional<String> query = response.firstMatchingHeader("x-amzn-query-error");
    return query.map(q -> q.contains(";") ? q.substring(0, q.indexOf(';')) : q).orElse(null);
  }

  /** The error code of a query/REST-XML body ({@code <Code>}) or a JSON one ({@code __type} or {@code code}). */
  static @Nullable String bodyCode(String body) {
    int xml = body.indexOf("<Code>");
    if (xml >= 0) {
      int end = body.indexOf("</Code>", xml);
      return end < 0 ? null : body.substring(xml + "<Code>".length(), end).trim();
    }
    for (String key : new String[] {"\"__type\"", "\"code\"", "\"Code\""}) {
      int at = body.indexOf(key);
      if (at >= 0) {
        int open = body.indexOf('"', body.indexOf(':', at + key.length()) + 1);
        int close = open < 0 ? -1 : body.indexOf('"', open + 1);
        if (close > open) {
          return bare(body.substring(open + 1, close));
        }
      }
    }
    return null;
  }

  /** {@code aws.protocoltests#ThrottlingException:http://...} is {@code ThrottlingException}. */
  private static String bare(String code) {
    String c = code.contains("#") ? code.substring(code.lastIndexOf('#') + 1) : code;
    return (c.contains(":") ? c.substring(0, c.indexOf(':')) : c).trim();
  }

  private static byte[] readBounded(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Key(String account, String region, String service, String operation) {}

  /** Why no permit came: the cause OpsKit's error mapping recognises. */
  static final class PermitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PermitRefused(String limiter) {
      super("no permit from " + limiter + " within the maximum wait", null, false, false);
    }
  }
}
