package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.ValidationException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad namespaces, selectors and page sizes are a {@link ValidationException} before any request. */
class InputValidationTest {
  private static final String NAMESPACE = "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-', starting"
      + " and ending with a letter or digit";
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  private void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Production", "-prod", "prod-", "prod_1", "prod.eu", "", " prod",
      "a123456789012345678901234567890123456789012345678901234567890123"})
  void aBadNamespaceIsRejectedBeforeAnyRequest(String namespace) {
    String message = "Invalid namespace: '" + namespace + "'. Allowed: " + NAMESPACE;
    assertInvalid(() -> health.pods(PodQuery.inNamespace(namespace)).toList(), message);
    assertInvalid(() -> health.events(EventQuery.inNamespace(namespace)), message);
    assertInvalid(() -> health.topPods(namespace), message);
  }

  @Test
  void aNullNamespaceForTopPodsIsRejected() {
    assertInvalid(() -> health.topPods(null), "Invalid namespace: null. Allowed: " + NAMESPACE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=api", "app=a b", ",", "app=api,", "app in api", "-app=x", "app/=x", "Example.com/app=x",
      "app in (a b)", "app=a123456789012345678901234567890123456789012345678901234567890123", "!", "   ",
      "app in (api", "a=b=c", "tier in (),app"})
  void aBadLabelSelectorIsRejectedBeforeAnyRequest(String selector) {
    assertInvalid(() -> health.pods(PodQuery.allNamespaces().withLabelSelector(selector)).toList(),
        "Invalid labelSelector: '" + selector + "'. Allowed: a label selector of 1 to 8192 characters:"
            + " comma-separated requirements key, !key, key=value, key==value, key!=value, key in (v1,v2) or key"
            + " notin (v1,v2); a key is [prefix/]name (prefix a DNS-1123 subdomain of at most 253 characters, name 1"
            + " to 63 of [A-Za-z0-9._-] starting and ending with a letter or digit), a value 0 to 63 such characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app=api", "app==api,tier!=cache", "!canary", "env in (prod, staging)",
      "app.kubernetes.io/name=api", "release notin (v1,v2),track", "app=", "eks.amazonaws.com/nodegroup=general",
      "tier in (api,),app"})
  void aWellFormedLabelSelectorIsAccepted(String selector) {
    assertThatCode(() -> PodQuery.allNamespaces().withLabelSelector(selector)).doesNotThrowAnyException();
  }

  @Test
  void pageSizesOutOfRange() {
    assertInvalid(() -> PodQuery.allNamespaces().withPageSize(0),
        "Invalid pageSize: '0'. Allowed: 1 to 10000 pods per request");
    assertInvalid(() -> EventQuery.allNamespaces().withPageSize(10_001),
        "Invalid pageSize: '10001'. Allowed: 1 to 10000 events per request");
  }

  @Test
  void namespacesAreAcceptedExactlyWhenTheyAreDns1123Labels() {
    qt().forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 70)).checkAssert(namespace -> {
      boolean valid = label(namespace);
      if (valid) {
        assertThat(PodQuery.inNamespace(namespace).namespace()).isEqualTo(namespace);
      } else {
        assertThatThrownBy(() -> PodQuery.inNamespace(namespace)).isInstanceOf(ValidationException.class);
      }
    });
  }

  /** An oracle written apart from the implementation's pattern. */
  private static boolean label(String s) {
    if (s.isEmpty() || s.length() > 63 || s.startsWith("-") || s.endsWith("-")) {
      return false;
    }
    return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }
}
