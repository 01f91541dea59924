package dev.opskit.kubernetes.secret;

import static dev.opskit.kubernetes.secret.KubernetesSecretSinkTest.newKey;
import static dev.opskit.kubernetes.secret.KubernetesSecretSinkTest.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad names, keys and secrets are refused before any request, naming the parameter, the value and what is allowed. */
class KubernetesSecretsInputTest {
  private static final String NAMESPACE_ALLOWED = "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-',"
      + " starting and ending with a letter or digit";
  private static final String NAME_ALLOWED = "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' or '.',"
      + " each dot-separated part starting and ending with a letter or digit";
  private static final String KEY_ALLOWED = "a Kubernetes data key: 1 to 253 letters, digits, '-', '_' and '.', not"
      + " '.' or '..' nor starting with '..'";

  private final Cluster cluster = Cluster.crud();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(cluster.server.getRequestCount()).isZero();
    assertThat(cluster.audit.events()).isEmpty();
  }

  private void sink(Map<String, String> fieldToKey) {
    KubernetesSecrets.sink(cluster.ctx, cluster.client, SecretRef.of("production", "aws-credentials"), fieldToKey);
  }

  private static Map<String, String> mapping(String field, String key) {
    Map<String, String> mapping = new HashMap<>();
    mapping.put(field, key);
    return mapping;
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Production", "prod_uction", "-production", "production-", "prod.uction", "pröduction",
      "a234567890123456789012345678901234567890123456789012345678901234"})
  void aNamespaceMustBeADnsLabel(String namespace) {
    assertInvalid(() -> SecretRef.of(namespace, "aws-credentials"),
        "Invalid namespace: " + (namespace == null ? "null" : "'" + namespace + "'") + ". Allowed: " + NAMESPACE_ALLOWED);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"AWS-credentials", "aws_credentials", "-aws", "aws-", "aws..credentials", ".aws", "aws.",
      "aws.-credentials", "aws credentials"})
  void aNameMustBeADnsSubdomain(String name) {
    assertInvalid(() -> SecretRef.of("production", name),
        "Invalid name: " + (name == null ? "null" : "'" + name + "'") + ". Allowed: " + NAME_ALLOWED);
  }

  @Test
  void aNameHasAtMost253Characters() {
    String longest = ("a".repeat(62) + ".").repeat(4) + "a";
    assertThat(longest).hasSize(253);
    assertThat(SecretRef.of("production", longest).name()).isEqualTo(longest);
    assertInvalid(() -> SecretRef.of("production", longest + "a"),
        "Invalid name: '" + longest + "a'. Allowed: " + NAME_ALLOWED);
  }

  @Test
  void namesThatKubernetesAcceptsAreAccepted() {
    assertThat(SecretRef.of("kube-system", "db.credentials-2")).hasToString("kube-system/db.credentials-2");
    assertThat(SecretRef.of("a", "0").toString()).isEqualTo("a/0");
  }

  /** The patterns Kubernetes validates with (apimachinery's IsDNS1123Label), written out independently. */
  @Test
  void aNamespaceIsAcceptedExactlyWhenKubernetesAcceptsIt() {
    Pattern label = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    qt().forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 66)).checkAssert(text -> {
      boolean valid = label.matcher(text).matches();
      if (valid) {
        assertThat(SecretRef.of(text, "x").namespace()).isEqualTo(text);
      } else {
        assertThatThrownBy(() -> SecretRef.of(text, "x")).isInstanceOf(ValidationException.class)
            .hasMessageStartingWith("Invalid namespace: ");
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "..data", "access key", "access/key", "access:key", "äccess"})
  void aDataKeyMustBeAKubernetesDataKey(String key) {
    assertInvalid(() -> sink(mapping("AccessKeyId", key)),
        "Invalid fieldToKey.AccessKeyId: '" + key + "'. Allowed: " + KEY_ALLOWED);
  }

  @Test
  void aDataKeyHasAtMost253Characters() {
    String longest = "k".repeat(253);
    sink(mapping("AccessKeyId", longest));
    assertInvalid(() -> sink(mapping("AccessKeyId", longest + "k")),
        "Invalid fieldToKey.AccessKeyId: '" + longest + "k'. Allowed: " + KEY_ALLOWED);
  }

  @Test
  void dataKeysThatKubernetesAcceptsAreAccepted() {
    qt().forAll(integers().between(1, 40)).checkAssert(n -> sink(mapping("f", "a-._Z9".repeat(n).substring(0, n))));
    sink(mapping("f", ".dotfile"));
    assertThat(cluster.server.getRequestCount()).isZero();
  }

  @Test
  void aDataKeyIsNotNull() {
    assertInvalid(() -> sink(mapping("AccessKeyId", null)), "Invalid fieldToKey.AccessKeyId: null. Allowed: the data"
        + " key of every secret field, such as AccessKeyId -> access-key-id, without a null value");
  }

  @Test
  void twoFieldsCannotGoToOneKey() {
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("AccessKeyId", "aws-key");
    mapping.put("SecretAccessKey", "aws-key");
    assertInvalid(() -> sink(mapping), "Invalid fieldToKey.SecretAccessKey: 'aws-key'. Allowed: a data key no other"
        + " field goes to");
  }

  @Test
  void theMappingIsNotEmptyAndItsFieldsAreSecretFieldNames() {
    assertInvalid(() -> sink(Map.of()), "Invalid fieldToKey: '{}'. Allowed: at least one field and its data key");
    assertInvalid(() -> sink(null), "Invalid fieldToKey: null. Allowed: the data key of every secret field, such as"
        + " AccessKeyId -> access-key-id");
    assertInvalid(() -> sink(mapping("Access Key", "access-key")),
        "Invalid fieldToKey: 'Access Key'. Allowed: field names of 1 to 128 letters, digits, '.', '-' and '_'");
  }

  @Test
  void theArgumentsArePresent() {
    SecretRef ref = SecretRef.of("production", "aws-credentials");
    Map<String, String> fields = KubernetesSecrets.accessKeyFields();
    assertInvalid(() -> KubernetesSecrets.sink(null, cluster.client, ref, fields), "Invalid ctx: null. Allowed: an OpsContext");
    assertInvalid(() -> KubernetesSecrets.sink(cluster.ctx, null, ref, fields),
        "Invalid client: null. Allowed: a KubernetesClient");
    assertInvalid(() -> KubernetesSecrets.sink(cluster.ctx, cluster.client, null, fields),
        "Invalid secret: null. Allowed: a SecretRef (namespace and name)");
  }

  @Test
  void aSecretMustHaveExactlyTheMappedFields() {
    var sink = KubernetesSecrets.sink(cluster.ctx, cluster.client, SecretRef.of("production", "aws-credentials"),
        KubernetesSecrets.accessKeyFields());
    // The guide's script: the key id alone would leave the old secret access key beside the new id.
    Secret idOnly = new Secret("opskit-v2", Map.of("AccessKeyId", SecretValue.of("AccessKeyId", "AKIANEWKEY1111111111")));
    assertInvalid(() -> sink.publish(idOnly), "Invalid secret.fields: '[AccessKeyId]'. Allowed: exactly the fields this"
        + " sink maps, [AccessKeyId, SecretAccessKey]");
    Map<String, SecretValue> extra = new LinkedHashMap<>(newKey().fields());
    extra.put("SessionToken", SecretValue.of("SessionToken", "token-value"));
    assertInvalid(() -> sink.publish(new Secret("opskit-v2", extra)), "Invalid secret.fields: '[AccessKeyId,"
        + " SecretAccessKey, SessionToken]'. Allowed: exactly the fields this sink maps, [AccessKeyId, SecretAccessKey]");
    assertInvalid(() -> sink.publish(null), "Invalid secret: null. Allowed: a Secret");
    assertThat(secret("v", "a1234", "b1234").fields()).hasSize(2);
  }
}
