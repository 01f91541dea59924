package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.Change;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

@OpsEmulatorTest
class OpsEmulatorExtensionIT {

  @Test
  void resolvesAContextBoundToTheEmulatorWithItsOwnSink(OpsContext ctx, InMemoryAuditSink audit, Emulator emulator, URI endpoint) {
    assertThat(endpoint).isEqualTo(emulator.endpoint());
    assertThat(ctx.endpointOverride()).contains(emulator.endpoint());
    assertThat(ctx.region()).isEqualTo(Region.US_EAST_1);
    assertThat(ctx.isDryRun()).isFalse();
    assertThat(ctx.auditSink()).isSameAs(audit);

    createSecret(ctx, "bound/secret");
    AuditAssertions.assertThat(audit).hasExactlyOneEvent("secretsmanager:CreateSecret");
  }

  @Test
  void resetForgetsWhatTheEmulatorHolds(OpsContext ctx, Emulator emulator) {
    createSecret(ctx, "reset/secret");
    assertThat(secretNames(ctx)).contains("reset/secret");

    emulator.reset();

    assertThat(secretNames(ctx)).isEmpty();
  }

  @Test
  void stateIsResetBeforeEachTestClass() {
    var results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
        .execute();

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0).aborted(0));
  }

  @Test
  void anEmulatorNamedByOpsAwsEndpointIsUsedAsIsAndNotStopped(Emulator emulator, OpsContext ctx) {
    Emulator.Launcher mustNotRun = env -> {
      throw new AssertionError("no emulator must be started when " + Emulator.ENDPOINT_ENV + " is set");
    };
    try (Emulator external = Emulator.start(Map.of(Emulator.ENDPOINT_ENV, emulator.endpoint().toString()), List.of(mustNotRun))) {
      assertThat(external.kind()).isEqualTo("external");
      assertThat(external.endpoint()).isEqualTo(emulator.endpoint());
      createSecret(ctx, "external/secret");
      external.reset();
      assertThat(secretNames(ctx)).isEmpty();
    }
    createSecret(ctx, "still/answering");
    assertThat(secretNames(ctx)).containsExactly("still/answering");
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class EachTestMethod {
    private static OpsContext previous;

    @Test
    @Order(1)
    void getsAContext(OpsContext ctx) {
      previous = ctx;
      assertThat(secretNames(ctx)).isNotNull();
    }

    @Test
    @Order(2)
    void getsAFreshOneWhileTheLastIsClosed(OpsContext ctx) {
      assertThat(ctx).isNotSameAs(previous);
      assertThatThrownBy(() -> previous.client(SecretsManagerClient.class, SecretsManagerClient::builder))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("the context is closed");
    }
  }

  /** Both fixture classes create the same secret: the second fails unless the state was reset in between. */
  @OpsEmulatorTest
  static class FirstClass {
    @Test
    void createsTheSharedSecret(OpsContext ctx) {
      assertThat(secretNames(ctx)).isEmpty();
      createSecret(ctx, "shared/secret");
    }
  }

  @OpsEmulatorTest
  static class SecondClass extends FirstClass {}

  private static void createSecret(OpsContext ctx, String name) {
    SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
    CreateSecretRequest request = CreateSecretRequest.builder().name(name).secretString("value-of-" + name).build();
    ctx.gate().submit(Change.of("secretsmanager:CreateSecret", name, request, secrets::createSecret).build());
  }

  private static List<String> secretNames(OpsContext ctx) {
    return ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder)
        .listSecrets().secretList().stream().map(SecretListEntry::name).toList();
  }
}
