package dev.opskit.kubernetes.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values: open sets never throw, records validate and copy. */
class ValuesTest {

  @Test
  void podPhasesAreAnOpenSet() {
    assertThat(PodPhase.of("Running")).isEqualTo(PodPhase.RUNNING);
    assertThat(PodPhase.of("Succeeded")).isEqualTo(PodPhase.SUCCEEDED);
    assertThat(PodPhase.of("Unknown")).isEqualTo(PodPhase.UNKNOWN);
    assertThat(PodPhase.of(null)).isEqualTo(PodPhase.UNKNOWN);
    assertThat(PodPhase.of("Hibernating")).isEqualTo(PodPhase.UNRECOGNIZED);
    assertThat(PodPhase.of("Unrecognized")).isEqualTo(PodPhase.UNRECOGNIZED);
  }

  @Test
  void aReportCannotHaveMoreReadyNodesThanNodes() {
    assertThatThrownBy(() -> new HealthReport(Instant.EPOCH, 3, 2, List.of(), List.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid nodesReady: '3'. Allowed: 0 to nodesTotal");
  }

  @Test
  void nodeStatusCopiesItsLists() {
    List<String> roles = new ArrayList<>(List.of("worker"));
    NodeStatus node = new NodeStatus("n", true, List.of(), false, null, roles, 0, 0, Duration.ZERO);
    roles.add("spot");

    assertThat(node.roles()).containsExactly("worker");
    assertThat(node.healthy()).isTrue();
    assertThatThrownBy(() -> new NodeStatus(null, true, List.of(), false, null, roles, 0, 0, Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid name: null. Allowed: a node name");
  }

  @Test
  void aSucceededPodIsHealthyAndARunningPodNeedsEveryContainerReady() {
    assertThat(new PodStatus("batch", "job-1", PodPhase.SUCCEEDED, 0, 1, 0, "Completed", "n", Duration.ZERO)
        .healthy()).isTrue();
    assertThat(new PodStatus("prod", "api-1", PodPhase.RUNNING, 1, 2, 0, "Running", "n", Duration.ZERO)
        .healthy()).isFalse();
    assertThat(new PodStatus("prod", "api-1", PodPhase.PENDING, 0, 0, 0, "Pending", null, Duration.ZERO)
        .healthy()).isFalse();
  }
}
