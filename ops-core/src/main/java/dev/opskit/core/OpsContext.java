package dev.opskit.core;

import dev.opskit.core.audit.AuditSink;
import dev.opskit.core.audit.AuditSinks;
import dev.opskit.core.change.Gate;
import dev.opskit.core.internal.ContextResources;
import dev.opskit.core.internal.GateImpl;
import dev.opskit.core.waiting.Poller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an OpsKit operation needs to talk to AWS: region, credentials, endpoint, the shared HTTP
 * client, retry and rate-limit policy, clock, dry-run flag, audit sink, progress listener, default tags
 * and wait timeout. Immutable and thread-safe; build one per application (or per tool run) and close it
 * at the end.
 *
 * <pre>{@code
 * try (OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1).build()) {
 *   RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
 *   ...
 * }
 * }</pre>
 *
 * <p>SDK clients are made on demand through the SDK's own builders and cached per context, so ops-core
 * needs no service module. Every client shares the context's HTTP client, the retry budget of
 * {@link RetryPolicy} and the rate limiters of {@link RateLimitPolicy}.
 *
 * <p>Derived contexts ({@link #forRegion}, {@link #withDryRun}, {@link #assumeRole}) share the HTTP
 * client and rate limiters of the context they come from. Closing a context closes only what it
 * created: its SDK clients, and, for the root context, the contexts derived from it and the HTTP client
 * if it made it. An HTTP client, credentials provider or audit sink passed in is never closed.
 */
public final class OpsContext implements AutoCloseable {
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final @Nullable URI endpoint;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean dryRun;
  private final AuditSink auditSink;
  private final ProgressListener progressListener;
  private final RetryPolicy retryPolicy;
  private final RateLimitPolicy rateLimitPolicy;
  private final Map<String, String> defaultTags;
  private final Duration defaultWaitTimeout;
  private final ContextResources resources;
  private final Gate gate;
  private final List<ClientSettings<?>> clientSettings;

  private OpsContext(Builder b, ContextResources resources) {
    // Builder.validate() ran first: it rejects a missing region and fills in the default credentials.
    this.region = Objects.requireNonNull(b.region, "region");
    this.credentials = Objects.requireNonNull(b.credentials, "credentials");
    this.endpoint = b.endpoint;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.dryRun = b.dryRun;
    this.auditSink = b.auditSink;
    this.progressListener = b.progressListener;
    this.retryPolicy = b.retryPolicy;
    this.rateLimitPolicy = b.rateLimitPolicy;
    this.defaultTags = Map.copyOf(b.defaultTags);
    this.defaultWaitTimeout = b.defaultWaitTimeout;
    this.resources = resources;
    this.clientSettings = List.copyOf(b.clientSettings);
    this.gate = new GateImpl(dryRun, clock, sleeper, auditSink, retryPolicy, resources::isClosed);
  }

  /**
   * Starts building a context. Only the region is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An SDK client of this context, made on first use and cached. The client uses the context's region,
   * credentials, endpoint override, shared HTTP client, retry strategy and rate limiters.
   *
   * @param type the client interface, such as {@code RdsClient.class}
   * @param builder the SDK's builder factory, such as {@code RdsClient::builder}
   * @param <C> the client type
   * @param <B> the builder type
   * @return the client; do not close it, the context does
   */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
      Class<C> type, Supplier<B> builder) {
    if (type == null || builder == null) {
      throw ValidationException.of("client", type, "a client interface and its SDK builder, such as"
          + " client(RdsClient.class, RdsClient::builder)");
    }
    return resources.client(type, () -> {
      B b = builder.get();
      b.region(region).credentialsProvider(credentials);
      if (endpoint != null) {
        b.endpointOverride(endpoint);
        ClientSettings.pathStyleForEmulators(b);
      }
      resources.configure(b, retryPolicy, rateLimitPolicy);
      clientSettings.forEach(settings -> settings.applyTo(b));
      return b.build();
    });
  }

  /** {@return the one door for changes: every mutating call goes through it} */
  public Gate gate() {
    return gate;
  }

  /**
   * A poller bound to this context's clock, sleeper, progress listener and default wait timeout.
   *
   * @param operation what is waited for, such as {@code rds:wait-snapshot-available}
   * @param target the resource
   * @return a poller builder; adjust and call {@code await}
   */
  public Poller.Builder poller(String operation, String target) {
    return Poller.builder(operation, target)
        .timeout(defaultWaitTimeout)
        .clock(clock)
        .sleeper(sleeper)
        .listener(progressListener);
  }

  /**
   * A circuit breaker for a remediation loop: after repeated failures it stops calling for a while.
   * Breakers are shared by name across every context derived from one root.
   *
   * @param name the loop's name
   * @return the breaker
   */
  public Breaker breaker(String name) {
    if (name == null || name.isBlank()) {
      throw ValidationException.of("breaker.name", name, "a non-blank name");
    }
    return resources.breaker(name);
  }

  /**
   * State a module keeps once per context tree: this context, the root it was derived from and every context
   * derived from that root ({@link #withDryRun}, another region, an assumed role) see the same instance. It is
   * made by {@code create} on first use and lives as long as the root context; the key is the state's class, so
   * each module keeps its own (a run's request budget, a concurrency limit). Keep the state thread-safe: the
   * contexts of a tree may be used by several threads.
   *
   * @param type the state's class, its key
   * @param create makes the state on first use
   * @param <T> the state type
   * @return the tree's instance
   * @throws ValidationException when {@code type} or {@code create} is null, or {@code create} returns null or
   *     an instance of another class
   */
  public <T> T shared(Class<T> type, Supplier<? extends T> create) {
    if (type == null || create == null) {
      throw ValidationException.of("shared", type, "a state class and a function that makes its instance");
    }
    return resources.shared(type, create);
  }

  /**
   * A context like this one in another region, sharing the HTTP client and rate limiters.
   *
   * @param other the region
   * @return the derived context
   */
  public OpsContext forRegion(Region other) {
    required(other, "region");
    return derive(toBuilder().region(other), null);
  }

  /**
   * A context like this one with dry-run on or off.
   *
   * @param on true for a dry run
   * @return the derived context
   */
  public OpsContext withDryRun(boolean on) {
    return derive(toBuilder().dryRun(on), null);
  }

  /**
   * A context that acts as an IAM role (through STS {@code AssumeRole}, refreshed before expiry), for
   * work in another account. Needs {@code software.amazon.awssdk:sts} on the class path.
   *
   * @param roleArn the role, such as {@code arn:aws:iam::123456789012:role/ops}
   * @param sessionName the session name CloudTrail shows, 2 to 64 of {@code [\w+=,.@-]}
   * @return the derived context
   */
  public OpsContext assumeRole(String roleArn, String sessionName) {
    if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches() || !isIamRole(roleArn)) {
      throw ValidationException.of("roleArn", roleArn, "an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>");
    }
    if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
      throw ValidationException.of("sessionName", sessionName, "2 to 64 characters of letters, digits and +=,.@_-");
    }
    AwsCredentialsProvider assumed = resources.assumeRole(this, roleArn, sessionName);
    return derive(toBuilder().credentialsProvider(assumed), assumed instanceof AutoCloseable c ? c : null);
  }

  private OpsContext derive(Builder b, @Nullable AutoCloseable owned) {
    b.validate();
    ContextResources child = resources.derive(owned);
    OpsContext derived = new OpsContext(b, child);
    child.attach(derived);
    return derived;
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.region = region;
    b.credentials = credentials;
    b.endpoint = endpoint;
    b.clock = clock;
    b.sleeper = sleeper;
    b.dryRun = dryRun;
    b.auditSink = auditSink;
    b.progressListener = progressListener;
    b.retryPolicy = retryPolicy;
    b.rateLimitPolicy = rateLimitPolicy;
    b.defaultTags.putAll(defaultTags);
    b.defaultWaitTimeout = defaultWaitTimeout;
    b.clientSettings.addAll(clientSettings);
    return b;
  }

  /** {@return the region} */
  public Region region() {
    return region;
  }

  /** {@return the credentials provider} */
  public AwsCredentialsProvider credentialsProvider() {
    return credentials;
  }

  /** {@return the endpoint override (an emulator such as moto or LocalStack), if any} */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpoint);
  }

  /** {@return the clock every operation reads time from} */
  public Clock clock() {
    return clock;
  }

  /** {@return the sleeper every wait pauses with} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** {@return whether changes are only planned} */
  public boolean isDryRun() {
    return dryRun;
  }

  /** {@return where audit events go} */
  public AuditSink auditSink() {
    return auditSink;
  }

  /** {@return who hears about progress of waits} */
  public ProgressListener progressListener() {
    return progressListener;
  }

  /** {@return the retry budget} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the client-side rate limits} */
  public RateLimitPolicy rateLimitPolicy() {
    return rateLimitPolicy;
  }

  /** {@return the tags added to every resource OpsKit creates (snapshots, backups, alarms...)} */
  public Map<String, String> defaultTags() {
    return defaultTags;
  }

  /** {@return how long waits last unless an operation says otherwise} */
  public Duration defaultWaitTimeout() {
    return defaultWaitTimeout;
  }

  /** Closes what this context created. Idempotent. */
  @Override
  public void close() {
    resources.close();
  }

  /** Shows region, endpoint (without any user info it carries) and flags; never credentials. */
  @Override
  public String toString() {
    return "OpsContext[region=" + region.id()
        + (endpoint == null ? "" : ", endpoint=" + withoutUserInfo(endpoint))
        + ", dryRun=" + dryRun
        + ", defaultTags=" + defaultTags.keySet()
        + "]";
  }

  private static String withoutUserInfo(URI uri) {
    return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }

  private static @Nullable String masked(@Nullable URI uri) {
    return uri == null || uri.getRawUserInfo() == null
        ? (uri == null ? null : uri.toString())
        : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
  }

  /** The one IAM-role rule ({@link dev.opskit.core.value.Checks#iamRole}) on top of the pattern's shape. */
  private static boolean isIamRole(String roleArn) {
    try {
      dev.opskit.core.value.Checks.iamRole("roleArn", dev.opskit.core.value.Arn.parse(roleArn));
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw ValidationException.of(field, null, "a value (not null)");
    }
    return value;
  }

  /** Builds an {@link OpsContext}. */
  public static final class Builder {

    private @Nullable Region region;
    private @Nullable AwsCredentialsProvider credentials;
    private @Nullable URI endpoint;
    private @Nullable SdkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean dryRun;
    private AuditSink auditSink = AuditSinks.standard();
    private ProgressListener progressListener = ProgressListener.none();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.DEFAULT;
    private final Map<String, String> defaultTags = new TreeMap<>();
    private Duration defaultWaitTimeout = Duration.ofMinutes(60);
    private final List<ClientSettings<?>> clientSettings = new ArrayList<>();

    private Builder() {}

    /**
     * Service-specific settings for every SDK client of a builder type that this context (and the
     * contexts derived from it) makes, applied after the context's own settings. Client configuration is
     * the context's concern, so every caller of {@link #client} gets the same client, whichever asks first.
     *
     * <pre>{@code
     * OpsContext.builder().region(Region.US_EAST_1)
     *     .clientSettings(S3ClientBuilder.class, b -> b.accelerate(true))
     * }</pre>
     *
     * <p>With an {@link #endpointOverride endpoint override}, S3 clients use path-style addressing
     * (emulators serve buckets on paths); settings given here come after that and may change it.
     *
     * @param builderType the SDK builder interface, such as {@code S3ClientBuilder.class}
     * @param settings what to set on it
     * @param <B> the builder type
     * @return this builder
     */
    public <B> Builder clientSettings(Class<B> builderType, Consumer<? super B> settings) {
      if (builderType == null || settings == null) {
        throw ValidationException.of("clientSettings", builderType, "an SDK builder type and the settings for it");
      }
      clientSettings.add(new ClientSettings<>(builderType, settings));
      return this;
    }

    /**
     * The region (required).
     *
     * @param value the region, such as {@code Region.US_EAST_1}
     * @return this builder
     */
    public Builder region(Region value) {
      this.region = required(value, "region");
      return this;
    }

    /**
     * The credentials (default: the SDK's default chain: environment, profile, container, instance).
     *
     * @param value the provider
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentials = required(value, "credentialsProvider");
      return this;
    }

    /**
     * Sends every call to this endpoint instead of AWS (an emulator such as moto or LocalStack).
     *
     * @param value an http or https URI
     * @return this builder
     */
    public Builder endpointOverride(URI value) {
      if (value == null || value.getScheme() == null
          || !(value.getScheme().equals("http") || value.getScheme().equals("https")) || value.getHost() == null) {
        throw ValidationException.of("endpointOverride", masked(value),
            "an absolute http or https URI, such as http://127.0.0.1:5000");
      }
      if (value.getRawUserInfo() != null) {
        throw ValidationException.of("endpointOverride", masked(value),
            "a URI without user info: give credentials with credentialsProvider, never in the endpoint");
      }
      this.endpoint = value;
      return this;
    }

    /**
     * Uses this HTTP client instead of making one; the caller keeps ownership and closes it.
     *
     * @param value a sync SDK HTTP client
     * @return this builder
     */
    public Builder httpClient(SdkHttpClient value) {
      this.httpClient = required(value, "httpClient");
      return this;
    }

    /**
     * The clock (default: system UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = required(value, "clock");
      return this;
    }

    /**
     * The sleeper (default: {@link Sleeper#system()}).
     *
     * @param value the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = required(value, "sleeper");
      return this;
    }

    /**
     * Dry run: changes are recorded and audited as planned, never sent. Reads still go to AWS.
     *
     * @param value true for a dry run
     * @return this builder
     */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * The audit sink (default: {@link AuditSinks#standard()}: SLF4J, or standard error without an SLF4J provider).
     *
     * @param value the sink
     * @return this builder
     */
    public Builder auditSink(AuditSink value) {
      this.auditSink = required(value, "auditSink");
      return this;
    }

    /**
     * The progress listener (default: none).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder progressListener(ProgressListener value) {
      this.progressListener = required(value, "progressListener");
      return this;
    }

    /**
     * The retry budget (default: {@link RetryPolicy#DEFAULT}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = required(value, "retryPolicy");
      return this;
    }

    /**
     * The client-side rate limits (default: {@link RateLimitPolicy#DEFAULT}).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder rateLimitPolicy(RateLimitPolicy value) {
      this.rateLimitPolicy = required(value, "rateLimitPolicy");
      return this;
    }

    /**
     * Adds a tag put on every resource OpsKit creates.
     *
     * @param key the tag key, 1 to 128 characters, not starting with {@code aws:}
     * @param value the tag value, up to 256 characters
     * @return this builder
     */
    public Builder defaultTag(String key, String value) {
      dev.opskit.core.value.Tags.checkKey("defaultTags", key);
      dev.opskit.core.value.Tags.checkValue("defaultTags", key, value);
      if (!defaultTags.containsKey(key) && defaultTags.size() >= dev.opskit.core.value.Tags.MAX_TAGS) {
        throw ValidationException.of("defaultTags", key, "at most " + dev.opskit.core.value.Tags.MAX_TAGS + " tags");
      }
      defaultTags.put(key, value);
      return this;
    }

    /**
     * Adds tags put on every resource OpsKit creates.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder defaultTags(Map<String, String> tags) {
      if (tags == null) {
        throw ValidationException.of("defaultTags", null, "a map of tag keys to values");
      }
      tags.forEach(this::defaultTag);
      return this;
    }

    /**
     * How long waits last unless an operation says otherwise (default 60 minutes).
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder defaultWaitTimeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw ValidationException.of("defaultWaitTimeout", value, "a positive duration");
      }
      this.defaultWaitTimeout = value;
      return this;
    }

    private void validate() {
      if (region == null) {
        throw ValidationException.of("region", null, "a region, such as Region.US_EAST_1 (the guide's region)");
      }
      if (credentials == null) {
        credentials = DefaultCredentialsProvider.builder().build();
      }
    }

    /**
     * Builds the context.
     *
     * @return the context; close it when done
     * @throws ValidationException when the region is missing
     */
    public OpsContext build() {
      boolean defaultCredentials = credentials == null;
      validate();
      // The default chain is made here, so the context owns it (it may hold refresh threads) and closes it.
      AutoCloseable owned = defaultCredentials && credentials instanceof AutoCloseable c ? c : null;
      return new OpsContext(this, ContextResources.root(httpClient, owned));
    }
  }
}
