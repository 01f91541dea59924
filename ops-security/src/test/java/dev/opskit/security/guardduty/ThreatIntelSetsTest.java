package dev.opskit.security.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.model.ThreatIntelSetStatus;

/** The guide's threat intel set as desired state, on GuardDuty's calls in memory (moto has none). */
class ThreatIntelSetsTest {
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).auditSink(audit).build();
  private final FakeGuardDuty fake = new FakeGuardDuty();

  @AfterEach
  void close() {
    ctx.close();
  }

  private GuardDuty guardDuty(OpsContext context) {
    return new GuardDutyImpl(context, fake);
  }

  @Test
  void theGuidesSetPassesTheDesiredStateContract() {
    ThreatIntelSetDefinition guide = ThreatIntelSetDefinition.guideExample();
    DesiredStateContract.of(guardDuty(ctx).threatIntelSets(), guardDuty(ctx.withDryRun(true)).threatIntelSets(), audit)
        .definitions(List.of(guide, ThreatIntelSetDefinition.of("partner-feed", ThreatIntelFormat.STIX,
            "https://threat-intel-bucket.s3.amazonaws.com/partner.xml", false)))
        .changed(List.of(ThreatIntelSetDefinition.of("custom-threat-intel", ThreatIntelFormat.TXT,
            "s3://threat-intel-bucket/indicators-v2.txt", true), ThreatIntelSetDefinition.of("partner-feed",
            ThreatIntelFormat.STIX, "https://threat-intel-bucket.s3.amazonaws.com/partner.xml", false)), "Location")
        .check();

    assertThat(fake.sets.values()).extracting(s -> s.name() + " " + s.statusAsString())
        .containsExactly("custom-threat-intel ACTIVE", "partner-feed INACTIVE");
  }

  @Test
  void activatingIsAnUpdateOfActivate() {
    guardDuty(ctx).threatIntelSets().apply(List.of(ThreatIntelSetDefinition.of("custom-threat-intel",
        ThreatIntelFormat.TXT, "s3://threat-intel-bucket/indicators.txt", false)));

    Plan plan = guardDuty(ctx).threatIntelSets().plan(List.of(ThreatIntelSetDefinition.guideExample()));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).containsExactly(new FieldDiff("Activate", "false (INACTIVE)", "true"));
      assertThat(c.calls()).extracting(call -> call.operation()).containsExactly("guardduty:UpdateThreatIntelSet");
    });
    guardDuty(ctx).threatIntelSets().apply(plan);
    assertThat(fake.sets.values()).singleElement().satisfies(s ->
        assertThat(s.status()).isEqualTo(ThreatIntelSetStatus.ACTIVE));
  }

  @Test
  void anotherFormatDeletesAndCreatesAgainBecauseAwsCannotUpdateIt() {
    guardDuty(ctx).threatIntelSets().apply(List.of(ThreatIntelSetDefinition.guideExample()));

    Plan plan = guardDuty(ctx).threatIntelSets().plan(List.of(ThreatIntelSetDefinition.of("custom-threat-intel",
        ThreatIntelFormat.OTX_CSV, "s3://threat-intel-bucket/indicators.txt", true)));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.diffs()).extracting(FieldDiff::field).containsExactly("Format");
      assertThat(c.calls()).extracting(call -> call.operation())
          .containsExactly("guardduty:DeleteThreatIntelSet", "guardduty:CreateThreatIntelSet");
    });
    guardDuty(ctx).threatIntelSets().apply(plan);
    assertThat(fake.sets.values()).singleElement().satisfies(s -> assertThat(s.formatAsString()).isEqualTo("OTX_CSV"));
  }

  @Test
  void aDryRunPlansTheGuidesCreateWithItsExactParameters() {
    var result = guardDuty(ctx.withDryRun(true)).threatIntelSets().apply(List.of(ThreatIntelSetDefinition.guideExample()));

    assertThat(result.isPlanned()).isTrue();
    assertThat(result.plan().changes()).singleElement().satisfies(c -> assertThat(c.calls()).singleElement()
        .satisfies(call -> assertThat(call.parameters()).containsEntry("Name", "custom-threat-intel")
            .containsEntry("Format", "TXT").containsEntry("Location", "s3://threat-intel-bucket/indicators.txt")
            .containsEntry("Activate", true).containsEntry("DetectorId", FakeGuardDuty.DETECTOR)));
    assertThat(fake.sets).isEmpty();
  }

  @Test
  void aNameDefinedTwiceIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> guardDuty(ctx).threatIntelSets().plan(List.of(ThreatIntelSetDefinition.guideExample(),
        ThreatIntelSetDefinition.guideExample())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: 'custom-threat-intel'. Allowed: each threat intel set name once");
  }
}
