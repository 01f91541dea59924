package dev.opskit.cost.lifecycle;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditSink;
import dev.opskit.core.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A small stateful S3 Intelligent-Tiering and Data Lifecycle Manager on a loopback port, for what moto lacks,
 * answering in the shapes of the API references: S3 REST-XML ({@code PUT /<bucket>?intelligent-tiering&id=},
 * {@code GET /<bucket>?intelligent-tiering} paged (100 a page, or as set) with {@code ContinuationToken}/{@code
 * NextContinuationToken}), DLM REST-JSON ({@code POST /policies}, {@code GET /policies}, {@code GET /policies/<id>/},
 * {@code PATCH /policies/<id>}, {@code DELETE /policies/<id>/}; AWS's {@code DateCreated}, {@code PolicyArn}, {@code StatusMessage} and {@code DefaultPolicy} added;
 * errors as {@code x-amzn-ErrorType}). It keeps every request line and body.
 */
final class LifecycleStub implements AutoCloseable {
  private static final Pattern BUCKET = Pattern.compile("/([^/?]+)/?");
  private static final Pattern POLICY = Pattern.compile("/policies/([^/]+)/?");
  private static final Pattern XML_DECL = Pattern.compile("<\\?xml[^>]*\\?>");
  private static final Pattern XMLNS = Pattern.compile(" xmlns=\"[^\"]*\"");

  private final HttpServer server;
  /** Bucket → id → the configuration's XML as S3 was sent it. */
  private final Map<String, Map<String, String>> tierings = new LinkedHashMap<>();
  private final Map<String, ObjectNode> policies = new LinkedHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private int nextPolicy = 1;
  private int pageSize = 100;

  private LifecycleStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static LifecycleStub start() {
    try {
      return new LifecycleStub();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the lifecycle stub", e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  OpsContext context(boolean dryRun, AuditSink audit) {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(endpoint()).dryRun(dryRun).auditSink(audit).build();
  }

  /** {@return every request as "METHOD path?query body"} */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Sets how many configurations a listing page holds (S3: up to 100). */
  synchronized void pageSize(int value) {
    pageSize = value;
  }

  /** Adds a configuration directly (as another tool would have). */
  synchronized void putTiering(String bucket, String id, String xml) {
    tierings.computeIfAbsent(bucket, k -> new LinkedHashMap<>()).put(id, xml);
  }

  /** Adds a policy directly (as another tool would have), in CreateLifecyclePolicy's JSON shape. */
  synchronized String putPolicy(String createJson) {
    return create((ObjectNode) Json.parseTrusted(createJson));
  }

  /** {@return how many policies there are} */
  synchronized int policyCount() {
    return policies.size();
  }

  /** Changes a live policy's member directly. */
  synchronized void edit(String policyId, String member, JsonNode value) {
    policies.get(policyId).set(member, value);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    String method = ex.getRequestMethod();
    requests.add(method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + body);
    Map<String, String> params = params(query);
    Matcher policy = POLICY.matcher(path);
    Matcher bucket = BUCKET.matcher(path);
    if (path.equals("/policies") || path.equals("/policies/")) {
      if (method.equals("POST")) {
        json(ex, 200, Json.object().put("PolicyId", create((ObjectNode) Json.parseTrusted(body))));
      } else {
        ArrayNode list = Json.array();
        policies.forEach((id, p) -> list.addObject().put("PolicyId", id).put("Description", p.path("Description").asText())
            .put("State", p.path("State").asText()).put("PolicyType", "EBS_SNAPSHOT_MANAGEMENT").put("DefaultPolicy", false)
            .set("Tags", p.path("Tags")));
        ObjectNode root = Json.object();
        root.set("Policies", list);
        json(ex, 200, root);
      }
    } else if (policy.matches()) {
      ObjectNode p = policies.get(policy.group(1));
      if (p == null) {
        ex.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
        json(ex, 404, Json.object().put("Message", "Policy not found").put("Code", "ResourceNotFoundException"));
      } else if (method.equals("DELETE")) {
        policies.remove(policy.group(1));
        json(ex, 200, Json.object());
      } else if (method.equals("PATCH")) {
        ObjectNode update = (ObjectNode) Json.parseTrusted(body);
        update.properties().forEach(e -> p.set(e.getKey(), e.getValue()));
        p.put("StatusMessage", p.path("State").asText());
        json(ex, 200, Json.object());
      } else {
        ObjectNode root = Json.object();
        root.set("Policy", p);
        json(ex, 200, root);
      }
    } else if (bucket.matches() && params.containsKey("intelligent-tiering")) {
      Map<String, String> configs = tierings.computeIfAbsent(bucket.group(1), k -> new LinkedHashMap<>());
      if (method.equals("PUT")) {
        configs.put(params.get("id"), XMLNS.matcher(XML_DECL.matcher(body).replaceAll("")).replaceAll(""));
        xml(ex, "");
      } else {
        List<String> all = new ArrayList<>(configs.values());
        int from = params.containsKey("continuation-token") ? Integer.parseInt(params.get("continuation-token")) : 0;
        int to = Math.min(all.size(), from + pageSize);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketIntelligentTieringConfigurationsOutput xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        out.append("<IsTruncated>").append(to < all.size()).append("</IsTruncated>");
        if (from > 0) {
          out.append("<ContinuationToken>").append(from).append("</ContinuationToken>");
        }
        if (to < all.size()) {
          out.append("<NextContinuationToken>").append(to).append("</NextContinuationToken>");
        }
        all.subList(from, to).forEach(out::append);
        xml(ex, out.append("</ListBucketIntelligentTieringConfigurationsOutput>").toString());
      }
    } else {
      ex.getResponseHeaders().set("x-amzn-ErrorType", "UnknownOperationException");
      json(ex, 400, Json.object().put("Message", "not stubbed: " + method + " " + path));
    }
  }

  private String create(ObjectNode request) {
    String id = String.format("policy-%017x", nextPolicy++);
    ObjectNode p = request.deepCopy();
    p.put("PolicyId", id);
    p.put("PolicyArn", "arn:aws:dlm:us-east-1:123456789012:policy/" + id);
    p.put("StatusMessage", p.path("State").asText());
    p.put("DefaultPolicy", false);
    p.put("DateCreated", java.time.Instant.now().toString());
    policies.put(id, p);
    return id;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void json(HttpExchange ex, int status, JsonNode node) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    send(ex, status, Json.write(node));
  }

  private static void xml(HttpExchange ex, String text) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/xml");
    send(ex, 200, text);
  }

  private static void send(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("x-amzn-RequestId", "stub-" + System.nanoTime());
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
