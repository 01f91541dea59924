package dev.opskit.security.iam;

import dev.opskit.core.OpsContext;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.CallbackSink;
import dev.opskit.security.iam.internal.SecretsManagerSink;
import dev.opskit.security.iam.internal.SsmParameterSink;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SecretSink}s OpsKit ships for AWS: a Secrets Manager secret, an SSM Parameter Store
 * {@code SecureString}, and a callback. Each publishes the secret's fields as one JSON object
 * ({@code {"AccessKeyId":"...","SecretAccessKey":"..."}}); every write goes through the context's gate, so a
 * dry run sends nothing and the audit trail shows the call with the secret redacted.
 */
public final class SecretSinks {
  private SecretSinks() {}

  /**
   * A Secrets Manager secret, written the way rotation Lambdas write it: the new version is put with the
   * staging label {@code AWSPENDING} (readers of {@code AWSCURRENT} do not see it yet), and
   * {@link SecretSink#promote promoted} by moving {@code AWSCURRENT} to it once verified (Secrets Manager then
   * labels the previous version {@code AWSPREVIOUS}). The secret is created, without a value, when it does
   * not exist; its first version is current at once (Secrets Manager labels a secret's first version
   * {@code AWSCURRENT}), and the publication says so. The version id is derived from the secret's version, so
   * publishing again makes no new version.
   *
   * @param ctx the context
   * @param secretId the secret's name or ARN, such as {@code prod/service-user/aws-key}
   * @return the sink
   * @throws dev.opskit.core.ValidationException when the id is not a secret name or ARN
   */
  public static SecretSink secretsManager(OpsContext ctx, String secretId) {
    return new SecretsManagerSink(Checks.present("ctx", ctx, "an OpsContext"), secretId);
  }

  /**
   * An SSM Parameter Store {@code SecureString} parameter, overwritten with the new value ({@code PutParameter
   * Overwrite=true}), encrypted with the account's default key for SSM unless a KMS key is given. Parameter
   * Store cannot stage a value: readers see the new key as soon as it is published (before verification).
   *
   * @param ctx the context
   * @param name the parameter name, such as {@code /prod/service-user/aws-key}
   * @param kmsKeyId the KMS key id, ARN or alias for the encryption, or null for the default key
   * @return the sink
   * @throws dev.opskit.core.ValidationException when the name is not a parameter name
   */
  public static SecretSink ssmParameter(OpsContext ctx, String name, @Nullable String kmsKeyId) {
    return new SsmParameterSink(Checks.present("ctx", ctx, "an OpsContext"), name, kmsKeyId);
  }

  /**
   * A callback, for a store OpsKit does not know: it receives the {@link Secret} (read the values with
   * {@code reveal()}). It cannot stage, and cannot read back (a rotation resumed in another process cannot
   * verify the new key again after deactivation). An exception it throws fails the publication; its message
   * is not shown, since it might contain the secret.
   *
   * @param description what the callback writes to, for reports, such as {@code vault kv/service-user}
   * @param callback receives the secret
   * @return the sink
   * @throws dev.opskit.core.ValidationException when the description is blank or the callback missing
   */
  public static SecretSink callback(String description, Consumer<Secret> callback) {
    return new CallbackSink(description, callback);
  }
}
