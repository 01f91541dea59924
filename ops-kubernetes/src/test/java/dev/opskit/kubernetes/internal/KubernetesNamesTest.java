package dev.opskit.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The module's one set of Kubernetes name rules, each naming the caller's parameter, the value and the rule. */
class KubernetesNamesTest {
  private static void refused(Runnable check, String message) {
    assertThatThrownBy(check::run).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void labelsAreOneToSixtyThreeLowerCaseAlphanumericsOrDashes() {
    assertThat(KubernetesNames.label("namespace", "a")).isEqualTo("a");
    assertThat(KubernetesNames.label("container", "kube-system")).isEqualTo("kube-system");
    assertThat(KubernetesNames.label("namespace", "a".repeat(63))).hasSize(63);
    refused(() -> KubernetesNames.label("container", "a".repeat(64)), "Invalid container: '" + "a".repeat(64)
        + "'. Allowed: " + KubernetesNames.LABEL_ALLOWED);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-a", "a-", "A", "a.b", "a_b", "ä", " a"})
  void notALabel(String value) {
    refused(() -> KubernetesNames.label("namespace", value), "Invalid namespace: "
        + (value == null ? "null" : "'" + value + "'") + ". Allowed: a DNS-1123 label: 1 to 63 lower-case letters,"
        + " digits or '-', starting and ending with a letter or digit");
  }

  @Test
  void subdomainsAreDotSeparatedLabelsUpTo253Characters() {
    assertThat(KubernetesNames.subdomain("name", "api.v2-deployment")).isEqualTo("api.v2-deployment");
    String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    assertThat(KubernetesNames.subdomain("name", longest)).hasSize(253);
    refused(() -> KubernetesNames.subdomain("deployment", longest + "a"), "Invalid deployment: '" + longest
        + "a'. Allowed: " + KubernetesNames.SUBDOMAIN_ALLOWED);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".a", "a.", "a..b", "a.-b", "a-.b", "A", "a_b"})
  void notASubdomain(String value) {
    refused(() -> KubernetesNames.subdomain("name", value), "Invalid name: "
        + (value == null ? "null" : "'" + value + "'") + ". Allowed: a DNS-1123 subdomain: 1 to 253 lower-case"
        + " letters, digits, '-' or '.', each dot-separated part starting and ending with a letter or digit");
  }

  @Test
  void dataKeysAreLettersDigitsDashesUnderscoresAndDots() {
    assertThat(KubernetesNames.dataKey("fieldToKey.A", "AWS_SECRET.access-key")).isEqualTo("AWS_SECRET.access-key");
    assertThat(KubernetesNames.dataKey("fieldToKey.A", ".hidden")).isEqualTo(".hidden");
    assertThat(KubernetesNames.dataKey("fieldToKey.A", "k".repeat(253))).hasSize(253);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".", "..", "..a", "a/b", "a b", "a:b"})
  void notADataKey(String value) {
    refused(() -> KubernetesNames.dataKey("fieldToKey.SecretAccessKey", value), "Invalid fieldToKey.SecretAccessKey: "
        + (value == null ? "null" : "'" + value + "'") + ". Allowed: a Kubernetes data key: 1 to 253 letters, digits,"
        + " '-', '_' and '.', not '.' or '..' nor starting with '..'");
  }

  @Test
  void aDataKeyOfMoreThan253CharactersIsRefused() {
    refused(() -> KubernetesNames.dataKey("key", "k".repeat(254)), "Invalid key: '" + "k".repeat(254) + "'. Allowed: "
        + KubernetesNames.DATA_KEY_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app=api", "app==api", "app!=api", "app", "!app", "app in (api, web)", "tier notin (db)",
      "kubernetes.io/os=linux", "app=", "app=api,tier!=db,!canary", " app = api "})
  void labelSelectors(String selector) {
    assertThat(KubernetesNames.labelSelector("labelSelector", selector)).isEqualTo(selector.strip());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "app=api,", ",app", "app in ()", "-app=x", "app=-x", "Bad_Prefix/app=x", "a/b/c=x",
      "app=" + "v123456789v123456789v123456789v123456789v123456789v123456789v1234"})
  void notALabelSelector(String selector) {
    refused(() -> KubernetesNames.labelSelector("labelSelector", selector), "Invalid labelSelector: "
        + (selector == null ? "null" : "'" + selector + "'") + ". Allowed: " + KubernetesNames.SELECTOR_ALLOWED);
  }

  @Test
  void aSelectorIsBoundedInLength() {
    String longest = "a=" + "b,a=".repeat((KubernetesNames.MAX_SELECTOR - 3) / 4) + "b";
    assertThat(longest.length()).isLessThanOrEqualTo(KubernetesNames.MAX_SELECTOR);
    assertThat(KubernetesNames.labelSelector("labelSelector", longest)).isEqualTo(longest);
    String tooLong = "a".repeat(KubernetesNames.MAX_SELECTOR + 1);
    assertThatThrownBy(() -> KubernetesNames.labelSelector("labelSelector", tooLong))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid labelSelector: ");
  }
}
