package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl get events --sort-by=.metadata.creationTimestamp}: sorted oldest first, paged, warnings only. */
class EventsTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  static Event event(String name, @Nullable String created, String type, String reason, String kind, String object,
      String message) {
    return new EventBuilder()
        .withNewMetadata().withNamespace("production").withName(name).withCreationTimestamp(created).endMetadata()
        .withNewInvolvedObject().withKind(kind).withName(object).withNamespace("production").endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(1)
        .withFirstTimestamp(created).withLastTimestamp(created)
        .build();
  }

  private void page(String path, @Nullable String next, Event... events) {
    server.expect().get().withPath(path).andReturn(200,
        new EventListBuilder().withNewMetadata().withContinue(next).endMetadata().withItems(events).build()).once();
  }

  @Test
  void sortedByCreationTimeOldestFirstAcrossPages() throws InterruptedException {
    page("/api/v1/events?limit=2", "c1",
        event("e3", "2024-03-15T10:00:00Z", "Normal", "Pulled", "Pod", "api-1", "pulled"),
        event("e1", "2024-03-15T08:00:00Z", "Normal", "Scheduled", "Pod", "api-1", "assigned"));
    page("/api/v1/events?continue=c1&limit=2", null,
        event("e2", "2024-03-15T09:00:00Z", "Warning", "BackOff", "Pod", "api-1", "back-off"),
        event("e4", "2024-03-15T09:00:00Z", "Normal", "Created", "Pod", "api-1", "created"),
        event("e0", null, "Normal", "Started", "Pod", "api-1", "started"));

    assertThat(health.events(EventQuery.allNamespaces().withPageSize(2))).extracting(ClusterEvent::reason)
        .containsExactly("Started", "Scheduled", "BackOff", "Created", "Pulled");
    assertThat(cluster.paths()).containsExactly("/api/v1/events?limit=2", "/api/v1/events?continue=c1&limit=2");
  }

  @Test
  void warningsOnlyAskTheApiServerForThemAndKeepNoOther() throws InterruptedException {
    page("/api/v1/namespaces/production/events?fieldSelector=type%3DWarning&limit=500", null,
        event("w1", "2024-03-15T11:50:00Z", "Warning", "BackOff", "Pod", "worker-5f6d8-abcde",
            "Back-off restarting failed container worker in pod worker-5f6d8-abcde_production"),
        event("n1", "2024-03-15T11:51:00Z", "Normal", "Pulled", "Pod", "worker-5f6d8-abcde", "pulled"));

    assertThat(health.events(EventQuery.inNamespace("production").warningsOnly()))
        .extracting(ClusterEvent::reason).containsExactly("BackOff");
    assertThat(cluster.paths())
        .containsExactly("/api/v1/namespaces/production/events?fieldSelector=type%3DWarning&limit=500");
  }

  @Test
  void everyFieldOfAnEvent() {
    Event counted = new EventBuilder(event("w1", "2024-03-15T11:00:00Z", "Warning", "Unhealthy", "Pod",
        "api-7d4b9c-xk2lp", "Readiness probe failed: HTTP probe failed with statuscode: 503"))
        .withCount(14).withFirstTimestamp("2024-03-15T11:00:00Z").withLastTimestamp("2024-03-15T11:45:00Z").build();
    Event series = new EventBuilder()
        .withNewMetadata().withNamespace("production").withName("w2").withCreationTimestamp("2024-03-15T11:10:00Z")
        .endMetadata()
        .withNewInvolvedObject().withKind("Deployment").withName("api-deployment").endInvolvedObject()
        .withType("Warning").withReason("FailedCreate").withMessage("quota exceeded")
        .withEventTime(new MicroTime("2024-03-15T11:10:00.123456Z"))
        .withNewSeries().withCount(5).withLastObservedTime(new MicroTime("2024-03-15T11:40:00.000000Z")).endSeries()
        .build();
    page("/api/v1/events?limit=500", null, series, counted);

    assertThat(health.events(EventQuery.allNamespaces())).containsExactly(
        new ClusterEvent("production", EventType.WARNING, "Unhealthy", "Pod", "api-7d4b9c-xk2lp",
            "Readiness probe failed: HTTP probe failed with statuscode: 503", 14,
            Instant.parse("2024-03-15T11:00:00Z"), Instant.parse("2024-03-15T11:45:00Z"),
            Instant.parse("2024-03-15T11:00:00Z")),
        new ClusterEvent("production", EventType.WARNING, "FailedCreate", "Deployment", "api-deployment",
            "quota exceeded", 5, Instant.parse("2024-03-15T11:10:00.123456Z"),
            Instant.parse("2024-03-15T11:40:00Z"), Instant.parse("2024-03-15T11:10:00Z")));
  }

  @Test
  void theObjectColumnIsKindSlashName() {
    ClusterEvent e = new ClusterEvent("production", EventType.of("Warning"), "BackOff", "Pod", "api-1", null, 1,
        null, null, null);

    assertThat(e.object()).isEqualTo("pod/api-1");
    assertThat(EventType.of("Normal")).isEqualTo(EventType.NORMAL);
    assertThat(EventType.of("Critical")).isEqualTo(EventType.OTHER);
    assertThat(EventType.of(null)).isEqualTo(EventType.OTHER);
  }
}
