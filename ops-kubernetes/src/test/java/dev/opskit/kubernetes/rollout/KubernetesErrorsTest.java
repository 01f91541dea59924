package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.PATH;
import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.audit.Outcome;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API server's failures, mapped once, naming operation and deployment, with the server's message. */
class KubernetesErrorsTest extends RolloutTestCase {
  KubernetesErrorsTest() {
    super(MockCluster.expectations());
  }


  private static Status status(int code, String reason, String message) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(403, "Forbidden", AccessDeniedException.class, "forbidden (HTTP 403): deployments.apps"
            + " \"api-deployment\" is forbidden: User \"ops\" cannot get resource \"deployments\". Grant the identity"
            + " this permission in the cluster's RBAC (its EKS access entry or aws-auth mapping)."),
        Arguments.of(401, "Unauthorized", AccessDeniedException.class, "not authenticated (HTTP 401): Unauthorized."
            + " The token was refused or has expired: get a fresh EKS token."),
        Arguments.of(429, "TooManyRequests", ThrottledException.class, "throttled by the API server (HTTP 429): too"
            + " many requests. Retry later, or lower the request rate."),
        Arguments.of(500, "InternalError", ServiceException.class, "the API server failed (HTTP 500): etcdserver:"
            + " request timed out. Try again later."));
  }

  private static String said(int code) {
    return switch (code) {
      case 403 -> "deployments.apps \"api-deployment\" is forbidden: User \"ops\" cannot get resource \"deployments\"";
      case 401 -> "Unauthorized";
      case 429 -> "too many requests";
      default -> "etcdserver: request timed out";
    };
  }

  @ParameterizedTest
  @MethodSource("answers")
  void readFailures(int code, String reason, Class<? extends OpsException> type, String text) {
    server.expect().get().withPath(PATH).andReturn(code, status(code, reason, said(code))).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).status(REF))
        .isInstanceOf(type)
        .hasMessage("kubernetes:GetDeployment on production/deployment/api-deployment: " + text)
        .hasCauseInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((OpsException) e).awsErrorCode()).isEqualTo(reason));
  }

  @Test
  void conflictOnThePatchIsAStateErrorAndAudited() {
    server.expect().get().withPath(PATH).andReturn(200, Fixtures.deployment("api:v1.2.2")).once();
    server.expect().patch().withPath(PATH).andReturn(409, status(409, "Conflict", "Operation cannot be fulfilled on"
        + " deployments.apps \"api-deployment\": the object has been modified")).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:SetImage on production/deployment/api-deployment: conflict (HTTP 409): Operation cannot"
            + " be fulfilled on deployments.apps \"api-deployment\": the object has been modified. The object changed"
            + " meanwhile or its state does not allow this: read it again and retry.");
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("kubernetes:SetImage");
      assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(e.detail()).contains("conflict (HTTP 409)");
    });
  }

  @Test
  void anUnprocessablePatchWithTheContainerStillInPlaceIsTheServersRefusal() {
    // Read before the patch, and again after the 422: the container is where the patch's test expected it.
    server.expect().get().withPath(PATH).andReturn(200, Fixtures.deployment("api:v1.2.2")).times(2);
    server.expect().patch().withPath(PATH).andReturn(422, status(422, "Invalid", "the server rejected our request due"
        + " to an error in our request")).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3"))
        .isInstanceOf(ServiceException.class)
        .hasMessage("kubernetes:SetImage on production/deployment/api-deployment: the API server rejected the request"
            + " (HTTP 422): the server rejected our request due to an error in our request.");
  }

  @Test
  void aFailedTestOfTheContainersPlaceSaysTheDeploymentChangedAndWritesNothingElse() {
    Deployment read = Fixtures.deployment("api:v1.2.2");
    Deployment reordered = new DeploymentBuilder(read).editSpec().editTemplate().editSpec()
        .withContainers(read.getSpec().getTemplate().getSpec().getContainers().get(1),
            read.getSpec().getTemplate().getSpec().getContainers().get(0))
        .endSpec().endTemplate().endSpec().build();
    server.expect().get().withPath(PATH).andReturn(200, read).once();
    server.expect().patch().withPath(PATH).andReturn(422, status(422, "Invalid", "the server rejected our request due"
        + " to an error in our request")).once();
    server.expect().get().withPath(PATH).andReturn(200, reordered).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:SetImage on production/deployment/api-deployment: deployment"
            + " production/api-deployment: its containers changed since it was read: api is no longer at"
            + " /spec/template/spec/containers/0. Nothing was changed; run setImage again.")
        .hasCauseInstanceOf(ServiceException.class);
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
  }

  @Test
  void aFailedTestOnADeploymentDeletedMeanwhileSaysSo() {
    server.expect().get().withPath(PATH).andReturn(200, Fixtures.deployment("api:v1.2.2")).once();
    server.expect().patch().withPath(PATH).andReturn(422, status(422, "Invalid", "test failed")).once();
    server.expect().get().withPath(PATH).andReturn(404, status(404, "NotFound", "not found")).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageEndingWith("deployment production/api-deployment: it was deleted meanwhile.");
  }

  @Test
  void notFoundOnThePatchNamesTheDeployment() {
    server.expect().get().withPath(PATH).andReturn(200, Fixtures.deployment("api:v1.2.2")).once();
    server.expect().patch().withPath(PATH).andReturn(404, status(404, "NotFound", "deployments.apps \"api-deployment\""
        + " not found")).once();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:SetImage on production/deployment/api-deployment: not found (HTTP 404):"
            + " deployments.apps \"api-deployment\" not found. Check the namespace, the name and the cluster.");
  }

  @Test
  void unreachableServerIsAServiceError() {
    server.destroy();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).history(REF))
        .isInstanceOf(ServiceException.class)
        .hasMessageStartingWith("kubernetes:GetDeployment on production/deployment/api-deployment: the API server"
            + " could not be reached or did not answer: ");
  }
}
