package dev.opskit.kubernetes.scaling;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A CRUD mock cluster, its client, and contexts on manual time recording audit events. */
abstract class ScalingTestCase {
  static final String NS = "production";
  static final String DEPLOYMENT = "api-deployment";
  static final String PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments/" + DEPLOYMENT;
  final ManualTime time = new ManualTime();
  final InMemoryAuditSink audit = new InMemoryAuditSink();
  @RegisterExtension final MockCluster cluster = MockCluster.crud();
  final KubernetesClient client = cluster.client();
  final OpsContext ctx = cluster.closing(context(false));

  OpsContext context(boolean dryRun) {
    return MockCluster.context(time).sleeper(time).auditSink(audit).dryRun(dryRun).build();
  }

  /** api (requests 100m/128Mi, a GPU limit), sidecar (no resources), init container migrate. */
  static Deployment deployment() {
    Container api = new ContainerBuilder().withName("api").withImage("api:v1")
        .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
        .addToLimits("nvidia.com/gpu", new Quantity("1")).endResources().build();
    return new DeploymentBuilder()
        .withNewMetadata().withNamespace(NS).withName(DEPLOYMENT).endMetadata()
        .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "api").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "api").endMetadata()
        .withNewSpec().withContainers(api, new ContainerBuilder().withName("sidecar").withImage("envoy:v1").build())
        .withInitContainers(new ContainerBuilder().withName("migrate").withImage("migrate:v1").build())
        .endSpec().endTemplate().endSpec()
        .build();
  }
}
