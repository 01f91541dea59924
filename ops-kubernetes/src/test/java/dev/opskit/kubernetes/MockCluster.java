package dev.opskit.kubernetes;

import dev.opskit.core.OpsContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The one mock Kubernetes API server of the module's tests, with a client of it: in expectations mode (answers
 * what a test expects, for sequences, pages and failures) or CRUD mode (stores what is created, runs no
 * controllers). The client is fabric8's over the JDK's HTTP client, as the module's code uses, and does not retry
 * (fabric8 would repeat 429 and 5xx answers with pauses): each test sees each answer once.
 *
 * <p>Register it as a field, {@code @RegisterExtension final MockCluster cluster = MockCluster.expectations();}:
 * after each test it closes what the test gave it ({@link #closing}), the client, then the server.
 */
public final class MockCluster implements AfterEachCallback, AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Deque<AutoCloseable> closing = new ArrayDeque<>();
  private int taken;

  private MockCluster(KubernetesMockServer server) {
    this.server = server;
    server.init();
    this.client = server.createClient(b -> b.withHttpClientFactory(new JdkHttpClientFactory())
        .editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
  }

  /** {@return a server answering only the expectations set on it} */
  public static MockCluster expectations() {
    return new MockCluster(new KubernetesMockServer(false));
  }

  /** {@return a server that stores what it is sent (statuses included), running no controllers} */
  public static MockCluster crud() {
    return crud(new KubernetesCrudDispatcher());
  }

  /**
   * A CRUD server with its dispatcher (a test's subclass may record bodies first).
   *
   * @param dispatcher the dispatcher
   * @return the server
   */
  public static MockCluster crud(KubernetesCrudDispatcher dispatcher) {
    return new MockCluster(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher,
        false));
  }

  /**
   * A context for tests: a region, static credentials that are not a secret, and a clock.
   *
   * @param clock the clock (fixed or manual)
   * @return the builder, for the test to add its audit, dry run, sleeper...
   */
  public static OpsContext.Builder context(Clock clock) {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .clock(clock);
  }

  /** {@return the server} */
  public KubernetesMockServer server() {
    return server;
  }

  /** {@return the client of the server (not retrying)} */
  public KubernetesClient client() {
    return client;
  }

  /**
   * Closes a resource of the test (a context) after the test, before the client and the server.
   *
   * @param resource the resource
   * @param <T> its type
   * @return it
   */
  public <T extends AutoCloseable> T closing(T resource) {
    closing.push(resource);
    return resource;
  }

  /**
   * The requests the server received since the last call, in order.
   *
   * @return them
   * @throws InterruptedException when interrupted while taking them
   */
  public List<RecordedRequest> takeRequests() throws InterruptedException {
    List<RecordedRequest> seen = new ArrayList<>();
    int count = server.getRequestCount() - taken;
    for (int i = 0; i < count; i++) {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      if (r == null) {
        break;
      }
      seen.add(r);
    }
    taken += seen.size();
    return seen;
  }

  /**
   * The requests since the last call as {@code METHOD path}.
   *
   * @return them
   * @throws InterruptedException when interrupted
   */
  public List<String> requests() throws InterruptedException {
    return takeRequests().stream().map(r -> r.getMethod() + " " + r.getPath()).toList();
  }

  /**
   * The paths of the requests since the last call.
   *
   * @return them
   * @throws InterruptedException when interrupted
   */
  public List<String> paths() throws InterruptedException {
    return takeRequests().stream().map(RecordedRequest::getPath).toList();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** Closes what the test gave it, the client and the server. */
  @Override
  public void close() {
    try {
      while (!closing.isEmpty()) {
        closing.pop().close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not close a test resource", e);
    } finally {
      client.close();
      server.destroy();
    }
  }
}
