package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;

@OpsEmulatorTest
class OpsContextIT {

  @Test
  void createThroughTheGateReachesTheEmulatorAndIsAuditedOnce(OpsContext ctx, InMemoryAuditSink audit) {
    ChangeResult<CreateDbInstanceResponse> result = Rds.create(ctx, Rds.postgres("orders-db", "Orders-Pa55word-1"));

    assertThat(result).isInstanceOf(ChangeResult.Applied.class);
    ChangeResult.Applied<CreateDbInstanceResponse> applied = (ChangeResult.Applied<CreateDbInstanceResponse>) result;
    assertThat(applied.alreadyExisted()).isFalse();
    assertThat(applied.requestId()).isNotBlank();
    assertThat(applied.answer().dbInstance().dbInstanceIdentifier()).isEqualTo("orders-db");

    assertThat(Rds.instances(ctx, "orders-db"))
        .singleElement()
        .satisfies(db -> {
          assertThat(db.engine()).isEqualTo("postgres");
          assertThat(db.dbInstanceClass()).isEqualTo("db.t3.micro");
          assertThat(db.allocatedStorage()).isEqualTo(20);
          assertThat(db.masterUsername()).isEqualTo(Rds.MASTER_USERNAME);
        })
        .extracting(DBInstance::dbInstanceIdentifier)
        .isEqualTo("orders-db");

    AuditEvent event = AuditAssertions.assertThat(audit).hasEvents(1).hasExactlyOneEvent("rds:CreateDBInstance");
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.target()).isEqualTo("orders-db");
    assertThat(event.requestId()).isEqualTo(applied.requestId());
    assertThat(event.dryRun()).isFalse();
    assertThat(event.parameters()).isEqualTo(Rds.auditedParameters("orders-db"));
  }
}
