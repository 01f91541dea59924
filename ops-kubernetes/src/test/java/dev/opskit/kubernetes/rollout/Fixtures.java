package dev.opskit.kubernetes.rollout;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deployments and ReplicaSets built with fabric8's builders, and a context on a manual clock. */
final class Fixtures {
  static final String NS = "production";
  static final String NAME = "api-deployment";
  static final DeploymentRef REF = DeploymentRef.of(NS, NAME);
  static final String PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments/" + NAME;

  private Fixtures() {}

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

  /** A context on manual time recording audit events and progress. */
  static OpsContext context(ManualTime time, InMemoryAuditSink audit, boolean dryRun, List<ProgressEvent> progress) {
    return MockCluster.context(time).sleeper(time).auditSink(audit).dryRun(dryRun).progressListener(progress::add)
        .build();
  }
}
