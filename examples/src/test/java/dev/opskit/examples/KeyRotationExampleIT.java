package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.internal.Json;
import dev.opskit.security.iam.AccessKey;
import dev.opskit.security.iam.AccessKeys;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The tour's security section rotates the guide's service-user into Secrets Manager and refuses a two-key user. */
@OpsEmulatorTest
class KeyRotationExampleIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void rotatesIntoSecretsManagerAndRefusesATwoKeyUser(OpsContext ctx, InMemoryAuditSink audit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new KeyRotationExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("(dry run, nothing sent)")
        .contains("would call iam:CreateAccessKey UserName=service-user")
        .contains("would call secretsmanager:PutSecretValue SecretId=prod/service-user/aws-key VersionStages=[AWSPENDING]")
        .contains("  7 delete the old key after the grace period: DONE (old key ****")
        .contains("service-user now has 1 key: ****")
        .contains("refused at step 1 (preflight): the user already has 2 access keys (");
    List<AccessKey> keys = AccessKeys.using(ctx).list(KeyRotationExample.USER);
    assertThat(keys).hasSize(1);
    SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
    String json = secrets.getSecretValue(b -> b.secretId(KeyRotationExample.SECRET)).secretString();
    var published = Json.parseTrusted(json);
    assertThat(published.get("AccessKeyId").asText()).isEqualTo(keys.get(0).id());
    assertThat(out).doesNotContain(published.get("SecretAccessKey").asText());
    AuditAssertions.assertThat(audit).containsNoText(published.get("SecretAccessKey").asText());
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);
    assertThat(AccessKeys.using(ctx).list(KeyRotationExample.TWO_KEY_USER)).hasSize(2);
  }

  @Test
  void runningItTwiceRotatesAgain(OpsContext ctx) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new KeyRotationExample().run(ctx, quiet);
    String first = AccessKeys.using(ctx).list(KeyRotationExample.USER).get(0).id();
    new KeyRotationExample().run(ctx, quiet);
    assertThat(AccessKeys.using(ctx).list(KeyRotationExample.USER)).extracting(AccessKey::id).hasSize(1).doesNotContain(first);
  }
}
