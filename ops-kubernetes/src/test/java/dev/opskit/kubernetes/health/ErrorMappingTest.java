package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fabric8 failure comes out as one OpsKit exception naming the operation, with the fabric8 one as cause. */
class ErrorMappingTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(401, "Unauthorized", "Unauthorized", AccessDeniedException.class,
            "kubernetes:ListNodes: not authenticated (HTTP 401): Unauthorized. The token was refused or has expired:"
                + " get a fresh EKS token."),
        Arguments.of(409, "Conflict", "the object has been modified", ResourceStateException.class,
            "kubernetes:ListNodes: conflict (HTTP 409): the object has been modified. The object changed meanwhile"
                + " or its state does not allow this: read it again and retry."),
        Arguments.of(429, "TooManyRequests", "Too many requests, please try again later.", ThrottledException.class,
            "kubernetes:ListNodes: throttled by the API server (HTTP 429): Too many requests, please try again later."
                + " Retry later, or lower the request rate."),
        Arguments.of(500, "InternalError", "etcdserver: request timed out", ServiceException.class,
            "kubernetes:ListNodes: the API server failed (HTTP 500): etcdserver: request timed out. Try again later."));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void statusCodes(int code, String reason, String message, Class<? extends OpsException> type, String expected) {
    server.expect().get().withPath("/api/v1/nodes?limit=500").andReturn(code, new StatusBuilder()
        .withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build()).once();

    assertThatThrownBy(health::nodes)
        .isInstanceOf(type)
        .hasMessage(expected)
        .hasCauseInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((OpsException) e).operation()).isEqualTo("kubernetes:ListNodes");
  }

  @Test
  void anUnreachableApiServer() {
    server.destroy();

    assertThatThrownBy(health::report)
        .isInstanceOf(ServiceException.class)
        .hasMessageMatching("kubernetes:ListNodes: the API server could not be reached or did not answer:"
            + " [A-Za-z]+Exception.*\\. Check the cluster endpoint and the network\\.")
        .hasCauseInstanceOf(KubernetesClientException.class);
  }
}
