package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.PATH;
import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.kubernetes.rollout.RolloutStatus.Phase;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import java.time.Duration;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kubectl rollout status}: a mock server answering a rollout that progresses over several polls. */
class AwaitRolloutTest extends RolloutTestCase {
  private static final String STUCK = "ReplicaSet \"api-deployment-5d9f\" has timed out progressing.";

  AwaitRolloutTest() {
    super(MockCluster.expectations());
  }


  /** The deployment at generation 4 with this status. */
  static Deployment at(long observed, @Nullable Integer desired, int replicas, int updated, int available,
      @Nullable String progressingReason) {
    DeploymentBuilder b = new DeploymentBuilder(Fixtures.deployment("api:v1.2.3"))
        .editMetadata().withGeneration(4L).endMetadata()
        .editSpec().withReplicas(desired).endSpec()
        .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
        .withAvailableReplicas(available).withReadyReplicas(available)
        .addToConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
            .withReason("MinimumReplicasAvailable").build())
        .endStatus();
    if (progressingReason != null) {
      b.editStatus().addToConditions(new DeploymentConditionBuilder().withType("Progressing")
          .withStatus(progressingReason.equals("ProgressDeadlineExceeded") ? "False" : "True")
          .withReason(progressingReason).withMessage(STUCK).build()).endStatus();
    }
    return b.build();
  }

  private void answer(Deployment d, int times) {
    server.expect().get().withPath(PATH).andReturn(200, d).times(times);
  }

  @Test
  void waitsThroughEachStepUntilTheRolloutIsComplete() {
    answer(at(3, 3, 3, 0, 3, "ReplicaSetUpdated"), 1);
    answer(at(4, 3, 4, 1, 3, "ReplicaSetUpdated"), 1);
    answer(at(4, 3, 4, 3, 2, "ReplicaSetUpdated"), 1);
    answer(at(4, 3, 3, 3, 2, "ReplicaSetUpdated"), 1);
    answer(at(4, 3, 3, 3, 3, "NewReplicaSetAvailable"), 1);

    RolloutStatus done = Rollouts.using(ctx, client).awaitRollout(REF, Duration.ofMinutes(10));

    assertThat(done.phase()).isEqualTo(Phase.COMPLETE);
    assertThat(done.isComplete()).isTrue();
    assertThat(done.message()).isEqualTo("deployment production/api-deployment successfully rolled out");
    assertThat(progress).extracting(ProgressEvent::status).containsExactly(
        "waiting for deployment spec update to be observed (generation 4, observed 3)",
        "1 of 3 new replicas have been updated",
        "1 old replicas are pending termination",
        "2 of 3 updated replicas are available",
        "deployment production/api-deployment successfully rolled out");
    // Four pauses, all on the manual clock: 2 s growing by 1.5 up to 10 s.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
        Duration.ofMillis(6750));
  }

  @Test
  void progressDeadlineExceededIsATypedFailureWithKubernetesMessage() {
    answer(at(4, 3, 4, 1, 3, "ReplicaSetUpdated"), 1);
    answer(at(4, 3, 4, 1, 3, "ProgressDeadlineExceeded"), 1);

    assertThatThrownBy(() -> Rollouts.using(ctx, client).awaitRollout(REF, Duration.ofMinutes(10)))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:wait-rollout-complete on production/deployment/api-deployment: deployment"
            + " production/api-deployment exceeded its progress deadline: " + STUCK
            + " (status ProgressDeadlineExceeded after 2 polls, PT2S)");
  }

  @Test
  void timeoutSaysWhatWasLastSeen() {
    server.expect().get().withPath(PATH).andReturn(200, at(4, 3, 3, 3, 2, "ReplicaSetUpdated")).always();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).awaitRollout(REF, Duration.ofSeconds(30)))
        .isInstanceOf(OperationTimeoutException.class)
        .hasMessageStartingWith("kubernetes:wait-rollout-complete on production/deployment/api-deployment: still 2"
            + " of 3 updated replicas are available after PT30S")
        .hasMessageEndingWith("the timeout was PT30S. The operation may still finish: check again later or allow a"
            + " longer timeout.");
    assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void missingDeploymentEndsTheWait() {
    assertThatThrownBy(() -> Rollouts.using(ctx, client).awaitRollout(REF, Duration.ofMinutes(1)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("kubernetes:GetDeployment on production/deployment/api-deployment: deployment"
            + " api-deployment not found in namespace production");
    assertThat(time.sleeps).isEmpty();
  }

  static Stream<Arguments> kubectlCases() {
    return Stream.of(
        // The deadline only counts once the controller has seen the spec, as in kubectl.
        Arguments.of(at(3, 3, 3, 3, 3, "ProgressDeadlineExceeded"), Phase.AWAITING_OBSERVATION),
        Arguments.of(at(4, 3, 3, 3, 3, "ProgressDeadlineExceeded"), Phase.PROGRESS_DEADLINE_EXCEEDED),
        Arguments.of(at(5, 3, 3, 2, 2, null), Phase.UPDATING),
        // spec.replicas absent: kubectl skips the updated-replicas check.
        Arguments.of(at(4, null, 2, 2, 2, null), Phase.COMPLETE),
        Arguments.of(at(4, 3, 5, 3, 3, null), Phase.TERMINATING_OLD),
        Arguments.of(at(4, 3, 3, 3, 0, null), Phase.BECOMING_AVAILABLE),
        // Scaled to zero: nothing to wait for.
        Arguments.of(at(4, 0, 0, 0, 0, null), Phase.COMPLETE));
  }

  @ParameterizedTest
  @MethodSource("kubectlCases")
  void statusJudgesAsKubectlDoes(Deployment d, Phase expected) {
    answer(d, 1);

    assertThat(Rollouts.using(ctx, client).status(REF).phase()).isEqualTo(expected);
  }
}
