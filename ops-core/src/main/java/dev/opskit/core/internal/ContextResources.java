package dev.opskit.core.internal;

import dev.opskit.core.Breaker;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What a context owns (its SDK clients, an assumed-role credentials provider) and what it shares with
 * the contexts derived from the same root (the HTTP client, rate limiters, circuit breakers).
 */
public final class ContextResources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContextResources.class);

  private final Shared shared;
  private final ConcurrentMap<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
  private final @Nullable AutoCloseable owned;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable Reference<Object> handle;

  private ContextResources(Shared shared, @Nullable AutoCloseable owned) {
    this.shared = shared;
    this.owned = owned;
  }

  /**
   * Resources of a root context.
   *
   * @param httpClient an HTTP client the caller owns, or null to make (and later close) one
   * @param owned something else the root context made and must close (such as the default credentials
   *     provider), or null
   * @return the resources
   */
  public static ContextResources root(@Nullable SdkHttpClient httpClient, @Nullable AutoCloseable owned) {
    boolean owns = httpClient == null;
    SdkHttpClient http =
        httpClient != null
            ? httpClient
            : ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                // The trust store is read on the first TLS handshake, not here (a short process's start).
                .tlsTrustManagersProvider(DeferredTrustManager::trustManagers)
                .build();
    ContextResources root = new ContextResources(new Shared(http, owns), owned);
    root.shared.root = root;
    return root;
  }

  /**
   * Resources of a context derived from this one's root.
   *
   * @param owned something the derived context made and must close, or null
   * @return the resources
   */
  public ContextResources derive(@Nullable AutoCloseable owned) {
    requireOpen();
    expungeDropped();
    ContextResources child = new ContextResources(shared, owned);
    // Held strongly (the map's value is the key's referent) until attach ties it to its context.
    child.handle = new WeakReference<>(child, shared.dropped);
    shared.children.put(child.handle, child);
    closeIfRootClosed(child);
    return child;
  }

  private void closeIfRootClosed(ContextResources child) {
    // The root may have closed meanwhile, without seeing the new child: close it here, then.
    ContextResources root = shared.root;
    if (closed.get() || (root != null && root.closed.get())) {
      child.close();
      throw closedError();
    }
  }

  /**
   * Ties derived resources to the context that uses them. The root holds that context only weakly: a
   * derived context the caller drops is not kept alive by its root (its clients are closed the next time
   * the tree derives or closes), while closing the root still closes every live one.
   *
   * @param context the derived context
   * @throws dev.opskit.core.ResourceStateException when the root closed meanwhile (these resources are then closed)
   */
  public void attach(Object context) {
    Reference<Object> ref = new WeakReference<>(context, shared.dropped);
    Reference<Object> before = handle;
    this.handle = ref;
    shared.children.put(ref, this);
    if (before != null) {
      shared.children.remove(before);
    }
    closeIfRootClosed(this);
  }

  /** Closes the resources of derived contexts that are no longer reachable. */
  private void expungeDropped() {
    for (Reference<?> ref = shared.dropped.poll(); ref != null; ref = shared.dropped.poll()) {
      ContextResources child = shared.children.remove(ref);
      if (child != null) {
        child.close();
      }
    }
  }

  /** {@return whether these resources are closed} */
  public boolean isClosed() {
    ContextResources root = shared.root;
    return closed.get() || (root != null && root.closed.get());
  }

  /** {@return how many derived contexts the root still holds (for tests of the weak hold)} */
  public int liveDerived() {
    expungeDropped();
    return shared.children.size();
  }

  /**
   * The cached client of a type, made by {@code factory} on first use.
   *
   * @param type the client interface
   * @param factory makes the client
   * @param <C> the client type
   * @return the client
   */
  public <C extends SdkClient> C client(Class<C> type, Supplier<C> factory) {
    SdkClient cached = clients.get(type);
    if (cached != null && !closed.get()) {
      return type.cast(cached);
    }
    // Made and closed under one lock: a client made while the context closes is never left open.
    synchronized (this) {
      requireOpen();
      SdkClient client = clients.get(type);
      if (client == null) {
        client = factory.get();
        clients.put(type, client);
      }
      return type.cast(client);
    }
  }

  /**
   * Applies the shared HTTP client, the retry strategy and the rate-limiting interceptor to a builder.
   *
   * @param builder the SDK builder
   * @param retry the retry budget
   * @param limits the rate limits
   * @param <B> the builder type
   * @param <C> the client type
   */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> void configure(
      B builder, RetryPolicy retry, RateLimitPolicy limits) {
    builder.httpClient(shared.http);
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder()
            .retryStrategy(retryStrategy(retry))
            .apiCallTimeout(retry.apiCallTimeout())
            .apiCallAttemptTimeout(retry.apiCallAttemptTimeout())
            // Order matters: an attempt refused a permit is not sent, so it is not traced as an attempt.
            .addExecutionInterceptor(new RateLimitingInterceptor(shared.limiters, limits))
            .addExecutionInterceptor(new AttemptTrace.Interceptor())
            .build());
  }

  /**
   * The SDK retry strategy of a budget: AWS's standard strategy, at most {@code maxAttempts} HTTP
   * attempts, exponential backoff with jitter, and no retry-token bucket, so the number of attempts is
   * exactly bounded by the budget (the rate limiters keep the load in check instead).
   *
   * @param retry the budget
   * @return the strategy
   */
  public static RetryStrategy retryStrategy(RetryPolicy retry) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxBackoff());
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(retry.maxAttempts())
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * Assumed-role credentials made with an STS client of the given context.
   *
   * @param parent the context whose credentials assume the role
   * @param roleArn the role
   * @param sessionName the session name
   * @return the provider (owned by the derived context)
   */
  public AwsCredentialsProvider assumeRole(OpsContext parent, String roleArn, String sessionName) {
    try {
      StsClient sts = parent.client(StsClient.class, StsClient::builder);
      return StsRoles.assumeRole(sts, roleArn, sessionName);
    } catch (NoClassDefFoundError e) {
      throw ValidationException.of(
          "assumeRole", roleArn, "only with software.amazon.awssdk:sts on the class path (add it as a dependency)");
    }
  }

  /**
   * A module's state, one instance for the whole context tree, made on first use.
   *
   * @param type the state's class, its key
   * @param create makes the instance
   * @param <T> the state type
   * @return the tree's instance
   */
  public <T> T shared(Class<T> type, Supplier<? extends T> create) {
    Object state = shared.states.computeIfAbsent(type, t -> {
      T made = create.get();
      if (!type.isInstance(made)) {
        throw ValidationException.of("shared(" + type.getName() + ")", made, "an instance of " + type.getName());
      }
      return made;
    });
    return type.cast(state);
  }

  /**
   * The breaker of a name, shared by the whole context tree.
   *
   * @param name the name
   * @return the breaker
   */
  public Breaker breaker(String name) {
    CircuitBreaker cb = shared.breakers.circuitBreaker(name);
    return new Breaker() {
      @Override
      public <T> T call(Supplier<T> action) {
        try {
          return cb.executeSupplier(action);
        } catch (CallNotPermittedException e) {
          throw new ResourceStateException(
              "circuit breaker is open after repeated failures; the action was not run. It lets a trial call through"
                  + " after " + cb.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms.",
              "opskit:breaker", name, e);
        }
      }

      @Override
      public boolean isOpen() {
        return cb.getState() == CircuitBreaker.State.OPEN || cb.getState() == CircuitBreaker.State.FORCED_OPEN;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  private void requireOpen() {
    if (closed.get()) {
      throw closedError();
    }
  }

  private static ResourceStateException closedError() {
    return new ResourceStateException("the context is closed; build a new one", "opskit:context", null, null);
  }

  /**
   * Closes the clients this context made, what it owns, and, for the root, every derived context and
   * the HTTP client it made. Idempotent and safe to call while other threads use the context.
   */
  @Override
  public void close() {
    List<Throwable> failures = new ArrayList<>();
    synchronized (this) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      clients.values().forEach(c -> closeQuietly(c, failures));
      clients.clear();
    }
    if (owned != null) {
      closeQuietly(owned, failures);
    }
    if (shared.root == this) {
      shared.children.values().forEach(ContextResources::close);
      shared.children.clear();
      if (shared.ownsHttp) {
        closeQuietly(shared.http, failures);
      }
    } else if (handle != null) {
      shared.children.remove(handle);
    }
    failures.forEach(f -> LOG.debug("closing OpsContext resource failed: {}", f.toString()));
  }

  private static void closeQuietly(AutoCloseable c, List<Throwable> failures) {
    try {
      c.close();
    } catch (Exception e) {
      failures.add(e);
    }
  }

  private static final class Shared {
    final SdkHttpClient http;
    final boolean ownsHttp;
    final ConcurrentMap<String, PacedLimiter> limiters = new ConcurrentHashMap<>();
    final CircuitBreakerRegistry breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .build());
    final Map<Reference<Object>, ContextResources> children = new ConcurrentHashMap<>();
    final ConcurrentMap<Class<?>, Object> states = new ConcurrentHashMap<>();
    final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
    @Nullable ContextResources root;

    Shared(SdkHttpClient http, boolean ownsHttp) {
      this.http = http;
      this.ownsHttp = ownsHttp;
    }
  }
}
