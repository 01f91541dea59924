package dev.opskit.kubernetes.secret;

import static dev.opskit.kubernetes.secret.Cluster.NAME;
import static dev.opskit.kubernetes.secret.Cluster.NAMESPACE;
import static dev.opskit.kubernetes.secret.Cluster.base64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.test.AuditAssertions;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The sink against a mock API server in CRUD mode that holds the application's secret (with a key of its own). */
class KubernetesSecretSinkTest {
  static final String KEY_ID = "AKIANEWKEY1111111111";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYNEWKEY+1111";
  static final String TARGET = NAMESPACE + "/secret/" + NAME;

  private final Cluster cluster = Cluster.crud();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Secret secret(String versionId, String keyId, String secretKey) {
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    fields.put("AccessKeyId", SecretValue.of("AccessKeyId", keyId));
    fields.put("SecretAccessKey", SecretValue.of("SecretAccessKey", secretKey));
    return new Secret(versionId, fields);
  }

  static Secret newKey() {
    return secret("opskit-v2", KEY_ID, SECRET_KEY);
  }

  SecretSink sink(OpsContext ctx) {
    return KubernetesSecrets.sink(ctx, cluster.client, SecretRef.of(NAMESPACE, NAME), KubernetesSecrets.accessKeyFields());
  }

  /** Neither value, nor its base64, in any event of the audit trail. */
  void auditShowsNoValue() {
    for (String value : List.of(KEY_ID, SECRET_KEY)) {
      AuditAssertions.assertThat(cluster.audit).containsNoText(value).containsNoText(base64(value));
    }
  }

  @Nested
  class Publish {
    @Test
    void writesBothKeysBase64EncodedLeavesTheOtherKeysAndNamesTheVersion() throws Exception {
      cluster.storeApplicationSecret();
      cluster.requests();

      Publication publication = sink(cluster.ctx).publish(newKey());

      io.fabric8.kubernetes.api.model.Secret stored = cluster.stored();
      assertThat(stored.getData()).containsEntry("access-key-id", base64(KEY_ID))
          .containsEntry("secret-access-key", base64(SECRET_KEY));
      assertThat(Cluster.data(stored)).containsEntry("database-url", "postgres://db.internal:5432/app").hasSize(3);
      assertThat(stored.getMetadata().getAnnotations()).containsEntry("opskit.dev/secret-version", "opskit-v2");
      assertThat(publication).isEqualTo(new Publication(
          "Kubernetes secret production/aws-credentials keys access-key-id, secret-access-key", "opskit-v2",
          stored.getMetadata().getResourceVersion(), false));

      List<RecordedRequest> requests = cluster.requests();
      // One read, one write (and the test's own read).
      assertThat(requests).extracting(RecordedRequest::getMethod).containsExactly("GET", "PATCH", "GET");
      List<RecordedRequest> patches = cluster.patches(requests);
      RecordedRequest patch = patches.get(0);
      assertThat(patch.getPath()).isEqualTo(Cluster.PATH);
      assertThat(patch.getHeader("Content-Type")).startsWith("application/merge-patch+json");
      // Just the mapped keys and the annotation: the application's own key is not in the patch.
      assertThat(cluster.patchBodies).containsExactly("{\"metadata\":{\"annotations\":{\"opskit.dev/secret-version\":"
          + "\"opskit-v2\"}},\"data\":{\"access-key-id\":\"" + base64(KEY_ID) + "\",\"secret-access-key\":\""
          + base64(SECRET_KEY) + "\"}}");
    }

    @Test
    void isAuditedAsOnePatchNamingTheSecretAndKeysWithoutTheValues() {
      cluster.storeApplicationSecret();

      sink(cluster.ctx).publish(newKey());

      AuditEvent event = AuditAssertions.assertThat(cluster.audit).hasExactlyOneEvent("kubernetes:PatchSecret");
      assertThat(event.target()).isEqualTo(TARGET);
      assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(event.parameters()).containsEntry("Namespace", NAMESPACE).containsEntry("Name", NAME)
          .containsEntry("Keys", List.of("access-key-id", "secret-access-key"))
          .containsEntry("Annotation", "opskit.dev/secret-version").containsEntry("VersionId", "opskit-v2")
          .containsEntry("Data", AuditEvent.REDACTED);
      auditShowsNoValue();
    }

    @Test
    void aVersionIdMadeOfTheKeyIdIsNotShownInTheAudit() {
      cluster.storeApplicationSecret();
      // ops-security's rotation names the version after the new key: "opskit-" + key id.
      Secret rotated = secret("opskit-" + KEY_ID, KEY_ID, SECRET_KEY);

      Publication publication = sink(cluster.ctx).publish(rotated);

      assertThat(publication.versionId()).isEqualTo("opskit-" + KEY_ID);
      assertThat(cluster.stored().getMetadata().getAnnotations()).containsEntry("opskit.dev/secret-version", "opskit-" + KEY_ID);
      AuditEvent event = AuditAssertions.assertThat(cluster.audit).hasExactlyOneEvent("kubernetes:PatchSecret");
      assertThat(event.parameters()).containsEntry("VersionId", "opskit-" + AuditEvent.REDACTED);
      auditShowsNoValue();
      assertThat(sink(cluster.ctx).read(publication)).contains(rotated);
    }

    @Test
    void theSameVersionAgainIsOnePublication() throws Exception {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication first = sink.publish(newKey());

      Publication again = sink.publish(newKey());

      assertThat(again).isEqualTo(first);
      assertThat(cluster.patches(cluster.requests())).hasSize(1);
      assertThat(cluster.audit.events()).hasSize(1);
    }

    @Test
    void anotherVersionIsWritten() throws Exception {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication first = sink.publish(newKey());

      Publication next = sink.publish(secret("opskit-v3", "AKIANEWKEY3333333333", "third/secret+3333333333333333333333333"));

      assertThat(cluster.patches(cluster.requests())).hasSize(2);
      assertThat(next.storeVersion()).isNotEqualTo(first.storeVersion()).isEqualTo(cluster.stored().getMetadata().getResourceVersion());
      assertThat(Cluster.data(cluster.stored())).containsEntry("access-key-id", "AKIANEWKEY3333333333");
    }

    @Test
    void theSameVersionIsWrittenAgainWhenSomeoneChangedAKeySince() throws Exception {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      sink.publish(newKey());
      io.fabric8.kubernetes.api.model.Secret edited = cluster.stored();
      edited.getData().put("secret-access-key", base64("edited-by-hand"));
      cluster.client.secrets().inNamespace(NAMESPACE).resource(edited).update();

      sink.publish(newKey());

      assertThat(cluster.patches(cluster.requests())).hasSize(2);
      assertThat(Cluster.data(cluster.stored())).containsEntry("secret-access-key", SECRET_KEY);
    }

    @Test
    void aMissingSecretIsNotCreated() throws Exception {
      assertThatThrownBy(() -> sink(cluster.ctx).publish(newKey()))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessage("kubernetes:GetSecret on production/secret/aws-credentials: the secret does not exist. OpsKit does"
              + " not create application secrets: create it (kubectl create secret generic aws-credentials -n"
              + " production), then publish again.");
      assertThat(cluster.requests()).extracting(RecordedRequest::getMethod).containsExactly("GET");
      assertThat(cluster.stored()).isNull();
      assertThat(cluster.audit.events()).isEmpty();
    }
  }

  @Nested
  class DryRun {
    @Test
    void plansThePatchAndWritesNothing() throws Exception {
      io.fabric8.kubernetes.api.model.Secret before = cluster.storeApplicationSecret();
      cluster.requests();

      Publication publication = sink(cluster.ctx.withDryRun(true)).publish(newKey());

      assertThat(publication.storeVersion()).isEqualTo("planned");
      assertThat(publication.pending()).isFalse();
      assertThat(cluster.patches(cluster.requests())).isEmpty();
      io.fabric8.kubernetes.api.model.Secret after = cluster.stored();
      assertThat(after.getData()).isEqualTo(before.getData());
      assertThat(after.getMetadata().getAnnotations()).isNullOrEmpty();
      assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
      AuditEvent event = AuditAssertions.assertThat(cluster.audit).allPlanned().hasExactlyOneEvent("kubernetes:PatchSecret");
      assertThat(event.outcome()).isEqualTo(Outcome.PLANNED);
      assertThat(event.parameters()).containsEntry("Data", AuditEvent.REDACTED)
          .containsEntry("Keys", List.of("access-key-id", "secret-access-key"));
      auditShowsNoValue();
    }
  }

  @Nested
  class Read {
    @Test
    void returnsTheValuesOfThePublishedVersion() {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication publication = sink.publish(newKey());

      Optional<Secret> read = sink.read(publication);

      assertThat(read).contains(newKey());
      assertThat(read.orElseThrow().field("SecretAccessKey").reveal()).isEqualTo(SECRET_KEY);
      assertThat(read.orElseThrow().fields().keySet()).containsExactly("AccessKeyId", "SecretAccessKey");
    }

    @Test
    void refusesWhenTheSecretHoldsAnotherVersionSince() {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication publication = sink.publish(newKey());
      sink.publish(secret("opskit-v3", "AKIANEWKEY3333333333", "third/secret+3333333333333333333333333"));

      assertThatThrownBy(() -> sink.read(publication))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("kubernetes:GetSecret on production/secret/aws-credentials: the secret holds version opskit-v3,"
              + " not the published opskit-v2: it was written again since.");
    }

    @Test
    void refusesWithoutShowingAKeyIdThatNamesTheVersion() {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication publication = sink.publish(newKey());
      sink.publish(secret("opskit-AKIANEWKEY3333333333", "AKIANEWKEY3333333333", "third/secret+3333333333333333333333333"));

      assertThatThrownBy(() -> sink.read(publication))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("kubernetes:GetSecret on production/secret/aws-credentials: the secret holds version opskit-***"
              + " redacted ***, not the published opskit-v2: it was written again since.");
    }

    @Test
    void refusesWhenTheSecretIsGone() {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication publication = sink.publish(newKey());
      cluster.client.secrets().inNamespace(NAMESPACE).withName(NAME).delete();

      assertThatThrownBy(() -> sink.read(publication))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessage("kubernetes:GetSecret on production/secret/aws-credentials: the secret does not exist any more,"
              + " so the published version cannot be read back.");
    }
  }

  @Nested
  class Contract {
    @Test
    void neverStagesSoPromoteAndDiscardChangeNothing() throws Exception {
      cluster.storeApplicationSecret();
      SecretSink sink = sink(cluster.ctx);
      Publication publication = sink.publish(newKey());
      cluster.requests();

      assertThat(publication.pending()).isFalse();
      assertThat(sink.promote(publication)).isEqualTo(publication);
      sink.discard(publication);

      assertThat(cluster.requests()).isEmpty();
      assertThat(Cluster.data(cluster.stored())).containsEntry("secret-access-key", SECRET_KEY);
    }

    @Test
    void callsNameBothRequestsWithoutValues() {
      SecretSink sink = sink(cluster.ctx);

      assertThat(sink.calls()).containsExactly(
          "kubernetes:GetSecret namespace=production name=aws-credentials (it must exist)",
          "kubernetes:PatchSecret namespace=production name=aws-credentials type=merge"
              + " data=[access-key-id, secret-access-key] (values redacted) annotation opskit.dev/secret-version=<version>"
              + " (not sent when the secret holds this version already; readers see it at once: a Kubernetes secret"
              + " cannot stage)");
      assertThat(sink).hasToString(sink.description());
    }
  }
}
