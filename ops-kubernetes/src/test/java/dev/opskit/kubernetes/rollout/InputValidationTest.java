package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** Bad input is a ValidationException naming parameter, value and rule, before any request to the API server. */
class InputValidationTest extends RolloutTestCase {
  private static final String LABEL_RULE =
      "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit";
  private static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' or"
      + " '.', each dot-separated part starting and ending with a letter or digit";

  InputValidationTest() {
    super(MockCluster.expectations());
  }

  private final Rollouts rollouts = Rollouts.using(ctx, client);

  private void assertInvalid(ThrowingCallable call, String message) {
    int before = server.getRequestCount();
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(server.getRequestCount()).isEqualTo(before);
    assertThat(audit.events()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Production", "-prod", "prod-", "prod.eu", "a_b", "x123456789012345678901234567890123456789012345678901234567890123"})
  void badNamespace(String namespace) {
    assertInvalid(() -> DeploymentRef.of(namespace, "api"), "Invalid namespace: '" + namespace + "'. Allowed: " + LABEL_RULE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Api", "api_deployment", ".api", "api.", "api..v2", "api deployment"})
  void badDeploymentName(String name) {
    assertInvalid(() -> DeploymentRef.of("production", name), "Invalid deployment: '" + name + "'. Allowed: " + SUBDOMAIN_RULE);
  }

  @Test
  void deploymentNameAtMost253Characters() {
    String ok = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    assertThat(DeploymentRef.of(ok).name()).hasSize(253);
    assertInvalid(() -> DeploymentRef.of(ok + "d"), "Invalid deployment: '" + ok + "d'. Allowed: " + SUBDOMAIN_RULE);
  }

  @Test
  void parseReadsNamespaceAndName() {
    assertThat(DeploymentRef.parse("production/api-deployment")).isEqualTo(DeploymentRef.of("production", "api-deployment"));
    assertThat(DeploymentRef.parse("api-deployment")).isEqualTo(DeploymentRef.of("default", "api-deployment"));
    assertThat(DeploymentRef.parse(REF.toString())).isEqualTo(REF);
    assertThat(REF.target()).isEqualTo("production/deployment/api-deployment");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"a/b/c"})
  void parseRejectsWhatIsNotNamespaceSlashName(@Nullable String text) {
    assertInvalid(() -> DeploymentRef.parse(text), "Invalid deployment: " + (text == null ? "null" : "'" + text + "'")
        + ". Allowed: namespace/name, such as production/api-deployment, or a name");
  }

  @Test
  void parseRejectsEmptyParts() {
    assertInvalid(() -> DeploymentRef.parse("/api"), "Invalid namespace: ''. Allowed: " + LABEL_RULE);
    assertInvalid(() -> DeploymentRef.parse("prod/"), "Invalid deployment: ''. Allowed: " + SUBDOMAIN_RULE);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"API", "api_1", "api.v2", "-api"})
  void badContainer(@Nullable String container) {
    assertInvalid(() -> rollouts.setImage(REF, container, "api:v1.2.3"),
        "Invalid container: " + (container == null ? "null" : "'" + container + "'") + ". Allowed: " + LABEL_RULE);
  }

  @Test
  void absentArguments() {
    assertInvalid(() -> rollouts.setImage(null, "api", "api:v1"), "Invalid deployment: null. Allowed: a deployment,"
        + " such as DeploymentRef.parse(\"production/api-deployment\")");
    assertInvalid(() -> rollouts.undo(null), "Invalid deployment: null. Allowed: a deployment,"
        + " such as DeploymentRef.parse(\"production/api-deployment\")");
    assertInvalid(() -> rollouts.history(null), "Invalid deployment: null. Allowed: a deployment,"
        + " such as DeploymentRef.parse(\"production/api-deployment\")");
    assertInvalid(() -> Rollouts.using(ctx, null), "Invalid client: null. Allowed: a KubernetesClient");
    assertInvalid(() -> Rollouts.using(null, client), "Invalid ctx: null. Allowed: an OpsContext");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void badToRevision(long revision) {
    assertInvalid(() -> rollouts.undo(REF, revision), "Invalid toRevision: '" + revision + "'. Allowed: a revision"
        + " number of at least 1 (see history()); undo(deployment) rolls back to the previous one");
  }

  @Test
  void badTimeout() {
    String rule = ". Allowed: a positive duration of at most 365 days";
    assertInvalid(() -> rollouts.awaitRollout(REF, Duration.ZERO), "Invalid timeout: 'PT0S'" + rule);
    assertInvalid(() -> rollouts.awaitRollout(REF, Duration.ofSeconds(-1)), "Invalid timeout: 'PT-1S'" + rule);
    assertInvalid(() -> rollouts.awaitRollout(REF, Duration.ofDays(366)), "Invalid timeout: 'PT8784H'" + rule);
    assertInvalid(() -> rollouts.awaitRollout(REF, null), "Invalid timeout: null" + rule);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"api: v1", "api:v1 ", " api", "api\t", "API", "Api:v1", "api:-v1", "api:.v1", "api:v1:2",
      "api@sha256:abc", "api@md5:0123456789abcdef0123456789abcdef", "/api", "api/", "api//x", "registry.io/", ":v1",
      "registry.io:port/api", "api:" , "api__-x", "api-/x", "ECR.example.com/Api"})
  void badImage(@Nullable String image) {
    assertInvalid(() -> rollouts.setImage(REF, "api", image), imageMessage(image));
  }

  @ParameterizedTest
  @ValueSource(strings = {"api:v1.2.3", "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.2.3", "nginx",
      "library/nginx:1.27-alpine", "localhost:5000/team/api", "ghcr.io/org/api_server__x:V1_2",
      "REGISTRY.Example.com/api", "[::1]:5000/api:dev",
      "api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "public.ecr.aws/eks/aws-load-balancer-controller:v2.7.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void goodImageReachesTheServer(String image) {
    assertThatThrownBy(() -> rollouts.setImage(REF, "api", image)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static String imageMessage(@Nullable String image) {
    return "Invalid image: " + (image == null ? "null" : "'" + image + "'") + ". Allowed: an image reference"
        + " [registry[:port]/]repository[:tag][@sha256:digest], such as api:v1.2.3 or"
        + " 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.2.3: no whitespace, a lower-case repository of at"
        + " most 255 characters with its registry, a tag of at most 128 characters ([A-Za-z0-9_][A-Za-z0-9_.-]*), a"
        + " digest sha256: and 64 hex digits";
  }

  // Properties: every reference made by the grammar is accepted (the call reaches the server); the same reference
  // with whitespace anywhere, or made too long, is rejected before any request.

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String TAG_FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
  private static final String[] SEPARATORS = {".", "_", "__", "-", "--"};
  private static final String[] REGISTRIES = {"", "123456789012.dkr.ecr.us-east-1.amazonaws.com/", "localhost/",
      "localhost:5000/", "ghcr.io/", "registry.example.com:443/", "public.ecr.aws/"};

  /** A valid image reference made from a seed: registry, 1 to 3 path components, maybe a tag, maybe a digest. */
  static String reference(long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(REGISTRIES[r.nextInt(REGISTRIES.length)]);
    int components = 1 + r.nextInt(3);
    for (int c = 0; c < components; c++) {
      if (c > 0) {
        b.append('/');
      }
      b.append(word(r, LOWER, 1 + r.nextInt(8)));
      if (r.nextInt(3) == 0) {
        b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]).append(word(r, LOWER, 1 + r.nextInt(5)));
      }
    }
    if (r.nextBoolean()) {
      b.append(':').append(word(r, TAG_FIRST, 1)).append(word(r, TAG_FIRST + ".-", r.nextInt(127)));
    }
    if (r.nextInt(4) == 0) {
      b.append("@sha256:").append(word(r, "0123456789abcdef", 64));
    }
    return b.toString();
  }

  private static String word(Random r, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static Gen<Long> seeds() {
    return integers().allPositive().map(Integer::longValue);
  }

  @Test
  void everyReferenceOfTheGrammarIsAccepted() {
    qt().withExamples(150).forAll(seeds()).checkAssert(seed -> {
      String image = reference(seed);
      int before = server.getRequestCount();
      assertThatThrownBy(() -> rollouts.setImage(REF, "api", image))
          .as(image).isInstanceOf(ResourceNotFoundException.class);
      assertThat(server.getRequestCount()).isEqualTo(before + 1);
    });
  }

  @Test
  void whitespaceAnywhereIsRejectedBeforeAnyRequest() {
    Supplier<Gen<List<Integer>>> picks = () -> lists().of(integers().between(0, 10_000)).ofSize(3);
    qt().withExamples(300).forAll(seeds(), picks.get()).checkAssert((seed, pick) -> {
      String valid = reference(seed);
      String space = new String[] {" ", "\t", "\n", "\r", "\u00a0", "\u2003"}[pick.get(0) % 6];
      int at = pick.get(1) % (valid.length() + 1);
      String image = valid.substring(0, at) + space + valid.substring(at);
      assertInvalid(() -> rollouts.setImage(REF, "api", image), imageMessage(image));
    });
  }

  @Test
  void tooLongIsRejectedBeforeAnyRequest() {
    qt().withExamples(100).forAll(seeds(), integers().between(256, 600)).checkAssert((seed, length) -> {
      String repository = "a/".repeat(length / 2) + "a".repeat(length % 2 == 0 ? 1 : 2);
      String image = repository + ":" + reference(seed).replaceAll("[^a-z0-9]", "").substring(0, 1);
      assertInvalid(() -> rollouts.setImage(REF, "api", image), imageMessage(image));
    });
  }

  /** DNS-1123 label, written from its definition rather than as a pattern. */
  private static boolean isLabel(String s) {
    if (s.isEmpty() || s.length() > 63) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && !(c == '-' && i > 0 && i < s.length() - 1)) {
        return false;
      }
    }
    return true;
  }

  private static final String NAME_ALPHABET = "abz09-.A_ ";

  private static String name(long seed, int length) {
    return word(new Random(seed), NAME_ALPHABET, length);
  }

  @Test
  void namespacesAreAcceptedExactlyWhenTheyAreDns1123Labels() {
    qt().withExamples(400).forAll(seeds(), integers().between(0, 70)).checkAssert((seed, length) -> {
      String namespace = length > 3 && seed % 3 == 0 ? "a".repeat(length) : name(seed, length % 8);
      if (isLabel(namespace)) {
        assertThat(DeploymentRef.of(namespace, "api").namespace()).isEqualTo(namespace);
      } else {
        assertInvalid(() -> DeploymentRef.of(namespace, "api"),
            "Invalid namespace: '" + namespace + "'. Allowed: " + LABEL_RULE);
      }
    });
  }

  @Test
  void containersAreAcceptedExactlyWhenTheyAreDns1123Labels() {
    qt().withExamples(200).forAll(seeds(), integers().between(0, 8)).checkAssert((seed, length) -> {
      String container = name(seed, length);
      int before = server.getRequestCount();
      if (isLabel(container)) {
        assertThatThrownBy(() -> rollouts.setImage(REF, container, "api:v1"))
            .isInstanceOf(ResourceNotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(before + 1);
      } else {
        assertInvalid(() -> rollouts.setImage(REF, container, "api:v1"),
            "Invalid container: '" + container + "'. Allowed: " + LABEL_RULE);
      }
    });
  }

  @Test
  void parseReadsBackEveryReference() {
    qt().withExamples(200).forAll(seeds(), seeds()).checkAssert((a, b) -> {
      String namespace = "n" + Long.toString(a, 36);
      String name = "d" + Long.toString(b, 36) + ".v" + Long.toString(a % 97, 36);
      DeploymentRef ref = DeploymentRef.of(namespace, name);
      assertThat(DeploymentRef.parse(ref.toString())).isEqualTo(ref);
    });
  }
}
