package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;

@OpsEmulatorTest
class DryRunIT {

  @Test
  void dryRunPlansTheExactCallAndChangesNothing(OpsContext ctx, InMemoryAuditSink audit) {
    ChangeResult<CreateDbInstanceResponse> result;
    try (OpsContext dryRun = ctx.withDryRun(true)) {
      result = Rds.create(dryRun, Rds.postgres("reports-db", "Reports-Pa55word-1"));
    }

    assertThat(result).isInstanceOf(ChangeResult.Planned.class);
    assertThat(result.value()).isEmpty();
    PlannedCall call = ((ChangeResult.Planned<CreateDbInstanceResponse>) result).call();
    assertThat(call.operation()).isEqualTo("rds:CreateDBInstance");
    assertThat(call.target()).isEqualTo("reports-db");
    assertThat(call.parameters()).isEqualTo(Rds.auditedParameters("reports-db"));

    assertThat(Rds.instances(ctx, "reports-db")).isEmpty();
    assertThat(Rds.client(ctx).describeDBInstances().dbInstances()).isEmpty();

    AuditEvent event = AuditAssertions.assertThat(audit).hasEvents(1).allPlanned().hasExactlyOneEvent("rds:CreateDBInstance");
    assertThat(event.outcome()).isEqualTo(Outcome.PLANNED);
    assertThat(event.dryRun()).isTrue();
    assertThat(event.parameters()).isEqualTo(call.parameters());
  }
}
