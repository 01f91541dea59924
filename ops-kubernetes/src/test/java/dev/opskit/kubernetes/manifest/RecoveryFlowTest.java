package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The guide's flow end to end: back up a namespace, write, read, plan on an empty cluster, apply, plan again. */
class RecoveryFlowTest extends ManifestTestCase {
  @RegisterExtension final MockCluster restored = MockCluster.crud(new ApplyingDispatcher(Set.of()));
  @TempDir Path dir;

  private void source() {
    client.resource(Objects.deployment("api:v1", 3)).create();
    client.resource(Objects.service()).create();
    client.resource(Objects.configMap()).create();
    client.resource(Objects.rootCa()).create();
    client.resource(Objects.secret()).create();
  }

  @Test
  void backupWriteReadPlanApplyPlan() throws Exception {
    source();
    Manifests here = manifests();

    ManifestSet backup = here.backup(Objects.NS, Manifests.DEFAULT_KINDS);
    here.write(backup, dir);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("configmap-api-config.yaml", "deployment-api-deployment.yaml", "service-api.yaml");
    }
    String deploymentYaml = Files.readString(dir.resolve("deployment-api-deployment.yaml"));
    assertThat(deploymentYaml).contains("image: \"api:v1\"").doesNotContain("status", "uid", "resourceVersion",
        "creationTimestamp", "deployment.kubernetes.io/revision", "generation");
    assertThat(Files.readString(dir.resolve("service-api.yaml"))).doesNotContain("10.100.12.34", "elb");

    ManifestSet read = here.read(dir);
    assertThat(read.manifests()).extracting(Manifest::id)
        .containsExactly("ConfigMap production/api-config", "Deployment production/api-deployment",
            "Service production/api");
    // Against the cluster it came from: nothing to do.
    assertThat(here.plan(read, Objects.NS).changes()).extracting(ResourceChange::kind)
        .containsOnly(ResourceChange.Kind.UNCHANGED).hasSize(3);

    Manifests there = Manifests.using(ctx, restored.client());
    Plan plan = there.plan(read, Objects.NS);
    assertThat(plan.changes()).extracting(c -> c.kind() + " " + c.resourceType() + " " + c.resource())
        .containsExactly("CREATE ConfigMap production/api-config", "CREATE Service production/api",
            "CREATE Deployment production/api-deployment");
    assertThat(plan.changes().get(2).calls().get(0).target()).isEqualTo("production/deployment/api-deployment");
    assertThat(plan.changes().get(2).calls().get(0).operation()).isEqualTo("kubernetes:Apply");

    ApplyResult result = there.apply(plan);

    assertThat(result.isPlanned()).isFalse();
    assertThat(result.results()).hasSize(3);
    Deployment d = restored.client().apps().deployments().inNamespace(Objects.NS).withName("api-deployment").get();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("api:v1");
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    Service s = restored.client().services().inNamespace(Objects.NS).withName("api").get();
    assertThat(s.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(there.plan(here.read(dir), Objects.NS).changes()).extracting(ResourceChange::kind)
        .containsOnly(ResourceChange.Kind.UNCHANGED).hasSize(3);
    assertThat(audit.events()).filteredOn(e -> e.operation().equals("kubernetes:Apply")).isNotEmpty();
  }

  @Test
  void secretsOnlyWhenAskedAndAsStored() throws Exception {
    source();

    ManifestSet backup = manifests().backup(Objects.NS, Set.of("Secret", "ConfigMap"));

    assertThat(backup.manifests()).extracting(Manifest::id)
        .containsExactly("Secret production/db-password", "ConfigMap production/api-config");
    assertThat(backup.toString()).doesNotContain("czNjcjN0");
    manifests().write(backup, dir);
    assertThat(Files.readString(dir.resolve("secret-db-password.yaml"))).contains("password: \"czNjcjN0\"");
    assertThat(manifests().backup(Objects.NS, Manifests.DEFAULT_KINDS).manifests())
        .extracting(Manifest::kind).doesNotContain("Secret");
  }
}
