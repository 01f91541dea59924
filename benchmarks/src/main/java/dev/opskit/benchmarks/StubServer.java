package dev.opskit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP stub on loopback that answers like an AWS API (the handler decides the answer). */
final class StubServer implements AutoCloseable {
  /** A request as the handler sees it. */
  record Request(String method, String path, Map<String, String> query, Map<String, String> form, String body,
      String amzTarget) {
    /** {@return the query protocol's {@code Action}} */
    String action() {
      return form.getOrDefault("Action", query.getOrDefault("Action", ""));
    }
  }

  /** An answer, with headers of its own (such as REST-JSON's {@code x-amzn-ErrorType}). */
  record Response(int status, String contentType, String body, Map<String, String> headers) {
    Response(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  interface Handler {
    Response answer(Request request);
  }

  private final HttpServer server;
  private final ExecutorService threads;

  StubServer(Handler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "stub-aws");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> handle(exchange, handler));
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void handle(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = exchange.getRequestURI();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
          ? decode(body) : Map.of();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), decode(uri.getRawQuery()), form, body,
          target == null ? "" : target);
      Response response = handler.answer(request);
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", response.contentType());
      exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-request");
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  static Map<String, String> decode(@org.jspecify.annotations.Nullable String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : Stats.split(encoded, "&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
