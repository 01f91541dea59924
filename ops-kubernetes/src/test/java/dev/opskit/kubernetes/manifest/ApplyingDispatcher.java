package dev.opskit.kubernetes.manifest;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * fabric8's CRUD dispatcher with server-side apply, which it lacks (it answers 415 to an apply patch, and 404 for
 * an object that does not exist): an apply patch is merged into the object as a JSON merge patch (RFC 7386) and stored with a PUT, or creates the
 * object when there is none (the Kubernetes API documents that apply creates). The API server's apply merges lists
 * by their merge keys and tracks field owners; the tests here do not depend on either. It can also fail the writes
 * to some paths, to show a failure part-way.
 */
final class ApplyingDispatcher extends KubernetesCrudDispatcher {
  /** Every write, as {@code METHOD path} without the query, in order. */
  final List<String> writes = Collections.synchronizedList(new ArrayList<>());
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  @SuppressWarnings("unchecked")
  private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;
  private final Set<String> failing;

  ApplyingDispatcher(Set<String> failing) {
    this.failing = failing;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    String method = request.getMethod();
    if (!"GET".equals(method)) {
      writes.add(method + " " + bare);
    }
    if (!"GET".equals(method) && failing.contains(bare)) {
      return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
          + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"services \\\"api\\\" is"
          + " forbidden: User \\\"deployer\\\" cannot patch resource \\\"services\\\"\"}");
    }
    String type = request.getHeader("Content-Type");
    if (!"PATCH".equals(method) || type == null || !type.contains("apply-patch")) {
      return super.dispatch(request);
    }
    byte[] body = request.getBody().getBytes();
    MockResponse current = super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, bare,
        Headers.builder().build(), new Buffer()));
    if (current.code() == 404) {
      String collection = bare.substring(0, bare.lastIndexOf('/'));
      return super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection, request.getHeaders(),
          new Buffer(body)));
    }
    Map<String, Object> live = JSON.unmarshal(current.getBody().readUtf8(), MAP);
    Map<String, Object> patch = JSON.unmarshal(new String(body, StandardCharsets.UTF_8), MAP);
    Map<String, Object> merged = merge(live, patch);
    Headers json = request.getHeaders().newBuilder().set("Content-Type", "application/json").build();
    return super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, bare, json,
        new Buffer(JSON.asJson(merged).getBytes(StandardCharsets.UTF_8))));
  }

  /** RFC 7386: maps merge key by key, a null removes, anything else replaces. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
    Map<String, Object> result = new LinkedHashMap<>(target);
    patch.forEach((k, v) -> {
      if (v == null) {
        result.remove(k);
      } else if (v instanceof Map<?, ?> m && result.get(k) instanceof Map<?, ?> t) {
        result.put(k, merge((Map<String, Object>) t, (Map<String, Object>) m));
      } else {
        result.put(k, v);
      }
    });
    return result;
  }
}
