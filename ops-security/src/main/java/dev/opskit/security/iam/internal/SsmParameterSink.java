package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/** An SSM Parameter Store {@code SecureString} as a sink: {@code PutParameter Overwrite=true}; it cannot stage. */
public final class SsmParameterSink implements SecretSink {
  private static final Pattern NAME = Pattern.compile("/?[A-Za-z0-9_.\\-/]{1,2047}");

  private final OpsContext ctx;
  private final String name;
  private final @Nullable String kmsKeyId;

  /**
   * Creates the sink.
   *
   * @param ctx the context
   * @param name the parameter name
   * @param kmsKeyId the KMS key, or null for SSM's default
   */
  public SsmParameterSink(OpsContext ctx, String name, @Nullable String kmsKeyId) {
    this.ctx = ctx;
    this.name = Checks.matches(NAME, "name", Checks.length("name", name, 1, 2048),
        "a parameter name: letters, digits and _.-/ (such as /prod/service-user/aws-key)");
    this.kmsKeyId = kmsKeyId == null ? null : Checks.length("kmsKeyId", kmsKeyId, 1, 256);
  }

  @Override
  public String description() {
    return "SSM SecureString parameter " + name;
  }

  @Override
  public List<String> calls() {
    return List.of("ssm:PutParameter Name=" + name + " Type=SecureString Overwrite=true Value=(redacted)"
        + (kmsKeyId == null ? "" : " KeyId=" + kmsKeyId) + " (readers see it at once: Parameter Store cannot stage)");
  }

  private SsmClient client() {
    return ctx.client(SsmClient.class, SsmClient::builder);
  }

  @Override
  public Publication publish(Secret secret) {
    SecretValue value = secret.asJson();
    PutParameterRequest.Builder put = PutParameterRequest.builder().name(name).type(ParameterType.SECURE_STRING)
        .overwrite(true).value(value.reveal()).description("Access key published by OpsKit");
    if (kmsKeyId != null) {
      put.keyId(kmsKeyId);
    }
    SsmClient ssm = client();
    try {
      ChangeResult<PutParameterResponse> result = ctx.gate()
          .submit(Change.of("ssm:PutParameter", name, put.build(), ssm::putParameter).secret("Value").build());
      String version = result.value().map(answer -> String.valueOf(answer.version())).orElse("planned");
      return new Publication(description(), secret.versionId(), version, false);
    } catch (OpsException e) {
      // The answer may have been lost after SSM stored the value: look before calling it failed.
      Optional<Parameter> stored;
      try {
        stored = current(name);
      } catch (OpsException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if (stored.isPresent() && value.equals(SecretValue.of("value", stored.get().value()))) {
        return new Publication(description(), secret.versionId(), String.valueOf(stored.get().version()), false);
      }
      throw e;
    }
  }

  private Optional<Parameter> current(String selector) {
    GetParameterRequest get = GetParameterRequest.builder().name(selector).withDecryption(true).build();
    return Reads.find("ssm:GetParameter", name, () -> client().getParameter(get).parameter());
  }

  @Override
  public Optional<Secret> read(Publication publication) {
    return current(name + ":" + publication.storeVersion())
        .map(p -> SecretJson.read(publication.versionId(), p.value(), description()));
  }

  @Override
  public String toString() {
    return description();
  }
}
