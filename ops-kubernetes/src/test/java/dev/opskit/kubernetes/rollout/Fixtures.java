package dev.opskit.kubernetes.rollout;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.Sleeper;
import dev.opskit.core.audit.InMemoryAuditSink;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Deployments and ReplicaSets built with fabric8's builders, mock servers, and a context on a manual clock. */
final class Fixtures {
  static final String NS = "production";
  static final String NAME = "api-deployment";
  static final DeploymentRef REF = DeploymentRef.of(NS, NAME);
  static final String PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments/" + NAME;

  private static final Map<KubernetesMockServer, Integer> TAKEN =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Fixtures() {}

  /** A CRUD mock server: stores what is created, answers reads and patches, runs no controller. */
  static KubernetesMockServer crudServer() {
    KubernetesMockServer server = new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    return server;
  }

  /** A mock server answering only the expectations set on it. */
  static KubernetesMockServer expectationServer() {
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.init();
    return server;
  }

  /** A client of the server that does not retry failed requests itself (so error tests see one answer). */
  static KubernetesClient client(KubernetesMockServer server) {
    return server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
  }

  /**
   * The requests the server has received since the last call, as "METHOD path" (the server's count is of every
   * request it received; {@code taken} is how many earlier calls took).
   */
  static List<String> requests(KubernetesMockServer server) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    int count = server.getRequestCount() - TAKEN.getOrDefault(server, 0);
    for (int i = 0; i < count; i++) {
      RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
      if (r == null) {
        break;
      }
      seen.add(r.getMethod() + " " + r.getPath());
    }
    TAKEN.merge(server, seen.size(), Integer::sum);
    return seen;
  }

  static Container container(String name, String image) {
    return new ContainerBuilder().withName(name).withImage(image).build();
  }

  static PodTemplateSpec template(Map<String, String> extraLabels, Container... containers) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", "api");
    labels.putAll(extraLabels);
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().withContainers(containers).endSpec()
        .build();
  }

  /** The deployment with an api and a sidecar container and an init container. */
  static Deployment deployment(String apiImage) {
    return new DeploymentBuilder()
        .withNewMetadata().withNamespace(NS).withName(NAME).withUid("uid-api-deployment").withGeneration(3L)
        .addToAnnotations("deployment.kubernetes.io/revision", "3")
        .endMetadata()
        .withNewSpec().withReplicas(3)
        .withNewSelector().addToMatchLabels("app", "api").endSelector()
        .withTemplate(new PodTemplateSpecBuilder(template(Map.of(),
            container("api", apiImage), container("sidecar", "envoyproxy/envoy:v1.30.1")))
            .editSpec().withInitContainers(container("migrate", "api-migrations:v1")).endSpec().build())
        .endSpec()
        .build();
  }

  /** A ReplicaSet of the deployment at {@code revision}, its template with {@code apiImage}. */
  static ReplicaSet replicaSet(Deployment owner, long revision, String apiImage, String changeCause) {
    String hash = "h" + revision;
    PodTemplateSpec template = new PodTemplateSpecBuilder(owner.getSpec().getTemplate())
        .editMetadata().addToLabels("pod-template-hash", hash).endMetadata()
        .editSpec().editFirstContainer().withImage(apiImage).endContainer().endSpec()
        .build();
    ReplicaSetBuilder b = new ReplicaSetBuilder()
        .withNewMetadata().withNamespace(NS).withName(NAME + "-" + hash)
        .addToLabels("app", "api").addToLabels("pod-template-hash", hash)
        .addToAnnotations("deployment.kubernetes.io/revision", Long.toString(revision))
        .addToAnnotations("deployment.kubernetes.io/desired-replicas", "3")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
        .endMetadata()
        .withNewSpec().withReplicas(0).withNewSelector().addToMatchLabels("app", "api")
        .addToMatchLabels("pod-template-hash", hash).endSelector().withTemplate(template).endSpec();
    if (!changeCause.isEmpty()) {
      b.editMetadata().addToAnnotations("kubernetes.io/change-cause", changeCause).endMetadata();
    }
    return b.build();
  }

  /** A clock that moves only when the sleeper sleeps. */
  static final class ManualTime extends Clock implements Sleeper {
    private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A context on manual time recording audit events and progress. */
  static OpsContext context(ManualTime time, InMemoryAuditSink audit, boolean dryRun, List<ProgressEvent> progress) {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .clock(time).sleeper(time).auditSink(audit).dryRun(dryRun).progressListener(progress::add)
        .build();
  }
}
