package dev.opskit.kubernetes.secret;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mock Kubernetes API server (CRUD or expectations), a client over the JDK HTTP client, a context with an audit. */
final class Cluster implements AutoCloseable {
  static final String NAMESPACE = "production";
  static final String NAME = "aws-credentials";
  static final String PATH = "/api/v1/namespaces/" + NAMESPACE + "/secrets/" + NAME;

  private final MockCluster mock;
  final KubernetesMockServer server;
  final KubernetesClient client;
  final InMemoryAuditSink audit = new InMemoryAuditSink();
  final OpsContext ctx;

  private Cluster(MockCluster mock) {
    this.mock = mock;
    this.server = mock.server();
    this.client = mock.client();
    this.ctx = mock.closing(MockCluster.context(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
        .auditSink(audit).build());
  }

  /** A server that stores what it is sent (no controllers). */
  static Cluster crud() {
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        // The dispatcher consumes the body: keep each PATCH body for the test first.
        if ("PATCH".equals(request.getMethod())) {
          bodies.add(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        }
        return super.dispatch(request);
      }
    };
    Cluster cluster = new Cluster(MockCluster.crud(dispatcher));
    cluster.patchBodies = bodies;
    return cluster;
  }

  /** The bodies of the PATCH requests a CRUD server received, in order. */
  List<String> patchBodies = List.of();

  /** A server that answers only what a test expects. */
  static Cluster expectations() {
    return new Cluster(MockCluster.expectations());
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  /** The application's secret as it is before a rotation: the old key, and a key OpsKit does not manage. */
  static Secret applicationSecret() {
    return new SecretBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(NAME).endMetadata()
        .withType("Opaque")
        .addToData("access-key-id", base64("AKIAOLDKEY0000000000"))
        .addToData("secret-access-key", base64("old-secret/Access+Key0000000000000000000"))
        .addToData("database-url", base64("postgres://db.internal:5432/app"))
        .build();
  }

  Secret storeApplicationSecret() {
    return client.secrets().inNamespace(NAMESPACE).resource(applicationSecret()).create();
  }

  Secret stored() {
    return client.secrets().inNamespace(NAMESPACE).withName(NAME).get();
  }

  /** Every request the server received so far, in order (taking them from its queue). */
  List<RecordedRequest> requests() throws InterruptedException {
    return mock.takeRequests();
  }

  /** The PATCH requests among them. */
  List<RecordedRequest> patches(List<RecordedRequest> requests) {
    return requests.stream().filter(r -> "PATCH".equals(r.getMethod())).toList();
  }

  static Map<String, String> data(Secret secret) {
    Map<String, String> decoded = new HashMap<>();
    secret.getData().forEach((k, v) -> decoded.put(k, decode(v)));
    return decoded;
  }

  @Override
  public void close() {
    mock.close();
  }
}
