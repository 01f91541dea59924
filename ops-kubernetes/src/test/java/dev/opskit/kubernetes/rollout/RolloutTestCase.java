package dev.opskit.kubernetes.rollout;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every rollout test has: a mock cluster, its client, and a context on manual time with audit and progress. */
abstract class RolloutTestCase {
  final ManualTime time = new ManualTime();
  final InMemoryAuditSink audit = new InMemoryAuditSink();
  final List<ProgressEvent> progress = new ArrayList<>();
  @RegisterExtension final MockCluster cluster;
  final KubernetesMockServer server;
  final KubernetesClient client;
  final OpsContext ctx;

  RolloutTestCase(MockCluster cluster) {
    this.cluster = cluster;
    this.server = cluster.server();
    this.client = cluster.client();
    this.ctx = cluster.closing(Fixtures.context(time, audit, false, progress));
  }
}
