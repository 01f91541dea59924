package dev.opskit.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP proxy that forwards every request to a target (such as an {@link Emulator}) and
 * injects faults into chosen requests: lost responses, AWS error answers (5xx, throttling) in the
 * request's own protocol shape, connection resets and slow responses. This is how a flaky network or a
 * busy AWS endpoint looks to the AWS SDK, which then retries as it would against AWS.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
 *     OpsContext ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).build()) {
 *   Rule lost = proxy.when(action("CreateDBSnapshot")).next(1).inject(Fault.loseResponse());
 *   proxy.when(amzTarget("DynamoDB_20120810.CreateBackup")).always().inject(Fault.throttling());
 *   ...
 *   assertThat(lost.injected()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Rules are matched per request, in the order they were added: every rule whose condition matches
 * counts the request as {@linkplain Rule#seen() seen}, and the first of those that still has a budget
 * applies its fault (at most one fault per request). A request no rule applies to is forwarded unchanged.
 *
 * <p>Plain HTTP/1.1 only, with keep-alive, {@code Content-Length} and chunked request bodies, and
 * {@code Expect: 100-continue}. The target receives each request with its method, path, query, body and
 * headers, except the hop-by-hop ones and {@code Host}, which names the target. Emulators do not check
 * request signatures, so that is no matter for them; a real AWS endpoint would refuse the signature.
 */
public final class FaultInjectingProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjectingProxy.class);
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive",
          "proxy-connection", "te", "trailer", "date");
  private static final Set<String> NOT_RETURNED =
      Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "proxy-connection", "te", "trailer",
          "upgrade");

  private final URI target;
  private final ServerSocket server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final List<Request> forwarded = new CopyOnWriteArrayList<>();
  private final List<Injection> injections = new CopyOnWriteArrayList<>();
  private final List<Rule> rules = new ArrayList<>();
  private @Nullable Rule dropRule;
  private volatile boolean closed;

  private FaultInjectingProxy(URI target, ServerSocket server, ExecutorService executor) {
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
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      FaultInjectingProxy proxy = new FaultInjectingProxy(target, server, executor);
      executor.execute(proxy::accept);
      return proxy;
    } catch (IOException e) {
      executor.shutdownNow();
      closeQuietly(server);
      throw new UncheckedIOException("cannot open a loopback port for the proxy", e);
    }
  }

  /** {@return the proxy's URI, to use as the endpoint instead of the target's} */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * Starts a rule for the requests that match a condition; finish it with {@link RuleBuilder#inject}.
   *
   * @param matching which requests, such as {@code action("CreateDBSnapshot")} or
   *     {@code amzTarget("DynamoDB_20120810.CreateBackup")}; see the static conditions of this class
   * @return the rule's builder; without {@link RuleBuilder#next(int)} the rule applies {@linkplain RuleBuilder#always() always}
   */
  public RuleBuilder when(Predicate<Request> matching) {
    return new RuleBuilder(Objects.requireNonNull(matching, "matching"));
  }

  /**
   * Loses the responses of the next {@code count} requests that match, replacing the rule that an earlier
   * call of this method made (rules added with {@link #when} stay). Each such request still reaches the
   * target. The same as {@code when(matching).next(count).inject(Fault.loseResponse())}.
   *
   * @param count how many responses to lose, 0 or more
   * @param matching which requests, such as {@code r -> r.mentions("Action=CreateDBSnapshot")}
   * @return this proxy
   */
  public synchronized FaultInjectingProxy dropResponses(int count, Predicate<Request> matching) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, not " + count);
    }
    Objects.requireNonNull(matching, "matching");
    if (dropRule != null) {
      rules.remove(dropRule);
    }
    dropRule = add(new Rule(matching, Fault.loseResponse(), count));
    return this;
  }

  /** Removes every rule; later requests are forwarded unchanged. Counts of requests and faults are kept. */
  public synchronized void clearRules() {
    rules.clear();
    dropRule = null;
  }

  /** {@return how many responses were lost so far (by {@link Fault#loseResponse()}, whichever rule injected it)} */
  public int droppedResponses() {
    return (int) injections.stream().filter(i -> i.fault().kind == Fault.Kind.LOSE_RESPONSE).count();
  }

  /**
   * {@return every request forwarded to the target so far, oldest first (a request answered by a fault alone
   * is not)}
   */
  public List<Request> requests() {
    return List.copyOf(forwarded);
  }

  /** {@return every request the proxy received so far, forwarded or not, oldest first} */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /**
   * How many received requests match a condition.
   *
   * @param matching the condition, such as {@code action("CreateDBSnapshot")}
   * @return the number, forwarded or not
   */
  public int count(Predicate<Request> matching) {
    Objects.requireNonNull(matching, "matching");
    return (int) received.stream().filter(matching).count();
  }

  /** {@return how many faults were injected so far, by every rule} */
  public int faultsInjected() {
    return injections.size();
  }

  /** {@return every fault injected so far, oldest first, with the request it was injected into} */
  public List<Injection> injections() {
    return List.copyOf(injections);
  }

  /** Stops the proxy and closes every connection it holds. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    open.forEach(FaultInjectingProxy::closeQuietly);
    executor.shutdownNow();
  }

  // --- Conditions ------------------------------------------------------------------------------

  /** {@return a condition that every request matches} */
  public static Predicate<Request> anyRequest() {
    return r -> true;
  }

  /**
   * Requests whose target, a header value or the body contains a text (see {@link Request#mentions}).
   *
   * @param text such as {@code Action=CreateDBSnapshot} or {@code DynamoDB_20120810.CreateBackup}
   * @return the condition
   */
  public static Predicate<Request> mentions(String text) {
    Objects.requireNonNull(text, "text");
    return r -> r.mentions(text);
  }

  /**
   * Requests of an AWS query-protocol action (RDS, CloudWatch, EC2...): the form parameter {@code Action}
   * in the body or the query string is exactly this name.
   *
   * @param action such as {@code CreateDBSnapshot}
   * @return the condition
   */
  public static Predicate<Request> action(String action) {
    Objects.requireNonNull(action, "action");
    return r -> r.parameter("Action").filter(action::equals).isPresent();
  }

  /**
   * Requests of an AWS JSON-protocol operation (DynamoDB, Secrets Manager...): the {@code X-Amz-Target}
   * header is exactly this value.
   *
   * @param amzTarget such as {@code DynamoDB_20120810.CreateBackup}
   * @return the condition
   */
  public static Predicate<Request> amzTarget(String amzTarget) {
    return header("X-Amz-Target", amzTarget);
  }

  /**
   * Requests with a header (name in any case) that has exactly this value.
   *
   * @param name the header, such as {@code X-Amz-Target}
   * @param value the value
   * @return the condition
   */
  public static Predicate<Request> header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return r -> r.headerValues(name).contains(value);
  }

  /**
   * Requests of an HTTP method.
   *
   * @param method such as {@code PUT}, in any case
   * @return the condition
   */
  public static Predicate<Request> method(String method) {
    Objects.requireNonNull(method, "method");
    return r -> r.method().equalsIgnoreCase(method);
  }

  /**
   * Requests whose path (without the query) starts with a prefix, for REST protocols (S3, AWS Backup...).
   *
   * @param prefix such as {@code /backup-vaults/}
   * @return the condition
   */
  public static Predicate<Request> pathStartsWith(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return r -> r.path().startsWith(prefix);
  }

  /**
   * Requests that carry a query-string parameter, with or without a value, such as S3's
   * {@code ?versioning} or {@code ?replication}.
   *
   * @param name the parameter
   * @return the condition
   */
  public static Predicate<Request> queryParameter(String name) {
    Objects.requireNonNull(name, "name");
    return r -> ProxyWire.parameters(r.query()).containsKey(name);
  }

  /**
   * Requests whose body contains a text.
   *
   * @param text the text
   * @return the condition
   */
  public static Predicate<Request> bodyContains(String text) {
    Objects.requireNonNull(text, "text");
    return r -> r.body().contains(text);
  }

  // --- Serving ---------------------------------------------------------------------------------

  private synchronized Rule add(Rule rule) {
    rules.add(rule);
    return rule;
  }

  /** Counts the request for every matching rule and takes one application of the first that has budget left. */
  private synchronized @Nullable Fault claim(Request request) {
    Fault chosen = null;
    for (Rule rule : rules) {
      if (rule.matching.test(request) && rule.take(chosen == null)) {
        chosen = rule.fault;
      }
    }
    if (chosen != null) {
      injections.add(new Injection(request, chosen));
    }
    return chosen;
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("proxy stopped accepting: {}", e.toString());
        }
        return;
      }
      open.add(socket);
      if (closed) {
        closeQuietly(socket);
        return;
      }
      try {
        executor.execute(() -> serve(socket));
      } catch (RuntimeException e) {
        closeQuietly(socket);
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      boolean keepAlive = true;
      while (keepAlive && !closed) {
        ProxyWire.Raw raw = ProxyWire.Raw.read(in, out);
        if (raw == null) {
          break;
        }
        keepAlive = handle(raw, socket, out);
      }
    } catch (IOException e) {
      LOG.debug("proxy connection ended: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
      closeQuietly(socket);
    }
  }

  /** Answers one request; true when the connection stays open for the next. */
  private boolean handle(ProxyWire.Raw raw, Socket socket, OutputStream out) throws IOException, InterruptedException {
    Request request = raw.request();
    received.add(request);
    Fault fault;
    try {
      fault = claim(request);
    } catch (RuntimeException e) {
      ProxyWire.write(out, 500, Map.of("Content-Type", List.of("text/plain")),
          ("a rule of the fault-injecting proxy failed: " + e).getBytes(StandardCharsets.UTF_8), raw.keepAlive(), false);
      return raw.keepAlive();
    }
    if (fault != null && !fault.forwards()) {
      if (fault.kind == Fault.Kind.RESET_BEFORE_FORWARDING) {
        reset(socket);
        return false;
      }
      ErrorAnswer answer = fault.answerFor(request);
      ProxyWire.write(out, answer.status(), answer.headers(), answer.body(), raw.keepAlive(), request.method().equalsIgnoreCase("HEAD"));
      return raw.keepAlive();
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(forward(request, raw.body()), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      ProxyWire.write(out, 502, Map.of("Content-Type", List.of("text/plain")),
          ("proxy could not reach " + target + ": " + e).getBytes(StandardCharsets.UTF_8), false, false);
      return false;
    }
    forwarded.add(request);
    if (fault != null) {
      switch (fault.kind) {
        case LOSE_RESPONSE -> {
          return false; // closing the connection without an answer: the client sees no response
        }
        case RESET_AFTER_FORWARDING -> {
          reset(socket);
          return false;
        }
        case DELAY -> Thread.sleep(fault.delay.toMillis());
        default -> throw new IllegalStateException("not a forwarding fault: " + fault);
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        headers.put(name, values);
      }
    });
    boolean head = request.method().equalsIgnoreCase("HEAD");
    if (head) {
      response.headers().firstValue("content-length").ifPresent(v -> headers.put("Content-Length", List.of(v)));
    }
    ProxyWire.write(out, response.statusCode(), headers, response.body(), raw.keepAlive(), head);
    return raw.keepAlive();
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

  /** Closes with a TCP reset (RST) instead of an orderly close: the client sees "connection reset". */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      LOG.debug("cannot set SO_LINGER for a reset: {}", e.toString());
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.debug("close failed: {}", e.toString());
    }
  }

  // --- Values ----------------------------------------------------------------------------------

  /**
   * A request the proxy received.
   *
   * @param method the HTTP method
   * @param target the path and query, as sent, such as {@code /?Action=DescribeDBInstances}
   * @param headers the request headers, by name
   * @param body the body, decoded as UTF-8
   */
  public record Request(String method, String target, Map<String, List<String>> headers, String body) {

    /**
     * Copies the headers.
     *
     * @param method the HTTP method
     * @param target the path and query, as sent, such as {@code /?Action=DescribeDBInstances}
     * @param headers the request headers, by name
     * @param body the body, decoded as UTF-8
     */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(body, "body");
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

    /** {@return the path, without the query: {@code /backup-vaults/nightly} of {@code /backup-vaults/nightly?x=1}} */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** {@return the raw query string without {@code ?}, or {@code ""} when there is none} */
    public String query() {
      int q = target.indexOf('?');
      return q < 0 ? "" : target.substring(q + 1);
    }

    /**
     * The first value of a header.
     *
     * @param name the header, in any case
     * @return the value, or empty when the request has no such header
     */
    public Optional<String> header(String name) {
      return headerValues(name).stream().findFirst();
    }

    /**
     * Every value of a header.
     *
     * @param name the header, in any case
     * @return the values, empty when the request has no such header
     */
    public List<String> headerValues(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).toList();
    }

    /**
     * A form parameter of the query string or, for a form-encoded body (the AWS query protocol), of the
     * body, decoded.
     *
     * @param name such as {@code Action}
     * @return the value, or empty when neither has it
     */
    public Optional<String> parameter(String name) {
      String inQuery = ProxyWire.parameters(query()).get(name);
      if (inQuery != null) {
        return Optional.of(inQuery);
      }
      boolean form = header("Content-Type").map(v -> v.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
          .orElse(false);
      return form ? Optional.ofNullable(ProxyWire.parameters(body).get(name)) : Optional.empty();
    }

    /** {@code POST /?Action=X} with the body's length: never the body itself, which may hold secrets. */
    @Override
    public String toString() {
      return method + " " + target + " (" + body.length() + " characters of body)";
    }
  }

  /**
   * The wire protocols of AWS services, which decide the shape of an error answer. {@link #of(Request)}
   * tells them apart by the request; a fault can also be told which to use
   * ({@link Fault#inProtocol(Protocol)}).
   */
  public enum Protocol {
    /** Form-encoded requests, XML answers in an {@code <ErrorResponse>}: RDS, CloudWatch, IAM, STS, SNS. */
    AWS_QUERY,
    /**
     * EC2's dialect of the query protocol: form-encoded requests signed for {@code ec2}, errors in a
     * {@code <Response><Errors>} document, throttling as HTTP 503 {@code RequestLimitExceeded}.
     */
    EC2_QUERY,
    /** AWS JSON 1.0 and 1.1, operations named by {@code X-Amz-Target}: DynamoDB, Secrets Manager, CloudWatch Logs. */
    AWS_JSON,
    /** REST with JSON bodies, errors named by {@code x-amzn-ErrorType}: AWS Backup, Lambda. */
    REST_JSON,
    /** REST with XML bodies: S3. */
    REST_XML;

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");

    /**
     * The protocol a request was sent in: {@code X-Amz-Target} or an {@code application/x-amz-json}
     * content type means {@link #AWS_JSON}; an {@code Action} form parameter {@link #AWS_QUERY}, or
     * {@link #EC2_QUERY} when the request is signed for {@code ec2}; a request
     * signed for {@code s3} or with an XML body {@link #REST_XML}; anything else {@link #REST_JSON}.
     *
     * @param request the request
     * @return its protocol
     */
    public static Protocol of(Request request) {
      String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      if (request.header("X-Amz-Target").isPresent() || contentType.startsWith("application/x-amz-json")) {
        return AWS_JSON;
      }
      Matcher scope = CREDENTIAL_SCOPE.matcher(request.header("Authorization").orElse(""));
      String service = scope.find() ? scope.group(1) : "";
      if (request.parameter("Action").isPresent()) {
        return service.equals("ec2") ? EC2_QUERY : AWS_QUERY;
      }
      if (service.equals("s3") || contentType.contains("xml")) {
        return REST_XML;
      }
      return REST_JSON;
    }
  }

  /**
   * A fault to inject into a request. Those that answer without forwarding ({@link #serverError()},
   * {@link #serviceUnavailable()}, {@link #throttling()}, {@link #error}, {@link #resetBeforeForwarding()})
   * leave the target untouched; the others forward the request first, so the target acts on it.
   */
  public static final class Fault {
    private enum Kind { LOSE_RESPONSE, RESET_BEFORE_FORWARDING, RESET_AFTER_FORWARDING, DELAY, ANSWER, THROTTLE }

    private final Kind kind;
    private final int status;
    private final @Nullable String code;
    private final @Nullable String message;
    private final Duration delay;
    private final @Nullable Protocol protocol;

    private Fault(Kind kind, int status, @Nullable String code, @Nullable String message, Duration delay,
        @Nullable Protocol protocol) {
      this.kind = kind;
      this.status = status;
      this.code = code;
      this.message = message;
      this.delay = delay;
      this.protocol = protocol;
    }

    private static Fault of(Kind kind) {
      return new Fault(kind, 0, null, null, Duration.ZERO, null);
    }

    /**
     * Forwards the request, then closes the client's connection without answering: a lost response.
     *
     * @return the fault
     */
    public static Fault loseResponse() {
      return of(Kind.LOSE_RESPONSE);
    }

    /**
     * Resets the connection (TCP RST) without forwarding: the target never sees the request.
     *
     * @return the fault
     */
    public static Fault resetBeforeForwarding() {
      return of(Kind.RESET_BEFORE_FORWARDING);
    }

    /**
     * Forwards the request, then resets the connection (TCP RST) instead of answering.
     *
     * @return the fault
     */
    public static Fault resetAfterForwarding() {
      return of(Kind.RESET_AFTER_FORWARDING);
    }

    /**
     * Forwards the request and holds the target's answer back for a while: a slow response.
     *
     * @param delay how long, positive
     * @return the fault
     */
    public static Fault delay(Duration delay) {
      if (delay == null || delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("delay must be a positive duration, not " + delay);
      }
      return new Fault(Kind.DELAY, 0, null, null, delay, null);
    }

    /**
     * Answers HTTP 500 without forwarding, in the request's protocol shape: {@code InternalFailure} (the
     * query and REST-JSON protocols), {@code InternalServerError} (AWS JSON) or {@code InternalError} (S3).
     *
     * @return the fault
     */
    public static Fault serverError() {
      return new Fault(Kind.ANSWER, 500, null, "We encountered an internal error. Please try again.", Duration.ZERO, null);
    }

    /**
     * Answers HTTP 503 {@code ServiceUnavailable} without forwarding, in the request's protocol shape.
     *
     * @return the fault
     */
    public static Fault serviceUnavailable() {
      return new Fault(Kind.ANSWER, 503, "ServiceUnavailable", "Service is unable to handle request.", Duration.ZERO, null);
    }

    /**
     * Answers throttling without forwarding, as each protocol does: HTTP 400 {@code Throttling} "Rate
     * exceeded" (query: RDS, CloudWatch), HTTP 503 {@code RequestLimitExceeded} (EC2), HTTP 400
     * {@code ThrottlingException} (AWS JSON: DynamoDB), HTTP 429 with {@code x-amzn-ErrorType:
     * ThrottlingException} (REST-JSON: AWS Backup), HTTP 503 {@code SlowDown} (S3). The AWS SDK classifies
     * each as throttling.
     *
     * @return the fault
     */
    public static Fault throttling() {
      return new Fault(Kind.THROTTLE, 0, null, null, Duration.ZERO, null);
    }

    /**
     * Answers any AWS error without forwarding, in the request's protocol shape, such as
     * {@code error(400, "ProvisionedThroughputExceededException", "...")} for DynamoDB.
     *
     * @param status the HTTP status, 400 to 599
     * @param code the AWS error code
     * @param message the error message
     * @return the fault
     */
    public static Fault error(int status, String code, String message) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400 to 599, not " + status);
      }
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      return new Fault(Kind.ANSWER, status, code, message, Duration.ZERO, null);
    }

    /**
     * The same fault, answering in a given protocol's shape instead of the one {@link Protocol#of} detects.
     *
     * @param protocol the protocol
     * @return the fault
     */
    public Fault inProtocol(Protocol protocol) {
      return new Fault(kind, status, code, message, delay, Objects.requireNonNull(protocol, "protocol"));
    }

    /** {@return whether the target receives the request (and may act on it) before the fault takes effect} */
    public boolean forwards() {
      return kind == Kind.LOSE_RESPONSE || kind == Kind.RESET_AFTER_FORWARDING || kind == Kind.DELAY;
    }

    /** What the fault does, such as {@code answer throttling} or {@code delay the response by PT0.2S}. */
    @Override
    public String toString() {
      String shape = protocol == null ? "" : " as " + protocol;
      return switch (kind) {
        case LOSE_RESPONSE -> "lose the response";
        case RESET_BEFORE_FORWARDING -> "reset the connection before forwarding";
        case RESET_AFTER_FORWARDING -> "reset the connection after forwarding";
        case DELAY -> "delay the response by " + delay;
        case THROTTLE -> "answer throttling" + shape;
        case ANSWER -> "answer " + status + (code == null ? "" : " " + code) + shape;
      };
    }

    ErrorAnswer answerFor(Request request) {
      Protocol p = protocol == null ? Protocol.of(request) : protocol;
      String requestId = UUID.randomUUID().toString();
      if (kind == Kind.THROTTLE) {
        return switch (p) {
          case AWS_QUERY -> ErrorAnswer.query(400, "Sender", "Throttling", "Rate exceeded", requestId);
          case EC2_QUERY -> ErrorAnswer.ec2(503, "RequestLimitExceeded", "Request limit exceeded.", requestId);
          case AWS_JSON -> ErrorAnswer.json(request, 400, "ThrottlingException", "Rate exceeded", requestId);
          case REST_JSON -> ErrorAnswer.restJson(429, "ThrottlingException", "Rate exceeded", requestId);
          case REST_XML -> ErrorAnswer.xml(503, "SlowDown", "Please reduce your request rate.", requestId);
        };
      }
      String m = Objects.requireNonNullElse(message, "");
      String c = code != null ? code : switch (p) {
        case AWS_QUERY, REST_JSON -> "InternalFailure";
        case EC2_QUERY -> status == 503 ? "Unavailable" : "InternalError";
        case AWS_JSON -> "InternalServerError";
        case REST_XML -> "InternalError";
      };
      return switch (p) {
        case AWS_QUERY -> ErrorAnswer.query(status, status >= 500 ? "Receiver" : "Sender", c, m, requestId);
        case EC2_QUERY -> ErrorAnswer.ec2(status, c, m, requestId);
        case AWS_JSON -> ErrorAnswer.json(request, status, c, m, requestId);
        case REST_JSON -> ErrorAnswer.restJson(status, c, m, requestId);
        case REST_XML -> ErrorAnswer.xml(status, c, m, requestId);
      };
    }
  }

  /**
   * A rule: a fault injected into the requests that match a condition, for the next {@code n} of them or
   * always. Made by {@link #when}; its counts are live.
   */
  public static final class Rule {
    private final Predicate<Request> matching;
    private final Fault fault;
    private final int limit;
    private int seen;
    private int injected;

    private Rule(Predicate<Request> matching, Fault fault, int limit) {
      this.matching = matching;
      this.fault = fault;
      this.limit = limit;
    }

    /** {@return the fault this rule injects} */
    public Fault fault() {
      return fault;
    }

    /**
     * {@return how many requests matched the rule's condition so far, whether or not it injected its fault
     * into them}
     */
    public synchronized int seen() {
      return seen;
    }

    /** {@return how many times the rule injected its fault so far} */
    public synchronized int injected() {
      return injected;
    }

    /** {@return how many more times the rule will inject its fault; empty when it always does} */
    public synchronized OptionalInt remaining() {
      return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit - injected);
    }

    /** Counts a matching request; true when the rule injects its fault into it (only when {@code wanted}). */
    private synchronized boolean take(boolean wanted) {
      seen++;
      if (wanted && (limit < 0 || injected < limit)) {
        injected++;
        return true;
      }
      return false;
    }

    /** Such as {@code lose the response, next 1 (injected 1, seen 2)}. */
    @Override
    public synchronized String toString() {
      return fault + ", " + (limit < 0 ? "always" : "next " + limit) + " (injected " + injected + ", seen " + seen + ")";
    }
  }

  /** Builds a rule: how many matching requests get the fault, then the fault. Made by {@link #when}. */
  public final class RuleBuilder {
    private final Predicate<Request> matching;
    private int limit = -1;

    private RuleBuilder(Predicate<Request> matching) {
      this.matching = matching;
    }

    /**
     * Injects the fault into the next {@code n} matching requests only.
     *
     * @param n 0 or more
     * @return this builder
     */
    public RuleBuilder next(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must be 0 or more, not " + n);
      }
      this.limit = n;
      return this;
    }

    /**
     * Injects the fault into every matching request (the default).
     *
     * @return this builder
     */
    public RuleBuilder always() {
      this.limit = -1;
      return this;
    }

    /**
     * Adds the rule to the proxy, after the rules already there.
     *
     * @param fault the fault, such as {@link Fault#throttling()}
     * @return the rule, whose counts are live
     */
    public Rule inject(Fault fault) {
      return add(new Rule(matching, Objects.requireNonNull(fault, "fault"), limit));
    }
  }

  /**
   * A fault the proxy injected.
   *
   * @param request the request it was injected into
   * @param fault the fault
   */
  public record Injection(Request request, Fault fault) {

    /**
     * Checks the values.
     *
     * @param request the request it was injected into
     * @param fault the fault
     */
    public Injection {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(fault, "fault");
    }
  }
}
