package dev.opskit.backup;

import dev.opskit.core.internal.JsonNode;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A small stateful AWS Backup on a loopback port, for what moto lacks (selections, {@code UpdateBackupPlan}):
 * vaults, plans, selections and tags, answering in the REST-JSON shapes of the AWS Backup API reference (dates
 * as epoch seconds, errors as {@code x-amzn-ErrorType} with a {@code Message}). As AWS does, it fills in a rule's
 * defaults ({@code StartWindowMinutes} 480, {@code CompletionWindowMinutes} 10080, {@code ScheduleExpression},
 * {@code ScheduleExpressionTimezone}) and a {@code RuleId}, makes a new {@code VersionId} on each update, removes
 * a lifecycle setting sent as {@code -1}, answers a retried create with the same {@code CreatorRequestId} with
 * what the first made, and answers {@code GetBackupSelection} with empty {@code NotResources} and
 * {@code Conditions} lists. Listings are paged ({@code MaxResults}, {@code NextToken}), two items a page.
 */
final class AwsBackupStub implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  private static final Pattern VAULT = Pattern.compile("/backup-vaults/([^/]+)");
  private static final Pattern PLAN = Pattern.compile("/backup/plans/([^/]+)/?");
  private static final Pattern SELECTIONS = Pattern.compile("/backup/plans/([^/]+)/selections/?");
  private static final Pattern SELECTION = Pattern.compile("/backup/plans/([^/]+)/selections/([^/]+)");
  private static final Pattern TAGS = Pattern.compile("/tags/(.+?)/?");
  private static final Pattern UNTAG = Pattern.compile("/untag/(.+)");
  private static final int PAGE = 2;

  private final HttpServer server;
  private final Map<String, Map<String, Object>> vaults = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> plans = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<String, Object>>> selections = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private long clock = 1_767_225_600L;
  private volatile String refused = "\u0000";

  private AwsBackupStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static AwsBackupStub start() {
    try {
      return new AwsBackupStub();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the AWS Backup stub", e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A context bound to the stub. */
  OpsContext context(boolean dryRun, AuditSink audit) {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(endpoint()).dryRun(dryRun).auditSink(audit).build();
  }

  /** Every request received, as {@code METHOD path}, in order. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests that change something. */
  List<String> changes() {
    return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  /** Makes a plan directly, as another client would (its id). */
  synchronized String givenPlan(String name) {
    return createPlan(Json.parseTrusted("{\"BackupPlan\":{\"BackupPlanName\":\"" + name + "\",\"Rules\":[{\"RuleName\":\"daily\","
        + "\"TargetBackupVaultName\":\"efs-backup-vault\"}]},\"CreatorRequestId\":\"given\"}")).get("BackupPlanId").toString();
  }

  /** Makes a selection directly, as another client would (its id). */
  synchronized String givenSelection(String planId, String selectionJson) {
    return createSelection(planId, Json.parseTrusted("{\"BackupSelection\":" + selectionJson + ",\"CreatorRequestId\":\""
        + UUID.randomUUID() + "\"}")).get("SelectionId").toString();
  }

  /** The stored plan document of a plan, as GetBackupPlan returns it. */
  @SuppressWarnings("unchecked")
  synchronized Map<String, Object> planDocument(String planId) {
    return (Map<String, Object>) plans.get(planId).get("BackupPlan");
  }

  /** From now on, refuses (400 {@code InvalidParameterValueException}) every change whose body contains the text. */
  void refuseChangesContaining(String text) {
    refused = text;
  }

  synchronized int selectionCount(String planId) {
    return selections.getOrDefault(planId, Map.of()).size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(method + " " + URLDecoder.decode(path, StandardCharsets.UTF_8));
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Object answer;
      if (!method.equals("GET") && body.contains(refused)) {
        StubError error = new StubError(400, "InvalidParameterValueException", "refused by the test");
        respond(exchange, error.status, Map.of("Code", error.code, "Message", error.message), error.code);
        return;
      }
      synchronized (this) {
        clock++;
        answer = route(method, path, body.isEmpty() ? Json.object() : Json.parseTrusted(body), query);
      }
      if (answer instanceof StubError error) {
        respond(exchange, error.status, Map.of("Code", error.code, "Message", error.message), error.code);
      } else {
        respond(exchange, 200, answer, null);
      }
    }
  }

  private record StubError(int status, String code, String message) {}

  private Object route(String method, String path, JsonNode body, Map<String, String> query) {
    Matcher selection = SELECTION.matcher(path);
    if (selection.matches()) {
      return switch (method) {
        case "GET" -> getSelection(selection.group(1), selection.group(2));
        case "DELETE" -> deleteSelection(selection.group(1), selection.group(2));
        default -> unsupported(method, path);
      };
    }
    Matcher selectionsPath = SELECTIONS.matcher(path);
    if (selectionsPath.matches()) {
      return switch (method) {
        case "PUT" -> selections.containsKey(selectionsPath.group(1)) ? createSelection(selectionsPath.group(1), body) : notFound("backup plan " + selectionsPath.group(1));
        case "GET" -> listSelections(selectionsPath.group(1), query);
        default -> unsupported(method, path);
      };
    }
    if (path.equals("/backup/plans/") || path.equals("/backup/plans")) {
      return switch (method) {
        case "PUT" -> createPlan(body);
        case "GET" -> page("BackupPlansList", plans.values().stream().map(AwsBackupStub::planListMember).toList(), query);
        default -> unsupported(method, path);
      };
    }
    Matcher plan = PLAN.matcher(path);
    if (plan.matches()) {
      return switch (method) {
        case "GET" -> getPlan(plan.group(1));
        case "POST" -> updatePlan(plan.group(1), body);
        default -> unsupported(method, path);
      };
    }
    if (path.equals("/backup-vaults/") && method.equals("GET")) {
      return page("BackupVaultList", List.copyOf(vaults.values()), query);
    }
    Matcher vault = VAULT.matcher(path);
    if (vault.matches()) {
      String name = vault.group(1);
      return switch (method) {
        case "PUT" -> createVault(name, body);
        case "GET" -> vaults.containsKey(name) ? vaults.get(name) : notFound("backup vault " + name);
        case "DELETE" -> vaults.remove(name) == null ? notFound("backup vault " + name) : Map.of();
        default -> unsupported(method, path);
      };
    }
    Matcher tagsPath = TAGS.matcher(path);
    if (tagsPath.matches()) {
      String arn = URLDecoder.decode(tagsPath.group(1), StandardCharsets.UTF_8);
      if (!tags.containsKey(arn)) {
        return notFound("resource " + arn);
      }
      if (method.equals("GET")) {
        return Map.of("Tags", tags.get(arn));
      }
      strings(body.get("Tags")).forEach(tags.get(arn)::put);
      return Map.of();
    }
    Matcher untag = UNTAG.matcher(path);
    if (untag.matches() && method.equals("POST")) {
      String arn = URLDecoder.decode(untag.group(1), StandardCharsets.UTF_8);
      if (!tags.containsKey(arn)) {
        return notFound("resource " + arn);
      }
      body.get("TagKeyList").forEach(k -> tags.get(arn).remove(k.asText()));
      return Map.of();
    }
    return unsupported(method, path);
  }

  private static StubError unsupported(String method, String path) {
    return new StubError(400, "InvalidRequestException", "the stub does not serve " + method + " " + path);
  }

  private static StubError notFound(String what) {
    return new StubError(404, "ResourceNotFoundException", what + " not found");
  }

  private Object createVault(String name, JsonNode body) {
    if (vaults.containsKey(name)) {
      return new StubError(400, "AlreadyExistsException", "Backup vault with the same name already exists");
    }
    String arn = "arn:aws:backup:us-east-1:" + ACCOUNT + ":backup-vault:" + name;
    Map<String, Object> vault = new LinkedHashMap<>();
    vault.put("BackupVaultName", name);
    vault.put("BackupVaultArn", arn);
    vault.put("EncryptionKeyArn", body.hasNonNull("EncryptionKeyArn") ? body.get("EncryptionKeyArn").asText()
        : "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/aws-backup-default");
    vault.put("CreationDate", clock);
    vault.put("CreatorRequestId", body.path("CreatorRequestId").asText(""));
    vault.put("NumberOfRecoveryPoints", 0);
    vaults.put(name, vault);
    tags.put(arn, new LinkedHashMap<>(strings(body.get("BackupVaultTags"))));
    return Map.of("BackupVaultName", name, "BackupVaultArn", arn, "CreationDate", clock);
  }

  private Map<String, Object> createPlan(JsonNode body) {
    String requestId = body.path("CreatorRequestId").asText("");
    for (Map<String, Object> p : plans.values()) {
      if (!requestId.isEmpty() && requestId.equals(p.get("CreatorRequestId"))) {
        return created(p);
      }
    }
    String id = UUID.randomUUID().toString();
    String arn = "arn:aws:backup:us-east-1:" + ACCOUNT + ":backup-plan:" + id;
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("BackupPlanId", id);
    plan.put("BackupPlanArn", arn);
    plan.put("VersionId", UUID.randomUUID().toString());
    plan.put("CreatorRequestId", requestId);
    plan.put("CreationDate", clock);
    plan.put("BackupPlan", document(body.get("BackupPlan")));
    plans.put(id, plan);
    tags.put(arn, new LinkedHashMap<>(strings(body.get("BackupPlanTags"))));
    selections.put(id, new LinkedHashMap<>());
    return created(plan);
  }

  private static Map<String, Object> created(Map<String, Object> plan) {
    return Map.of("BackupPlanId", plan.get("BackupPlanId"), "BackupPlanArn", plan.get("BackupPlanArn"),
        "VersionId", plan.get("VersionId"), "CreationDate", plan.get("CreationDate"));
  }

  /** The plan as AWS keeps it: defaults filled in, a RuleId per rule, lifecycle settings of -1 removed. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(JsonNode input) {
    Map<String, Object> plan = (Map<String, Object>) plain(input);
    for (Object r : (List<Object>) plan.get("Rules")) {
      Map<String, Object> rule = (Map<String, Object>) r;
      rule.put("RuleId", UUID.randomUUID().toString());
      rule.putIfAbsent("ScheduleExpression", "cron(0 5 ? * * *)");
      rule.putIfAbsent("ScheduleExpressionTimezone", "Etc/UTC");
      rule.putIfAbsent("StartWindowMinutes", 480);
      rule.putIfAbsent("CompletionWindowMinutes", 10080);
      if (rule.get("Lifecycle") instanceof Map<?, ?> lifecycle) {
        lifecycle.values().removeIf(v -> v instanceof Number n && n.longValue() == -1);
        if (lifecycle.isEmpty()) {
          rule.remove("Lifecycle");
        }
      }
    }
    return plan;
  }

  private Object getPlan(String id) {
    Map<String, Object> plan = plans.get(id);
    return plan == null ? notFound("backup plan " + id) : plan;
  }

  private static Map<String, Object> planListMember(Map<String, Object> plan) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("BackupPlanArn", plan.get("BackupPlanArn"));
    member.put("BackupPlanId", plan.get("BackupPlanId"));
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) plan.get("BackupPlan");
    member.put("BackupPlanName", document.get("BackupPlanName"));
    member.put("CreationDate", plan.get("CreationDate"));
    member.put("CreatorRequestId", plan.get("CreatorRequestId"));
    member.put("VersionId", plan.get("VersionId"));
    return member;
  }

  private Object updatePlan(String id, JsonNode body) {
    Map<String, Object> plan = plans.get(id);
    if (plan == null) {
      return notFound("backup plan " + id);
    }
    plan.put("BackupPlan", document(body.get("BackupPlan")));
    plan.put("VersionId", UUID.randomUUID().toString());
    return Map.of("BackupPlanId", id, "BackupPlanArn", plan.get("BackupPlanArn"), "VersionId", plan.get("VersionId"),
        "CreationDate", plan.get("CreationDate"));
  }

  private Map<String, Object> createSelection(String planId, JsonNode body) {
    Map<String, Map<String, Object>> ofPlan = selections.computeIfAbsent(planId, k -> new LinkedHashMap<>());
    String requestId = body.path("CreatorRequestId").asText("");
    for (Map<String, Object> s : ofPlan.values()) {
      if (!requestId.isEmpty() && requestId.equals(s.get("CreatorRequestId"))) {
        return Map.of("SelectionId", s.get("SelectionId"), "BackupPlanId", planId, "CreationDate", s.get("CreationDate"));
      }
    }
    String id = UUID.randomUUID().toString();
    @SuppressWarnings("unchecked")
    Map<String, Object> selection = (Map<String, Object>) plain(body.get("BackupSelection"));
    selection.putIfAbsent("Resources", List.of());
    selection.putIfAbsent("ListOfTags", List.of());
    selection.putIfAbsent("NotResources", List.of());
    selection.putIfAbsent("Conditions", Map.of("StringEquals", List.of(), "StringNotEquals", List.of(), "StringLike", List.of(),
        "StringNotLike", List.of()));
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("SelectionId", id);
    stored.put("BackupPlanId", planId);
    stored.put("CreationDate", clock);
    stored.put("CreatorRequestId", requestId);
    stored.put("BackupSelection", selection);
    ofPlan.put(id, stored);
    return Map.of("SelectionId", id, "BackupPlanId", planId, "CreationDate", clock);
  }

  private Object listSelections(String planId, Map<String, String> query) {
    Map<String, Map<String, Object>> ofPlan = selections.get(planId);
    if (ofPlan == null) {
      return notFound("backup plan " + planId);
    }
    List<Object> members = new ArrayList<>();
    for (Map<String, Object> s : ofPlan.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> selection = (Map<String, Object>) s.get("BackupSelection");
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("SelectionId", s.get("SelectionId"));
      member.put("SelectionName", selection.get("SelectionName"));
      member.put("BackupPlanId", planId);
      member.put("CreationDate", s.get("CreationDate"));
      member.put("CreatorRequestId", s.get("CreatorRequestId"));
      member.put("IamRoleArn", selection.get("IamRoleArn"));
      members.add(member);
    }
    return page("BackupSelectionsList", members, query);
  }

  private Object getSelection(String planId, String id) {
    Map<String, Object> s = selections.getOrDefault(planId, Map.of()).get(id);
    return s == null ? notFound("backup selection " + id) : s;
  }

  private Object deleteSelection(String planId, String id) {
    Map<String, Object> s = selections.getOrDefault(planId, new LinkedHashMap<>()).remove(id);
    return s == null ? notFound("backup selection " + id) : Map.of();
  }

  private static Map<String, Object> page(String member, List<?> all, Map<String, String> query) {
    int from = query.containsKey("nextToken") ? Integer.parseInt(query.get("nextToken")) : 0;
    int to = Math.min(all.size(), from + PAGE);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put(member, all.subList(from, to));
    if (to < all.size()) {
      page.put("NextToken", String.valueOf(to));
    }
    return page;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), e.getValue().asText());
      }
    }
    return map;
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(plain(e)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  private static void respond(HttpExchange exchange, int status, Object body, String errorType) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
