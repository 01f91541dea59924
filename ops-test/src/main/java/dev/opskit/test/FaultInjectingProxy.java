package dev.opskit.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy that forwards every request to a target (such as an {@link Emulator}) and, when
 * told, loses responses: for the next {@code n} requests that match a condition it forwards the request,
 * so the target acts on it, then closes the client's connection without answering. This is how a
 * response lost on the network looks to the AWS SDK, which then retries the same request.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
 *     OpsContext ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).build()) {
 *   proxy.dropResponses(1, request -> request.mentions("Action=CreateDBSnapshot"));
 *   ...
 * }
 * }</pre>
 *
 * <p>Plain HTTP only. The target receives each request with its method, path, query, body and headers,
 * except the hop-by-hop ones and {@code Host}, which names the target. Emulators do not check request
 * signatures, so that is no matter for them; a real AWS endpoint would refuse the signature.
 */
public final class FaultInjectingProxy implements AutoCloseable {
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive",
          "proxy-connection", "te", "trailer", "date");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private @Nullable Predicate<Request> dropWhen;
  private int dropsLeft;
  private int dropped;

  private FaultInjectingProxy(URI target, HttpServer server, ExecutorService executor) {
    this.target = target;
    this.server = server;
    this.executor = executor;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param target where requests go, such as {@code http://127.0.0.1:5000}
   * @return the running proxy; close it when done
   */
  public static FaultInjectingProxy start(URI target) {
    Objects.requireNonNull(target, "target");
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "opskit-fault-proxy");
      t.setDaemon(true);
      return t;
    });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FaultInjectingProxy proxy = new FaultInjectingProxy(target, server, executor);
      server.createContext("/", proxy::handle);
      server.setExecutor(executor);
      server.start();
      return proxy;
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot open a loopback port for the proxy", e);
    }
  }

  /** The proxy's URI, to use as the endpoint instead of the target's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Loses the responses of the next {@code count} requests that match, replacing any earlier instruction.
   * Each such request still reaches the target.
   *
   * @param count how many responses to lose, 0 or more
   * @param matching which requests, such as {@code r -> r.mentions("Action=CreateDBSnapshot")}
   * @return this proxy
   */
  public synchronized FaultInjectingProxy dropResponses(int count, Predicate<Request> matching) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, not " + count);
    }
    this.dropWhen = Objects.requireNonNull(matching, "matching");
    this.dropsLeft = count;
    return this;
  }

  /** How many responses were lost so far. */
  public synchronized int droppedResponses() {
    return dropped;
  }

  /** Every request forwarded so far, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
          new String(body, StandardCharsets.UTF_8));
      requests.add(request);
      HttpResponse<byte[]> response;
      try {
        response = client.send(forward(request, body), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        answer(exchange, 502, ("proxy could not reach " + target + ": " + e).getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      if (!claimDrop(request)) {
        answer(exchange, response.statusCode(), response.body(), response.headers().map());
      }
      // else: closing the exchange before any response was sent closes the client's connection.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private HttpRequest forward(Request request, byte[] body) {
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(target.resolve(request.target()))
            .timeout(Duration.ofSeconds(60))
            .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    request.headers().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> forward.header(name, value));
      }
    });
    return forward.build();
  }

  private synchronized boolean claimDrop(Request request) {
    if (dropsLeft > 0 && dropWhen != null && dropWhen.test(request)) {
      dropsLeft--;
      dropped++;
      return true;
    }
    return false;
  }

  private static void answer(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
      throws IOException {
    headers.forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  /**
   * A request the proxy received.
   *
   * @param method the HTTP method
   * @param target the path and query, as sent, such as {@code /?Action=DescribeDBInstances}
   * @param headers the request headers, by name
   * @param body the body, decoded as UTF-8
   */
  public record Request(String method, String target, Map<String, List<String>> headers, String body) {

    /** Copies the headers. */
    public Request {
      headers = headers.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /**
     * Whether the target, a header value or the body contains a text: {@code Action=CreateDBSnapshot}
     * for the query protocol (RDS, EC2...), {@code secretsmanager.CreateSecret} for the JSON protocol
     * (its {@code X-Amz-Target} header).
     *
     * @param text the text
     * @return true when it appears
     */
    public boolean mentions(String text) {
      return target.contains(text)
          || body.contains(text)
          || headers.values().stream().flatMap(List::stream).anyMatch(v -> v.contains(text));
    }
  }
}
