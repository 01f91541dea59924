package dev.opskit.kubernetes.manifest;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A CRUD mock cluster, its client, and contexts (applying and dry run) on manual time with an audit. */
abstract class ManifestTestCase {
  final ManualTime time = new ManualTime();
  final InMemoryAuditSink audit = new InMemoryAuditSink();
  @RegisterExtension final MockCluster cluster;
  final KubernetesClient client;
  final OpsContext ctx;

  final ApplyingDispatcher dispatcher;

  ManifestTestCase() {
    this(java.util.Set.of());
  }

  /** A cluster whose writes to these paths fail with 403. */
  ManifestTestCase(java.util.Set<String> failing) {
    this.dispatcher = new ApplyingDispatcher(failing);
    this.cluster = MockCluster.crud(dispatcher);
    this.client = cluster.client();
    this.ctx = cluster.closing(MockCluster.context(time).sleeper(time).auditSink(audit).build());
  }

  Manifests manifests() {
    return Manifests.using(ctx, client);
  }

  OpsContext dryRun() {
    return cluster.closing(MockCluster.context(time).sleeper(time).auditSink(audit).dryRun(true).build());
  }
}
