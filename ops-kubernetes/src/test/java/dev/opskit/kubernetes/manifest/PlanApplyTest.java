package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** plan and apply of manifests: update diffs, dry run, order, a failure part-way, namespaces. */
class PlanApplyTest extends ManifestTestCase {
  static final String FAILING = "/api/v1/namespaces/production/services/api";

  PlanApplyTest() {
    super(Set.of(FAILING));
  }

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api-deployment
        labels: {app: api}
      spec:
        replicas: 5
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: api:v2
              ports: [{containerPort: 8080}]
      """;
  static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: api-config}
      data: {LOG_LEVEL: info}
      """;
  static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        selector: {app: api}
        ports: [{port: 80, targetPort: 8080}]
      """;
  static final String NAMESPACE = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: production}
      """;

  @Test
  void anUpdateDiffsOnlyWhatTheManifestSetsAndApplyWritesIt() {
    client.resource(Objects.deployment("api:v1", 3)).create();
    client.resource(Objects.configMap()).create();
    Manifests manifests = manifests();

    Plan plan = manifests.plan(manifests.parse(DEPLOYMENT + "---\n" + CONFIG_MAP), "production");

    assertThat(plan.changes()).extracting(ResourceChange::kind)
        .containsExactly(ResourceChange.Kind.UNCHANGED, ResourceChange.Kind.UPDATE);
    assertThat(plan.change("production/api-deployment").orElseThrow().diffs()).containsExactly(
        new FieldDiff("spec.replicas", "3", "5"),
        new FieldDiff("spec.template.spec.containers[0].image", "api:v1", "api:v2"));
    assertThat(plan.render()).contains("~ update Deployment production/api-deployment",
        "spec.replicas: 3 -> 5", "1 to update", "1 unchanged");

    ApplyResult result = manifests.apply(plan);

    assertThat(result.results()).hasSize(1);
    assertThat(result.results().get(0).results().get(0)).isInstanceOf(ChangeResult.Applied.class);
    Deployment live = client.apps().deployments().inNamespace("production").withName("api-deployment").get();
    assertThat(live.getSpec().getReplicas()).isEqualTo(5);
    assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("api:v2");
    assertThat(dispatcher.writes).containsExactly("POST /apis/apps/v1/namespaces/production/deployments",
        "POST /api/v1/namespaces/production/configmaps",
        "PATCH /apis/apps/v1/namespaces/production/deployments/api-deployment");
    assertThat(manifests.plan(manifests.parse(DEPLOYMENT), "production").isEmpty()).isTrue();
  }

  @Test
  void aSecretsValuesNeverShowInThePlan() {
    client.resource(Objects.secret()).create();
    Manifests manifests = manifests();

    Plan plan = manifests.plan(manifests.parse("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db-password, namespace: production}
        stringData: {password: n3w-p4ss}
        """), null);

    assertThat(plan.change("production/db-password").orElseThrow().diffs())
        .containsExactly(new FieldDiff("data.password", "(redacted)", "(redacted)"));
    assertThat(plan.render() + plan.toJson()).doesNotContain("n3w-p4ss", "czNjcjN0");

    manifests.apply(plan);

    assertThat(client.secrets().inNamespace("production").withName("db-password").get().getData())
        .containsEntry("password", "bjN3LXA0c3M=");
    assertThat(audit.events()).isNotEmpty();
    assertThat(audit.events().toString()).contains("kubernetes:Apply").doesNotContain("n3w-p4ss", "bjN3LXA0c3M=");
  }

  @Test
  void aDryRunPlansEveryObjectAndWritesNothing() {
    Manifests manifests = Manifests.using(dryRun(), client);
    Plan plan = manifests.plan(manifests.parse(DEPLOYMENT + "---\n" + CONFIG_MAP), "production");

    ApplyResult result = manifests.apply(plan);

    assertThat(result.isPlanned()).isTrue();
    assertThat(result.results()).hasSize(2).allSatisfy(a -> assertThat(a.results())
        .singleElement().isInstanceOf(ChangeResult.Planned.class));
    assertThat(dispatcher.writes).isEmpty();
    assertThat(client.apps().deployments().inNamespace("production").withName("api-deployment").get()).isNull();
  }

  @Test
  void objectsAreAppliedInHelmsOrder() {
    Manifests manifests = manifests();
    ManifestSet set = manifests.parse(DEPLOYMENT + "---\n" + SERVICE.replace("name: api", "name: web") + "---\n"
        + CONFIG_MAP + "---\n" + NAMESPACE);

    Plan plan = manifests.plan(set, "production");
    assertThat(plan.changes()).extracting(ResourceChange::resourceType)
        .containsExactly("Namespace", "ConfigMap", "Service", "Deployment");
    assertThat(plan.changes().get(0).resource()).isEqualTo("production");
    manifests.apply(plan);

    assertThat(dispatcher.writes).containsExactly(
        "PATCH /api/v1/namespaces/production",
        "PATCH /api/v1/namespaces/production/configmaps/api-config",
        "PATCH /api/v1/namespaces/production/services/web",
        "PATCH /apis/apps/v1/namespaces/production/deployments/api-deployment");
  }

  @Test
  void aFailurePartWaySaysWhatWasApplied() {
    Manifests manifests = manifests();
    Plan plan = manifests.plan(manifests.parse(DEPLOYMENT + "---\n" + SERVICE + "---\n" + CONFIG_MAP),
        "production");

    assertThatThrownBy(() -> manifests.apply(plan))
        .isInstanceOfSatisfying(PartialApplyException.class, e -> {
          assertThat(e.applied()).extracting(a -> a.change().resource()).containsExactly("production/api-config");
          assertThat(e.failed().resource()).isEqualTo("production/api");
          assertThat(e.notAttempted()).extracting(ResourceChange::resource)
              .containsExactly("production/api-deployment");
          assertThat(e.getCause()).isInstanceOf(AccessDeniedException.class)
              .hasMessageContaining("kubernetes:Apply").hasMessageContaining("production/service/api")
              .hasMessageContaining("cannot patch resource");
        })
        .hasMessageContaining("apply failed part-way at create Service production/api")
        .hasMessageContaining("Applied 1: [production/api-config]")
        .hasMessageContaining("not attempted 1: [production/api-deployment]");
    assertThat(client.configMaps().inNamespace("production").withName("api-config").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace("production").withName("api-deployment").get()).isNull();
  }

  @Test
  void objectsTakeTheNamespaceGivenOrDefaultAndAnotherIsRefused() {
    Manifests manifests = manifests();
    ManifestSet set = manifests.parse(CONFIG_MAP);

    assertThat(manifests.plan(set, null).changes().get(0).calls().get(0).target())
        .isEqualTo("default/configmap/api-config");
    assertThat(manifests.plan(set, "staging").changes().get(0).resource()).isEqualTo("staging/api-config");
    ManifestSet elsewhere = manifests.parse(CONFIG_MAP.replace("name: api-config", "name: api-config, namespace: qa"));
    assertThatThrownBy(() -> manifests.plan(elsewhere, "production"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid namespace: 'qa'")
        .hasMessageContaining("text, document 1 names another");
    assertThatThrownBy(() -> manifests.plan(set, "Prod_1"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid namespace: 'Prod_1'");
  }
}
