package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guide's two checks after a recovery, on a manual clock. */
class VerifyTest extends ManifestTestCase {

  private void services() {
    client.resource(Objects.service()).create();
    client.resource(new ServiceBuilder().withNewMetadata().withNamespace(Objects.NS).withName("worker")
        .endMetadata().withNewSpec().withClusterIP("10.100.0.9").addNewPort().withPort(9000).endPort().endSpec()
        .build()).create();
    client.resource(Objects.slice("api", true)).create();
    client.resource(Objects.slice("worker", false)).create();
  }

  @Test
  void waitsUntilEveryPodIsReadyThenListsTheServices() {
    services();
    client.resource(Objects.pod("api-1", "Running", true)).create();
    client.resource(Objects.pod("migrate-1", "Succeeded", false)).create();
    client.resource(Objects.pod("api-2", "Pending", false)).create();
    // The pod becomes ready while the check sleeps (no controller runs in the mock: the test plays the kubelet).
    OpsContext waiting = cluster.closing(MockCluster.context(time).sleeper(d -> {
      time.sleep(d);
      if (time.sleeps.size() == 2) {
        client.resource(Objects.pod("api-2", "Running", true)).updateStatus();
      }
    }).build());

    RecoveryCheck check = Manifests.using(waiting, client).verify(Objects.NS, Duration.ofMinutes(5));

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(check.pods()).extracting(p -> p.name() + " " + p.phase() + " " + p.ready())
        .containsExactly("api-1 Running true", "api-2 Running true", "migrate-1 Succeeded true");
    assertThat(check.services()).containsExactly(
        new RecoveryCheck.ServiceCheck("api", "LoadBalancer", "10.100.12.34", java.util.List.of("80:30080/TCP"), true),
        new RecoveryCheck.ServiceCheck("worker", "ClusterIP", "10.100.0.9", java.util.List.of("9000/TCP"), false));
    assertThat(check.servicesWithoutEndpoints()).extracting(RecoveryCheck.ServiceCheck::name)
        .containsExactly("worker");
  }

  @Test
  void aTimeoutNamesThePodsThatAreNotReady() {
    client.resource(Objects.pod("api-1", "Running", true)).create();
    client.resource(Objects.pod("api-2", "Running", false)).create();
    client.resource(Objects.pod("api-3", "Pending", false)).create();

    assertThatThrownBy(() -> manifests().verify(Objects.NS, Duration.ofSeconds(30)))
        .isInstanceOf(OperationTimeoutException.class)
        .hasMessage("kubernetes:wait-pods-ready on production: pods of namespace production not ready after PT30S"
            + " (1 of 3 pods ready): [api-2 (Running, not ready), api-3 (Pending)]. Check them with kubectl"
            + " describe pod and their events.");
    assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void argumentsAreCheckedFirst() {
    assertThatThrownBy(() -> manifests().verify("Prod", Duration.ofMinutes(1)))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid namespace: 'Prod'.");
    assertThatThrownBy(() -> manifests().verify("prod", Duration.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid timeout: ");
  }
}
