package dev.opskit.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.internal.ScrubbedCause;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The module's one mapping of fabric8's failures: every status, no answer, timeouts, redaction, own texts. */
class KubernetesErrorsTest {
  private static final String OP = "kubernetes:GetThing";
  private static final String TARGET = "production/thing/a";

  private static KubernetesClientException answered(int code, String reason, String message) {
    Status status = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
        .build();
    return new KubernetesClientException("Failure executing: GET at: https://k8s/api. Message: " + message + ".", code,
        status);
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(404, "NotFound", ResourceNotFoundException.class,
            "not found (HTTP 404): it failed. Check the namespace, the name and the cluster."),
        Arguments.of(409, "Conflict", ResourceStateException.class, "conflict (HTTP 409): it failed. The object changed"
            + " meanwhile or its state does not allow this: read it again and retry."),
        Arguments.of(401, "Unauthorized", AccessDeniedException.class,
            "not authenticated (HTTP 401): it failed. The token was refused or has expired: get a fresh EKS token."),
        Arguments.of(403, "Forbidden", AccessDeniedException.class, "forbidden (HTTP 403): it failed. Grant the"
            + " identity this permission in the cluster's RBAC (its EKS access entry or aws-auth mapping)."),
        Arguments.of(429, "TooManyRequests", ThrottledException.class,
            "throttled by the API server (HTTP 429): it failed. Retry later, or lower the request rate."),
        Arguments.of(410, "Expired", ServiceException.class, "the listing's continue token expired (HTTP 410): it"
            + " failed. The listing took longer than the API server keeps its snapshot: list again."),
        Arguments.of(500, "InternalError", ServiceException.class,
            "the API server failed (HTTP 500): it failed. Try again later."),
        Arguments.of(503, "ServiceUnavailable", ServiceException.class,
            "the API server failed (HTTP 503): it failed. Try again later."),
        Arguments.of(422, "Invalid", ServiceException.class, "the API server rejected the request (HTTP 422): it failed."),
        Arguments.of(400, "BadRequest", ServiceException.class,
            "the API server rejected the request (HTTP 400): it failed."));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("statuses")
  void everyStatusHasItsTypeItsTextAndTheReasonAsErrorCode(int code, String reason,
      Class<? extends OpsException> type, String text) {
    KubernetesClientException e = answered(code, reason, "it failed.");

    OpsException mapped = KubernetesErrors.map(e, OP, TARGET);

    assertThat(mapped).isInstanceOf(type).hasMessage(OP + " on " + TARGET + ": " + text).hasCause(e);
    assertThat(mapped.operation()).isEqualTo(OP);
    assertThat(mapped.resource()).isEqualTo(TARGET);
    assertThat(mapped.awsErrorCode()).isEqualTo(reason);
  }

  @Test
  void aCallPassesItsAnswerAndMapsItsFailure() {
    assertThat(KubernetesErrors.call(OP, TARGET, () -> "answer")).isEqualTo("answer");
    assertThatThrownBy(() -> KubernetesErrors.call(OP, null, () -> {
      throw answered(404, "NotFound", "things \"a\" not found");
    })).isInstanceOf(ResourceNotFoundException.class)
        .hasMessage(OP + ": not found (HTTP 404): things \"a\" not found. Check the namespace, the name and the cluster.");
  }

  @Test
  void withoutAServerMessageFabric8sIsSaid() {
    KubernetesClientException e = new KubernetesClientException("Operation: [get] failed.", 500, null);

    assertThat(KubernetesErrors.map(e, OP, TARGET)).isInstanceOf(ServiceException.class)
        .hasMessage(OP + " on " + TARGET + ": the API server failed (HTTP 500): Operation: [get] failed. Try again later.");
    assertThat(KubernetesErrors.reason(e)).isNull();
  }

  @Test
  void noAnswerNamesTheRootCause() {
    KubernetesClientException e = new KubernetesClientException("An error has occurred.",
        new java.io.IOException("wrapped", new ConnectException("Connection refused")));

    assertThat(KubernetesErrors.map(e, OP, TARGET)).isInstanceOf(ServiceException.class).hasCause(e)
        .hasMessage(OP + " on " + TARGET + ": the API server could not be reached or did not answer: ConnectException"
            + " (Connection refused). Check the cluster endpoint and the network.");
  }

  @Test
  void noAnswerInTimeIsATimeout() {
    KubernetesClientException http = new KubernetesClientException("An error has occurred.",
        new HttpTimeoutException("request timed out"));
    KubernetesClientTimeoutException waited = new KubernetesClientTimeoutException("Deployment", "api", "production",
        5, TimeUnit.SECONDS);

    assertThat(KubernetesErrors.map(http, OP, TARGET)).isInstanceOf(OperationTimeoutException.class)
        .hasMessage(OP + " on " + TARGET + ": the API server did not answer in time: HttpTimeoutException (request"
            + " timed out). A change may or may not have been made: check before repeating it.");
    assertThat(KubernetesErrors.map(waited, OP, TARGET)).isInstanceOf(OperationTimeoutException.class)
        .hasMessageStartingWith(OP + " on " + TARGET + ": the API server did not answer in time: ");
  }

  @Test
  void aCyclicCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    KubernetesClientException e = new KubernetesClientException("An error has occurred.", a);

    assertThat(KubernetesErrors.map(e, OP, TARGET)).isInstanceOf(ServiceException.class)
        .hasMessageContaining("could not be reached or did not answer: RuntimeException");
  }

  @Test
  void ownTextsForSomeStatusesKeepTheMappingsTypes() {
    Map<Integer, String> explained = Map.of(404, "the thing API is not served (HTTP 404): install it.");

    assertThat(KubernetesErrors.map(answered(404, "NotFound", "the server could not find the requested resource"),
        OP, null, Redaction.none(), explained))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage(OP + ": the thing API is not served (HTTP 404): install it.")
        .extracting(OpsException::awsErrorCode).isEqualTo("NotFound");
    assertThat(KubernetesErrors.map(answered(403, "Forbidden", "no"), OP, null, Redaction.none(), explained))
        .isInstanceOf(AccessDeniedException.class).hasMessageStartingWith(OP + ": forbidden (HTTP 403): no.");
  }

  @Test
  void secretValuesAreScrubbedPlainAndBase64FromMessageAndCause() {
    String value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    String encoded = Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    KubernetesClientException e = answered(422, "Invalid", "data[key]: Invalid value: \"" + value + "\" (" + encoded
        + ")");

    OpsException mapped = KubernetesErrors.map(e, OP, TARGET, Redaction.of(List.of(value)), Map.of());

    assertThat(mapped).isInstanceOf(ServiceException.class).hasMessage(OP + " on " + TARGET + ": the API server"
        + " rejected the request (HTTP 422): data[key]: Invalid value: \"*** redacted ***\" (*** redacted ***).");
    assertThat(mapped.getCause()).isInstanceOf(ScrubbedCause.class)
        .hasToString("io.fabric8.kubernetes.client.KubernetesClientException: " + mapped.getCause().getMessage());
    StringWriter trace = new StringWriter();
    mapped.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(value).doesNotContain(encoded)
        .contains("io.fabric8.kubernetes.client.KubernetesClientException");
  }

  @Test
  void aScrubbedCauseStandsInForEveryCauseAndSuppressedOne() {
    RuntimeException inner = new RuntimeException("inner s3cr3t-value");
    inner.addSuppressed(new IllegalStateException("suppressed s3cr3t-value"));
    KubernetesClientException e = new KubernetesClientException("outer s3cr3t-value", inner);

    ScrubbedCause scrubbed = new ScrubbedCause(e, Redaction.of(List.of("s3cr3t-value")));

    assertThat(scrubbed).hasMessage("outer *** redacted ***");
    assertThat(scrubbed.getCause()).isInstanceOf(ScrubbedCause.class).hasMessage("inner *** redacted ***")
        .hasToString("java.lang.RuntimeException: inner *** redacted ***");
    assertThat(scrubbed.getCause().getSuppressed()).singleElement()
        .hasToString("java.lang.IllegalStateException: suppressed *** redacted ***");
    assertThat(scrubbed.getStackTrace()).isEqualTo(e.getStackTrace());
  }
}
