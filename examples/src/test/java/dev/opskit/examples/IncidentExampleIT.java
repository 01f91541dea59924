package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The incident runbooks section does what it prints, against the emulator. */
@OpsEmulatorTest
class IncidentExampleIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void plansRunsExportsAndRegisters(OpsContext ctx, InMemoryAuditSink audit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new IncidentExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("Dry run (Planned)")
        .contains("would call ssm:PutParameter {Name=/tour/maintenance-mode, Value=*** redacted ***")
        .contains("would call sns:Publish {TopicArn={{ statusPage.TopicArn }}")
        .contains("tour-maintenance-mode: Success")
        .contains("on failure step:switchOff")
        .contains("it loads back as the same runbook: true")
        .contains("Registered as SSM document tour-maintenance-mode, default version 1");
    SsmClient ssm = ctx.client(SsmClient.class, SsmClient::builder);
    assertThat(ssm.getParameter(b -> b.name(IncidentExample.PARAMETER)).parameter().value()).isEqualTo("on");
    assertThat(audit.events(e -> e.operation().equals("ssm:PutParameter"))).extracting(AuditEvent::outcome)
        .extracting(Enum::name).containsExactly("PLANNED", "PLANNED", "SUCCEEDED");
    assertThat(audit.events(e -> e.operation().equals("sns:Publish"))).extracting(AuditEvent::outcome)
        .extracting(Enum::name).containsExactly("PLANNED", "SUCCEEDED");
  }
}
