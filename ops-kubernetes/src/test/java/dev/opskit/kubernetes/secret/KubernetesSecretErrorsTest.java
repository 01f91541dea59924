package dev.opskit.kubernetes.secret;

import static dev.opskit.kubernetes.secret.Cluster.PATH;
import static dev.opskit.kubernetes.secret.Cluster.base64;
import static dev.opskit.kubernetes.secret.KubernetesSecretSinkTest.KEY_ID;
import static dev.opskit.kubernetes.secret.KubernetesSecretSinkTest.SECRET_KEY;
import static dev.opskit.kubernetes.secret.KubernetesSecretSinkTest.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.test.AuditAssertions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sink against a mock API server that answers what each test expects: failures, and answers lost. */
class KubernetesSecretErrorsTest {
  private static final String PATCH_BODY = "{\"metadata\":{\"annotations\":{\"opskit.dev/secret-version\":\"opskit-v2\"}},"
      + "\"data\":{\"access-key-id\":\"" + base64(KEY_ID) + "\",\"secret-access-key\":\"" + base64(SECRET_KEY) + "\"}}";
  /** Every form in which a value could be shown: as is and base64, the key id and its secret. */
  private static final List<String> FORMS = List.of(KEY_ID, SECRET_KEY, base64(KEY_ID), base64(SECRET_KEY));

  private final Cluster cluster = Cluster.expectations();

  @AfterEach
  void close() {
    cluster.close();
  }

  private SecretSink sink() {
    return KubernetesSecrets.sink(cluster.ctx, cluster.client, SecretRef.of("production", "aws-credentials"),
        KubernetesSecrets.accessKeyFields());
  }

  /** An API server's answer that quotes the request: the values as sent (base64), decoded, and the whole patch. */
  private static Status echoing(int code, String reason) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
        .withMessage("Secret \"aws-credentials\" is invalid: data[access-key-id]: Invalid value: \"" + KEY_ID
            + "\" (" + base64(KEY_ID) + "), data[secret-access-key]: Invalid value: \"" + SECRET_KEY + "\" (patch: "
            + PATCH_BODY + ")")
        .withNewDetails().withName("aws-credentials").withKind("secrets")
        .addNewCause().withField("data[secret-access-key]").withReason("FieldValueInvalid")
        .withMessage("Invalid value: \"" + base64(SECRET_KEY) + "\"").endCause()
        .endDetails().build();
  }

  private static Secret holding(String versionId, String keyId, String secretKey, String resourceVersion) {
    SecretBuilder secret = new SecretBuilder().withNewMetadata().withNamespace("production").withName("aws-credentials")
        .withResourceVersion(resourceVersion).endMetadata()
        .addToData("access-key-id", base64(keyId)).addToData("secret-access-key", base64(secretKey))
        .addToData("database-url", base64("postgres://db.internal:5432/app"));
    if (versionId != null) {
      secret.editMetadata().addToAnnotations("opskit.dev/secret-version", versionId).endMetadata();
    }
    return secret.build();
  }

  private static Secret before() {
    return holding(null, "AKIAOLDKEY0000000000", "old-secret/Access+Key0000000000000000000", "41");
  }

  /** Everything a caller, a log or a report could show of a failure: message, toString, the whole stack trace. */
  private static void showsNoValue(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    for (String form : FORMS) {
      assertThat(error.getMessage()).doesNotContain(form);
      assertThat(error.toString()).doesNotContain(form);
      assertThat(trace.toString()).doesNotContain(form);
      for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
        assertThat(String.valueOf(cause.getMessage())).doesNotContain(form);
      }
    }
  }

  private void auditShowsNoValue() {
    for (String form : FORMS) {
      AuditAssertions.assertThat(cluster.audit).containsNoText(form);
    }
  }

  @Test
  void anAnswerThatEchoesTheValuesShowsNoneOfThem() {
    cluster.server.expect().get().withPath(PATH).andReturn(200, before()).always();
    cluster.server.expect().patch().withPath(PATH).andReturn(422, echoing(422, "Invalid")).once();

    ServiceException e = catchThrowableOfType(ServiceException.class, () -> sink().publish(newKey()));

    assertThat(e).hasMessageStartingWith("kubernetes:PatchSecret on production/secret/aws-credentials: the API server"
            + " rejected the request (HTTP 422): Secret \"aws-credentials\" is invalid: data[access-key-id]: Invalid"
            + " value: \"*** redacted ***\" (*** redacted ***), data[secret-access-key]: Invalid value: \"*** redacted ***\"")
        .hasMessageContaining("\"access-key-id\":\"*** redacted ***\"");
    assertThat(e.operation()).isEqualTo("kubernetes:PatchSecret");
    assertThat(e.resource()).isEqualTo("production/secret/aws-credentials");
    // The cause keeps fabric8's class name and its (scrubbed) message, which names the call.
    assertThat(e.getCause()).hasToString(e.getCause().toString())
        .hasMessageContaining("Failure executing: PATCH at:");
    assertThat(e.getCause().toString()).startsWith("io.fabric8.kubernetes.client.KubernetesClientException: ");
    showsNoValue(e);
    AuditEvent event = AuditAssertions.assertThat(cluster.audit).hasExactlyOneEvent("kubernetes:PatchSecret");
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.detail()).contains("HTTP 422): Secret").contains("*** redacted ***");
    auditShowsNoValue();
  }

  @Test
  void anAnswerThatEchoesTheSecretsOtherValuesShowsNoneOfThemEither() {
    cluster.server.expect().get().withPath(PATH).andReturn(200, before()).always();
    String other = "postgres://db.internal:5432/app";
    String oldSecret = "old-secret/Access+Key0000000000000000000";
    cluster.server.expect().patch().withPath(PATH).andReturn(422, new StatusBuilder().withStatus("Failure").withCode(422)
        .withReason("Invalid").withMessage("object: {\"database-url\":\"" + base64(other) + "\"} was " + other
            + ", old " + oldSecret).build()).once();

    ServiceException e = catchThrowableOfType(ServiceException.class, () -> sink().publish(newKey()));

    assertThat(e).hasMessage("kubernetes:PatchSecret on production/secret/aws-credentials: the API server rejected"
        + " the request (HTTP 422): object: {\"database-url\":\"*** redacted ***\"} was *** redacted ***, old"
        + " *** redacted ***.");
    for (String form : List.of(other, base64(other), oldSecret, base64(oldSecret))) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(form);
      AuditAssertions.assertThat(cluster.audit).containsNoText(form);
    }
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(404, "NotFound", ResourceNotFoundException.class,
            "not found (HTTP 404): Secret \"aws-credentials\" is invalid"),
        Arguments.of(409, "Conflict", ResourceStateException.class,
            "conflict (HTTP 409): "),
        Arguments.of(401, "Unauthorized", AccessDeniedException.class, "not authenticated (HTTP 401): "),
        Arguments.of(403, "Forbidden", AccessDeniedException.class, "forbidden (HTTP 403): "),
        Arguments.of(429, "TooManyRequests", ThrottledException.class,
            "throttled by the API server (HTTP 429): "),
        Arguments.of(500, "InternalError", ServiceException.class,
            "the API server failed (HTTP 500): "),
        Arguments.of(400, "BadRequest", ServiceException.class, "the API server rejected the request (HTTP 400): "));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("statuses")
  void aFailedPatchIsMappedByStatus(int code, String reason, Class<? extends OpsException> type, String text) {
    cluster.server.expect().get().withPath(PATH).andReturn(200, before()).always();
    cluster.server.expect().patch().withPath(PATH).andReturn(code, echoing(code, reason)).once();

    OpsException e = catchThrowableOfType(type, () -> sink().publish(newKey()));

    assertThat(e).hasMessageStartingWith("kubernetes:PatchSecret on production/secret/aws-credentials: " + text);
    showsNoValue(e);
    auditShowsNoValue();
  }

  @Test
  void aFailedReadIsMappedNamingTheRead() {
    cluster.server.expect().get().withPath(PATH).andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403)
        .withReason("Forbidden").withMessage("secrets \"aws-credentials\" is forbidden: User \"opskit\" cannot get"
            + " resource \"secrets\" in the namespace \"production\"").build()).once();

    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> sink().publish(newKey()));

    assertThat(e).hasMessage("kubernetes:GetSecret on production/secret/aws-credentials: forbidden (HTTP 403):"
        + " secrets \"aws-credentials\" is forbidden: User \"opskit\" cannot get resource \"secrets\" in the namespace"
        + " \"production\". Grant the identity this permission in the cluster's RBAC (its EKS access entry or aws-auth"
        + " mapping).");
    assertThat(cluster.audit.events()).isEmpty();
  }

  @Test
  void aPatchWhoseAnswerWasLostIsFoundDone() {
    cluster.server.expect().get().withPath(PATH).andReturn(200, before()).once();
    cluster.server.expect().patch().withPath(PATH).andReturn(500, echoing(500, "InternalError")).once();
    cluster.server.expect().get().withPath(PATH).andReturn(200, holding("opskit-v2", KEY_ID, SECRET_KEY, "42")).once();

    Publication publication = sink().publish(newKey());

    assertThat(publication).isEqualTo(new Publication(
        "Kubernetes secret production/aws-credentials keys access-key-id, secret-access-key", "opskit-v2", "42", false));
    assertThat(cluster.server.getRequestCount()).isEqualTo(3);
    auditShowsNoValue();
  }

  @Test
  void aFailedPatchWhoseLookupFailsTooKeepsBoth() {
    cluster.server.expect().get().withPath(PATH).andReturn(200, before()).once();
    cluster.server.expect().patch().withPath(PATH).andReturn(500, echoing(500, "InternalError")).once();
    cluster.server.expect().get().withPath(PATH).andReturn(503, echoing(503, "ServiceUnavailable")).once();

    ServiceException e = catchThrowableOfType(ServiceException.class, () -> sink().publish(newKey()));

    assertThat(e).hasMessageStartingWith("kubernetes:PatchSecret on production/secret/aws-credentials: the API server"
        + " failed (HTTP 500): ");
    assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServiceException.class).extracting(Throwable::getMessage)
        .asString().startsWith("kubernetes:GetSecret on production/secret/aws-credentials: the API server failed"
            + " (HTTP 503): ");
    showsNoValue(e);
  }
}
