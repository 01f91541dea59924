package dev.opskit.kubernetes.manifest;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * fabric8's CRUD dispatcher with the one API-server behaviour of server-side apply it lacks: an apply patch of an
 * object that does not exist creates it (the Kubernetes API documents that apply creates); the mock answers 404.
 * It can also fail the writes to some paths, to show a failure part-way.
 */
final class ApplyingDispatcher extends KubernetesCrudDispatcher {
  /** Every write, as {@code METHOD path} without the query, in order. */
  final List<String> writes = Collections.synchronizedList(new ArrayList<>());
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
    MockResponse answer = super.dispatch(request);
    if (answer.code() != 404) {
      return answer;
    }
    String collection = bare.substring(0, bare.lastIndexOf('/'));
    return super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection, request.getHeaders(),
        new Buffer(body)));
  }
}
