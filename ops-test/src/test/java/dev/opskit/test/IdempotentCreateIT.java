package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * A create whose response is lost on the way back: the SDK sends it again, and the result must be one
 * resource, not two, and not a failure. The lost response is made by a {@link FaultInjectingProxy}
 * between the SDK and the emulator.
 */
@OpsEmulatorTest
class IdempotentCreateIT {
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private FaultInjectingProxy proxy;
  private OpsContext ctx;

  @BeforeEach
  void putAProxyInFrontOfTheEmulator(Emulator emulator) {
    proxy = FaultInjectingProxy.start(emulator.endpoint());
    ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit).build();
  }

  @AfterEach
  void close() {
    ctx.close();
    proxy.close();
  }

  @Test
  void snapshotRetriedAfterALostResponseIsTheOneItAskedFor() {
    Rds.create(ctx, Rds.postgres("ledger-db", "Ledger-Pa55word-1"));
    proxy.dropResponses(1, request -> request.mentions("Action=CreateDBSnapshot"));

    ChangeResult<CreateDbSnapshotResponse> result = ctx.gate().submit(snapshot("ledger-db", "ledger-before-upgrade"));

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(proxy.requests()).filteredOn(r -> r.mentions("Action=CreateDBSnapshot")).hasSize(2);
    assertThat(result).isInstanceOfSatisfying(ChangeResult.Applied.class, applied -> {
      assertThat(applied.alreadyExisted()).isTrue();
      assertThat(((CreateDbSnapshotResponse) applied.answer()).dbSnapshot().dbInstanceIdentifier()).isEqualTo("ledger-db");
    });
    assertThat(rds().describeDBSnapshots(r -> r.dbInstanceIdentifier("ledger-db")).dbSnapshots())
        .filteredOn(s -> "manual".equals(s.snapshotType()))
        .extracting(DBSnapshot::dbSnapshotIdentifier)
        .containsExactly("ledger-before-upgrade");
    AuditEvent event = AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:CreateDBSnapshot");
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.detail()).startsWith("already existed");
  }

  /** Secrets Manager needs no help from the gate: the SDK sends the same ClientRequestToken again. */
  @Test
  void secretRetriedAfterALostResponseIsCreatedOnce() {
    SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
    proxy.dropResponses(1, request -> request.mentions("secretsmanager.CreateSecret"));
    CreateSecretRequest request = CreateSecretRequest.builder().name("ledger/api-key").secretString("k-123456").build();

    ChangeResult<CreateSecretResponse> result =
        ctx.gate().submit(Change.of("secretsmanager:CreateSecret", "ledger/api-key", request, secrets::createSecret).build());

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(result).isInstanceOfSatisfying(ChangeResult.Applied.class, applied -> assertThat(applied.alreadyExisted()).isFalse());
    assertThat(secrets.listSecrets().secretList()).extracting(SecretListEntry::name).containsExactly("ledger/api-key");
  }

  private RdsClient rds() {
    return Rds.client(ctx);
  }

  /** A snapshot create that is satisfied by an existing snapshot of that name only if it is of the same instance. */
  private Change<CreateDbSnapshotResponse> snapshot(String instanceId, String snapshotId) {
    CreateDbSnapshotRequest request =
        CreateDbSnapshotRequest.builder().dbInstanceIdentifier(instanceId).dbSnapshotIdentifier(snapshotId).build();
    return Change.of("rds:CreateDBSnapshot", snapshotId, request, rds()::createDBSnapshot)
        .ifAlreadyExists(attempts -> existingSnapshot(instanceId, snapshotId)
            .filter(s -> s.snapshotCreateTime() == null || attempts.covers(s.snapshotCreateTime()))
            .map(s -> CreateDbSnapshotResponse.builder().dbSnapshot(s).build()))
        .build();
  }

  private Optional<DBSnapshot> existingSnapshot(String instanceId, String snapshotId) {
    try {
      return rds().describeDBSnapshots(r -> r.dbSnapshotIdentifier(snapshotId)).dbSnapshots().stream()
          .filter(s -> instanceId.equals(s.dbInstanceIdentifier()))
          .findFirst();
    } catch (DbSnapshotNotFoundException e) {
      return Optional.empty();
    }
  }
}
