package dev.opskit.test.faults;

import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.change.Change;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;

/**
 * The suite's own rules, shown on Secrets Manager's CreateSecret (idempotent through its client request
 * token): an honest operation passes under every fault, and each way of breaking a rule is caught.
 */
@OpsEmulatorTest
class FaultSuiteIT {
  private static final String SECRET = "fi/api-key";

  private static SecretsManagerClient secrets(OpsContext ctx) {
    return ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
  }

  private static void create(OpsContext ctx, String name) {
    CreateSecretRequest request = CreateSecretRequest.builder().name(name).secretString("k-123456").build();
    ctx.gate().submit(Change.of("secretsmanager:CreateSecret", name, request, secrets(ctx)::createSecret).build());
  }

  private static MutatingOperation.Builder createSecret(Consumer<OpsContext> call) {
    return MutatingOperation.named("secretsmanager create")
        .changes(amzTarget("secretsmanager.CreateSecret"))
        .call(call)
        .creates("a secret", direct -> secrets(direct).listSecrets().secretList().size());
  }

  @ParameterizedTest
  @EnumSource(FaultKind.class)
  void anHonestOperationPassesUnderEveryFault(FaultKind fault, Emulator emulator) {
    MutatingOperation honest = createSecret(ctx -> create(ctx, SECRET)).build();

    assertThatCode(() -> FaultSuite.check(emulator, honest, fault)).doesNotThrowAnyException();
  }

  @Test
  void aCallThatSwallowsItsFailureIsCaught(Emulator emulator) {
    MutatingOperation swallows = createSecret(ctx -> {
      try {
        create(ctx, SECRET);
      } catch (OpsException e) {
        // pretends it worked
      }
    }).build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, swallows, FaultKind.THROTTLED_PAST_BUDGET))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("secretsmanager create under throttled past the budget: returned")
        .hasMessageContaining("on return, the emulator shows the change exactly once")
        .hasMessageContaining("creates a secret: 0 before, 0 after");
  }

  @Test
  void anUntypedFailureIsCaught(Emulator emulator) {
    MutatingOperation untyped = createSecret(ctx -> {
      try {
        create(ctx, SECRET);
      } catch (OpsException e) {
        throw new IllegalStateException("wrapped", e);
      }
    }).build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, untyped, FaultKind.SERVER_ERROR_PAST_BUDGET))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw IllegalStateException: wrapped")
        .hasMessageContaining("a failure is a typed OpsKit exception");
  }

  @Test
  void aSucceededEventForACallThatThrewIsCaught(Emulator emulator) {
    MutatingOperation failsAfterItsChange = createSecret(ctx -> {
      create(ctx, SECRET);
      throw new ResourceStateException("a step after the change failed", "secretsmanager:CreateSecret", SECRET, null);
    }).build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, failsAfterItsChange, FaultKind.SLOW_RESPONSE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("audit: [secretsmanager:CreateSecret fi/api-key SUCCEEDED]")
        .hasMessageContaining("no SUCCEEDED event for a call that threw");
  }

  @Test
  void aDuplicateIsCaught(Emulator emulator) {
    MutatingOperation twice = createSecret(ctx -> {
      create(ctx, SECRET);
      create(ctx, SECRET + "-again");
    }).build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, twice, FaultKind.LOST_RESPONSE_ONCE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("creates a secret: 0 before, 2 after")
        .hasMessageContaining("on return, the emulator shows the change exactly once");
  }

  @Test
  void aRowWhoseFaultNeverFiresIsCaught(Emulator emulator) {
    MutatingOperation wrongRequests = MutatingOperation.named("secretsmanager create, wrong requests")
        .changes(amzTarget("secretsmanager.DeleteSecret"))
        .call(ctx -> create(ctx, SECRET))
        .creates("a secret", direct -> secrets(direct).listSecrets().secretList().size())
        .build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, wrongRequests, FaultKind.THROTTLED_ONCE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the fault was injected (else the row tests nothing)");
  }

  @Test
  void aRowThatStartsFromTheWrongStateIsCaught(Emulator emulator) {
    MutatingOperation deletesNothing = MutatingOperation.named("secretsmanager delete")
        .changes(amzTarget("secretsmanager.DeleteSecret"))
        .call(ctx -> { })
        .deletes("a secret", direct -> secrets(direct).listSecrets().secretList().size())
        .build();

    assertThatThrownBy(() -> FaultSuite.check(emulator, deletesNothing, FaultKind.THROTTLED_ONCE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("secretsmanager delete: before the call (0 found), the emulator is ready for it: deletes a secret")
        .hasMessageContaining("nothing to delete");
  }

  @Test
  void theMatrixListsEachRowWithItsKindsInOrder() {
    MutatingOperation all = createSecret(ctx -> { }).build();
    MutatingOperation some = createSecret(ctx -> { }).under(FaultKind.SLOW_RESPONSE, FaultKind.LOST_RESPONSE_ONCE).build();

    assertThat(FaultSuite.matrix(List.of(all, some)))
        .extracting(row -> row[1])
        .hasSize(FaultKind.values().length + 2)
        .endsWith(FaultKind.LOST_RESPONSE_ONCE, FaultKind.SLOW_RESPONSE);
    assertThatThrownBy(() -> MutatingOperation.named("incomplete").call(ctx -> { }).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("changes: the requests that make the change");
  }
}
