package dev.opskit.security.iam;

import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.internal.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Direct access to moto for the tests' own setup and checks (not through OpsKit). */
final class Moto implements AutoCloseable {
  private final URI endpoint;
  final IamClient iam;
  final SecretsManagerClient secrets;

  Moto(URI endpoint) {
    this.endpoint = endpoint;
    StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    this.iam = IamClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint).credentialsProvider(creds).build();
    this.secrets = SecretsManagerClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint).credentialsProvider(creds).build();
  }

  /** A context on moto (or a proxy in front of it) with a manual clock, fast SDK backoff and the given audit sink. */
  static OpsContext context(URI endpoint, ManualClock clock, InMemoryAuditSink audit) {
    return contextBuilder(endpoint, clock, audit).build();
  }

  static OpsContext.Builder contextBuilder(URI endpoint, ManualClock clock, InMemoryAuditSink audit) {
    return OpsContext.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .clock(clock).sleeper(clock.sleeper()).auditSink(audit);
  }

  String createUser(String name) {
    return iam.createUser(b -> b.userName(name)).user().arn();
  }

  /** A key whose secret the test knows. */
  CreateAccessKeyResponse createKey(String user) {
    return iam.createAccessKey(b -> b.userName(user));
  }

  void deactivate(String user, String keyId) {
    iam.updateAccessKey(b -> b.userName(user).accessKeyId(keyId).status(StatusType.INACTIVE));
  }

  List<AccessKeyMetadata> keys(String user) {
    return iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata();
  }

  /** The ARN STS answers for a key and secret. */
  String callerArn(String keyId, String secret) {
    try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret))).build()) {
      return sts.getCallerIdentity().arn();
    }
  }

  /** The AWSCURRENT value of a secret, as {AccessKeyId, SecretAccessKey}, if the secret has one. */
  Optional<String[]> currentKey(String secretId) {
    try {
      String json = secrets.getSecretValue(b -> b.secretId(secretId).versionStage("AWSCURRENT")).secretString();
      var tree = Json.parseTrusted(json);
      return Optional.of(new String[] {tree.get("AccessKeyId").asText(), tree.get("SecretAccessKey").asText()});
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    iam.close();
    secrets.close();
  }
}
