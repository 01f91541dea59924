package dev.opskit.test;

import dev.opskit.core.OpsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A running AWS API emulator that OpsKit can talk to over HTTP, for integration tests and runnable
 * examples.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start();
 *     OpsContext ctx = emulator.contextBuilder().build()) {
 *   RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} takes the first of these that is available:
 *
 * <ol>
 *   <li>an emulator that is already running, at the URI in the environment variable
 *       {@value #ENDPOINT_ENV} ({@linkplain #kind() kind} {@code external}; never stopped by OpsKit);
 *   <li>moto ({@code moto}): {@code moto_server} from the {@code PATH}, or else {@code python3 -m moto.server}
 *       when Python has moto, started on a free loopback port; its output goes to a {@code moto-*.log}
 *       file in {@code target/} (or the temporary folder); it is stopped by {@link #close()}, or at the
 *       latest when the JVM exits;
 *   <li>LocalStack ({@code localstack}) through Testcontainers, when
 *       {@code org.testcontainers:testcontainers-localstack} is on the class path and Docker runs. The
 *       image is {@value LocalStackLauncher#DEFAULT_IMAGE} unless the environment variable
 *       {@value LocalStackLauncher#IMAGE_ENV} names another.
 * </ol>
 *
 * <p>Otherwise it throws {@link EmulatorUnavailableException}, saying how to get one.
 */
public final class Emulator implements AutoCloseable {
  /** The environment variable naming the URI of an emulator that is already running. */
  public static final String ENDPOINT_ENV = "OPS_AWS_ENDPOINT";

  static final String MOTO = "moto";
  static final String LOCALSTACK = "localstack";
  static final String EXTERNAL = "external";
  static final String MOTO_RESET = "/moto-api/reset";
  static final String LOCALSTACK_RESET = "/_localstack/state/reset";
  static final String HOW_TO_GET_ONE =
      "No AWS API emulator is available for OpsKit's integration tests. Get one of these:\n"
          + "  - moto: pip install \"moto[server]\" (puts moto_server on the PATH; python3 -m moto.server works too);\n"
          + "  - LocalStack: start Docker, with org.testcontainers:testcontainers-localstack on the test class path;\n"
          + "  - an emulator that is already running: set " + ENDPOINT_ENV + "=http://127.0.0.1:5000 (its URI).";

  private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);

  private final String kind;
  private final URI endpoint;
  private final List<String> resetPaths;
  private final Runnable stop;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * An emulator of a kind at an endpoint. {@code resetPaths} are its reset requests, tried in order until
   * one answers 2xx; {@code stop} stops what OpsKit started and does nothing for an external emulator.
   */
  Emulator(String kind, URI endpoint, List<String> resetPaths, Runnable stop) {
    this.kind = kind;
    this.endpoint = endpoint;
    this.resetPaths = List.copyOf(resetPaths);
    this.stop = stop;
  }

  /** Starts one kind of emulator. */
  @FunctionalInterface
  interface Launcher {
    /** The started emulator, or null when this kind is not available here (given the environment). */
    @Nullable Emulator tryStart(Map<String, String> env);
  }

  /**
   * Starts (or finds) an emulator, in the order described on this class.
   *
   * @return the running emulator; close it when done
   * @throws EmulatorUnavailableException when none is available; the message says how to get one
   * @throws IllegalArgumentException when {@value #ENDPOINT_ENV} is not an http or https URI
   * @throws IllegalStateException when moto was found but did not start (the message shows its output)
   */
  public static Emulator start() {
    return start(System.getenv(), List.of(MotoLauncher::tryStart, Emulator::tryLocalStack));
  }

  static Emulator start(Map<String, String> env, List<Launcher> launchers) {
    String external = env.get(ENDPOINT_ENV);
    if (external != null && !external.isBlank()) {
      return external(external.strip());
    }
    for (Launcher launcher : launchers) {
      Emulator emulator = launcher.tryStart(env);
      if (emulator != null) {
        LOG.debug("started emulator kind={} endpoint={}", emulator.kind, emulator.endpoint);
        return emulator;
      }
    }
    throw new EmulatorUnavailableException(HOW_TO_GET_ONE);
  }

  private static Emulator external(String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(
          ENDPOINT_ENV + "=" + value + " is not an absolute http or https URI; set it to the emulator's URI,"
              + " such as http://127.0.0.1:5000, or unset it to let OpsKit start moto");
    }
    return new Emulator(EXTERNAL, uri, List.of(MOTO_RESET, LOCALSTACK_RESET), () -> { });
  }

  /** LocalStack, only when Testcontainers is on the class path: its classes are loaded here, not before. */
  private static @Nullable Emulator tryLocalStack(Map<String, String> env) {
    try {
      return LocalStackLauncher.tryStart(env);
    } catch (NoClassDefFoundError e) {
      LOG.debug("LocalStack not tried: Testcontainers is not on the class path ({})", e.getMessage());
      return null;
    }
  }

  /** {@return the emulator's base URI, such as {@code http://127.0.0.1:40123}} */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * {@return what runs there: {@code moto}, {@code localstack}, or {@code external} (found through {@value
   * #ENDPOINT_ENV})}
   */
  public String kind() {
    return kind;
  }

  /**
   * Forgets every resource the emulator holds, so that tests start from an empty account.
   *
   * <p>moto is reset with {@code POST /moto-api/reset}. LocalStack is reset with
   * {@code POST /_localstack/state/reset}; where the LocalStack version does not offer that, this does
   * nothing. An external emulator is reset the moto way, else the LocalStack way, else not at all.
   *
   * @throws IllegalStateException when a moto started by OpsKit refuses to reset
   * @throws UncheckedIOException when the emulator does not answer
   */
  public void reset() {
    for (String path : resetPaths) {
      try {
        if (Http.send("POST", endpoint.resolve(path)) / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the " + kind + " emulator at " + endpoint + " did not answer POST " + path, e);
      }
    }
    if (MOTO.equals(kind)) {
      throw new IllegalStateException("moto at " + endpoint + " refused POST " + MOTO_RESET + "; see its log");
    }
    LOG.debug("emulator kind={} endpoint={} offers no reset; state kept", kind, endpoint);
  }

  /**
   * A context builder bound to this emulator: region {@code us-east-1}, this endpoint, and the fixed
   * credentials {@code testing}/{@code testing}. Add an audit sink, dry run and so on, then build.
   *
   * @return a new builder
   */
  public OpsContext.Builder contextBuilder() {
    return OpsContext.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }

  /** Stops the emulator if OpsKit started it (its whole process tree, or its container). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stop.run();
    }
  }

  /** {@code Emulator[moto http://127.0.0.1:40123]}. */
  @Override
  public String toString() {
    return "Emulator[" + kind + " " + endpoint + "]";
  }
}
