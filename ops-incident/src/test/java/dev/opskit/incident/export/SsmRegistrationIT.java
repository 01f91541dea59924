package dev.opskit.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DocumentDescription;
import software.amazon.awssdk.services.ssm.model.DocumentFormat;

/** Registering an exported document against moto: create, unchanged, new version made the default, dry run. */
@OpsEmulatorTest
class SsmRegistrationIT {

  @BeforeEach
  void reset(Emulator emulator) {
    emulator.reset();
  }

  private static Runbook pause(String description) {
    return Runbook.builder("opskit-pause").description(description)
        .step("pause", StepAction.sleep(Duration.ofSeconds(5))).build();
  }

  private static DocumentDescription describe(OpsContext ctx) {
    return ctx.client(SsmClient.class, SsmClient::builder)
        .describeDocument(b -> b.name("opskit-pause")).document();
  }

  @Test
  void createsThenLeavesAloneThenAddsAVersionAndMakesItTheDefault(OpsContext ctx, InMemoryAuditSink audit) {
    SsmAutomation ssm = SsmAutomation.using(ctx);

    SsmAutomation.Registration created = ssm.register(pause("first").toSsmDocument());
    assertThat(created.created()).isTrue();
    assertThat(created.defaultVersion()).isEqualTo("1");
    assertThat(describe(ctx).documentTypeAsString()).isEqualTo("Automation");
    assertThat(describe(ctx).documentFormat()).isEqualTo(DocumentFormat.YAML);

    SsmAutomation.Registration again = ssm.register(pause("first").toSsmDocument());
    assertThat(again.unchanged()).isTrue();
    assertThat(again.defaultVersion()).isEqualTo("1");

    SsmAutomation.Registration updated = ssm.register(pause("second").toSsmDocument());
    assertThat(updated.created()).isFalse();
    assertThat(updated.defaultVersion()).isEqualTo("2");
    assertThat(describe(ctx).defaultVersion()).isEqualTo("2");
    String content = ctx.client(SsmClient.class, SsmClient::builder)
        .getDocument(b -> b.name("opskit-pause")).content();
    assertThat(Runbook.fromSsmDocument("opskit-pause", content)).isEqualTo(pause("second"));
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly(
        "ssm:CreateDocument", "ssm:UpdateDocument", "ssm:UpdateDocumentDefaultVersion");
  }

  @Test
  void aDryRunPlansTheCreateAndMakesNothing(OpsContext ctx, InMemoryAuditSink audit) {
    SsmAutomation.Registration planned = SsmAutomation.using(ctx.withDryRun(true)).register(pause("x").toSsmDocument());

    assertThat(planned.changes()).singleElement().satisfies(c -> {
      assertThat(c.isPlanned()).isTrue();
      assertThat(c.call().operation()).isEqualTo("ssm:CreateDocument");
      assertThat(c.call().parameters()).containsEntry("Name", "opskit-pause").containsEntry("DocumentType", "Automation");
    });
    assertThat(planned.changes()).allMatch(ChangeResult::isPlanned);
    assertThat(ctx.client(SsmClient.class, SsmClient::builder).listDocuments().documentIdentifiers())
        .noneMatch(d -> d.name().equals("opskit-pause"));
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.dryRun()).isTrue());
  }
}
