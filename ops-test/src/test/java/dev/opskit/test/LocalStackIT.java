package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.Change;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;

/** The LocalStack path of {@link Emulator}; skipped where Docker does not run. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
  private static Emulator localStack;

  @BeforeAll
  static void start() {
    localStack = LocalStackLauncher.start(System.getenv());
  }

  @AfterAll
  static void stop() {
    if (localStack != null) {
      localStack.close();
    }
  }

  @Test
  void createsAndReadsASecretThroughAnOpsContext() {
    assertThat(localStack.kind()).isEqualTo("localstack");
    try (OpsContext ctx = localStack.contextBuilder().build()) {
      SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
      CreateSecretRequest request = CreateSecretRequest.builder().name("tour/api-key").secretString("k-123456").build();
      ctx.gate().submit(Change.of("secretsmanager:CreateSecret", "tour/api-key", request, secrets::createSecret).build());

      assertThat(secrets.getSecretValue(r -> r.secretId("tour/api-key")).secretString()).isEqualTo("k-123456");
    }
  }
}
