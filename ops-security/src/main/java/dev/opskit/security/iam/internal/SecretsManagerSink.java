package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * A Secrets Manager secret as a sink, following the rotation contract: {@code PutSecretValue} with
 * {@code AWSPENDING}, then {@code UpdateSecretVersionStage} moving {@code AWSCURRENT} to the new version.
 */
public final class SecretsManagerSink implements SecretSink {
  /** The label of a staged version. */
  static final String PENDING = "AWSPENDING";
  /** The label readers read. */
  static final String CURRENT = "AWSCURRENT";

  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSink.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");

  private final OpsContext ctx;
  private final String secretId;

  /**
   * Creates the sink.
   *
   * @param ctx the context
   * @param secretId the secret's name or ARN
   */
  public SecretsManagerSink(OpsContext ctx, String secretId) {
    this.ctx = ctx;
    this.secretId = Checks.matches(NAME, "secretId", Checks.length("secretId", secretId, 1, 2048),
        "a secret name (letters, digits and /_+=.@-) or a secret ARN");
  }

  @Override
  public String description() {
    return "Secrets Manager secret " + secretId;
  }

  @Override
  public List<String> calls() {
    return List.of(
        "secretsmanager:DescribeSecret SecretId=" + secretId,
        "secretsmanager:CreateSecret Name=" + secretId + " (only when it does not exist; no value)",
        "secretsmanager:PutSecretValue SecretId=" + secretId + " VersionStages=[AWSPENDING] SecretString=(redacted)",
        "secretsmanager:UpdateSecretVersionStage SecretId=" + secretId + " VersionStage=AWSCURRENT"
            + " MoveToVersionId=<new version> RemoveFromVersionId=<current version> (after verification)",
        "secretsmanager:UpdateSecretVersionStage SecretId=" + secretId + " VersionStage=AWSPENDING"
            + " RemoveFromVersionId=<new version> (after verification)");
  }

  private SecretsManagerClient client() {
    return ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
  }

  /** The version id (the {@code ClientRequestToken}) of a secret's version: the same for the same version. */
  static String token(String versionId) {
    return UUID.nameUUIDFromBytes(("opskit:" + versionId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Optional<DescribeSecretResponse> describe() {
    DescribeSecretRequest request = DescribeSecretRequest.builder().secretId(secretId).build();
    return Reads.find("secretsmanager:DescribeSecret", secretId, () -> client().describeSecret(request));
  }

  private Map<String, List<String>> stages() {
    return describe().map(DescribeSecretResponse::versionIdsToStages).orElse(Map.of());
  }

  private static @Nullable String versionWith(Map<String, List<String>> stages, String label) {
    return stages.entrySet().stream().filter(e -> e.getValue().contains(label)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  @Override
  public Publication publish(Secret secret) {
    String token = token(secret.versionId());
    if (describe().isEmpty()) {
      CreateSecretRequest create = CreateSecretRequest.builder().name(secretId)
          .description("Access key published by OpsKit").build();
      SecretsManagerClient sm = client();
      ctx.gate().submit(Change.of("secretsmanager:CreateSecret", secretId, create, sm::createSecret).build());
    }
    PutSecretValueRequest put = PutSecretValueRequest.builder().secretId(secretId).clientRequestToken(token)
        .secretString(secret.asJson().reveal()).versionStages(PENDING).build();
    SecretsManagerClient sm = client();
    try {
      ctx.gate().submit(Change.of("secretsmanager:PutSecretValue", secretId, put, sm::putSecretValue)
          .secret("SecretString").build());
    } catch (OpsException e) {
      // The answer may have been lost after Secrets Manager stored the version: look before calling it failed.
      Map<String, List<String>> stages;
      try {
        stages = stages();
      } catch (OpsException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if (!stages.containsKey(token)) {
        throw e;
      }
      LOG.debug("secret version stored although PutSecretValue failed secretId={} version={}", secretId, token);
    }
    // Secrets Manager labels the first version of a secret AWSCURRENT whatever stages the put names: then it is
    // current already, not staged.
    boolean current = stages().getOrDefault(token, List.of()).contains(CURRENT);
    return new Publication(description(), secret.versionId(), token, !current);
  }

  @Override
  public Publication promote(Publication publication) {
    String token = publication.storeVersion();
    Map<String, List<String>> stages = stages();
    String current = versionWith(stages, CURRENT);
    SecretsManagerClient sm = client();
    if (!token.equals(current)) {
      UpdateSecretVersionStageRequest.Builder move = UpdateSecretVersionStageRequest.builder().secretId(secretId)
          .versionStage(CURRENT).moveToVersionId(token);
      if (current != null) {
        move.removeFromVersionId(current);
      }
      ctx.gate().submit(Change.of("secretsmanager:UpdateSecretVersionStage", secretId, move.build(),
          sm::updateSecretVersionStage).build());
    }
    if (stages.getOrDefault(token, List.of()).contains(PENDING)) {
      unlabelPending(token);
    }
    return publication.promoted();
  }

  @Override
  public void discard(Publication publication) {
    String token = publication.storeVersion();
    List<String> labels = stages().getOrDefault(token, List.of());
    if (labels.contains(PENDING) && !labels.contains(CURRENT)) {
      unlabelPending(token);
    }
  }

  private void unlabelPending(String token) {
    UpdateSecretVersionStageRequest remove = UpdateSecretVersionStageRequest.builder().secretId(secretId)
        .versionStage(PENDING).removeFromVersionId(token).build();
    SecretsManagerClient sm = client();
    ctx.gate().submit(Change.of("secretsmanager:UpdateSecretVersionStage", secretId, remove,
        sm::updateSecretVersionStage).build());
  }

  @Override
  public Optional<Secret> read(Publication publication) {
    GetSecretValueRequest get = GetSecretValueRequest.builder().secretId(secretId)
        .versionId(publication.storeVersion()).build();
    String json = Reads.read("secretsmanager:GetSecretValue", secretId, () -> client().getSecretValue(get).secretString());
    if (json == null) {
      return Optional.empty();
    }
    return Optional.of(SecretJson.read(publication.versionId(), json, description()));
  }

  @Override
  public String toString() {
    return description();
  }
}
