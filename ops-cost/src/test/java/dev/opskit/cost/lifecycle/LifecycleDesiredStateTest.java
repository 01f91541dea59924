package dev.opskit.cost.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Acceptance item 5: Intelligent-Tiering and DLM definitions apply, read back equal, and plan empty the second time. */
class LifecycleDesiredStateTest {
  private static final BucketName BUCKET = BucketName.of("guide-data");
  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/dlm-lifecycle-role");

  private LifecycleStub stub;
  private InMemoryAuditSink audit;
  private OpsContext ctx;
  private OpsContext dry;

  @BeforeEach
  void start() {
    stub = LifecycleStub.start();
    audit = new InMemoryAuditSink();
    ctx = stub.context(false, audit);
    dry = stub.context(true, audit);
  }

  @AfterEach
  void stop() {
    ctx.close();
    dry.close();
    stub.close();
  }

  @Nested
  class IntelligentTieringConfigurations {

    @Test
    void theGuidesConfigurationAppliesReadsBackEqualAndPlansEmptyAgain() {
      IntelligentTieringDefinition guide = IntelligentTieringDefinition.guide(BUCKET);
      IntelligentTiering tiering = IntelligentTiering.using(ctx);

      Plan first = tiering.plan(guide);
      assertThat(first.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ResourceChange.Kind.CREATE);
        assertThat(c.calls()).extracting(PlannedCall::operation).containsExactly("s3:PutBucketIntelligentTieringConfiguration");
      });
      tiering.apply(first);

      assertThat(tiering.live(BUCKET)).containsExactly(guide);
      assertThat(tiering.plan(guide).isEmpty()).isTrue();
      assertThat(stub.requests()).filteredOn(r -> r.startsWith("PUT")).singleElement().satisfies(r -> assertThat(r)
          .startsWith("PUT /guide-data?intelligent-tiering&id=entire-bucket ")
          .contains("<Id>entire-bucket</Id>").contains("<Status>Enabled</Status>")
          .contains("<Tiering><Days>180</Days><AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering>")
          .doesNotContain("<Filter>"));
    }

    @Test
    void passesTheDesiredStateContract() {
      IntelligentTieringDefinition logs = IntelligentTieringDefinition.guide(BUCKET).withId("logs").withPrefix("logs/")
          .withTags(Map.of("class", "log")).withTiering(AccessTier.ARCHIVE_ACCESS, 90);
      DesiredStateContract.of(IntelligentTiering.using(ctx), IntelligentTiering.using(dry), audit)
          .definitions(List.of(IntelligentTieringDefinition.guide(BUCKET), logs))
          .changed(List.of(IntelligentTieringDefinition.guide(BUCKET), logs.withTiering(AccessTier.DEEP_ARCHIVE_ACCESS, 365)),
              "Tierings.DEEP_ARCHIVE_ACCESS.Days")
          .check();
      assertThat(IntelligentTiering.using(ctx).live(BUCKET)).contains(logs);
    }

    @Test
    void readsEveryPageAndLeavesOtherConfigurationsAlone() {
      stub.pageSize(2);
      for (int i = 0; i < 5; i++) {
        stub.putTiering("guide-data", "other-" + i, "<IntelligentTieringConfiguration><Id>other-" + i + "</Id>"
            + "<Status>Disabled</Status><Tiering><Days>90</Days><AccessTier>ARCHIVE_ACCESS</AccessTier></Tiering>"
            + "</IntelligentTieringConfiguration>");
      }
      assertThat(IntelligentTiering.using(ctx).live(BUCKET)).hasSize(5);
      assertThat(stub.requests()).filteredOn(r -> r.startsWith("GET")).hasSize(3);

      Plan plan = IntelligentTiering.using(ctx).plan(IntelligentTieringDefinition.guide(BUCKET));
      assertThat(plan.changes()).extracting(ResourceChange::resource).containsExactly("guide-data/entire-bucket");
    }

    @Test
    void aPlanPastAThousandConfigurationsIsRefusedBeforeAnyChange() {
      for (int i = 0; i < IntelligentTieringDefinition.MAX_PER_BUCKET; i++) {
        stub.putTiering("guide-data", "c" + i, "<IntelligentTieringConfiguration><Id>c" + i + "</Id><Status>Enabled</Status>"
            + "<Tiering><Days>180</Days><AccessTier>DEEP_ARCHIVE_ACCESS</AccessTier></Tiering></IntelligentTieringConfiguration>");
      }
      assertThatThrownBy(() -> IntelligentTiering.using(ctx).plan(IntelligentTieringDefinition.guide(BUCKET)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid definitions: 'guide-data: 1000 live + 1 new'. Allowed: at most 1000 intelligent-tiering"
              + " configurations per bucket");
      assertThat(stub.requests()).noneMatch(r -> r.startsWith("PUT"));
      // Changing one that exists is fine at the limit.
      assertThat(IntelligentTiering.using(ctx).plan(IntelligentTieringDefinition.guide(BUCKET).withId("c7")).changes())
          .singleElement().extracting(ResourceChange::kind).isEqualTo(ResourceChange.Kind.UNCHANGED);
    }
  }

  @Nested
  class SnapshotLifecyclePolicies {

    @Test
    void theGuidesPolicyAppliesReadsBackEqualAndPlansEmptyAgain() {
      SnapshotLifecyclePolicy guide = SnapshotLifecyclePolicy.guide(ROLE);
      SnapshotLifecycle dlm = SnapshotLifecycle.using(ctx);

      Plan first = dlm.plan(guide);
      assertThat(first.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ResourceChange.Kind.CREATE);
        assertThat(c.calls()).extracting(PlannedCall::operation).containsExactly("dlm:CreateLifecyclePolicy");
      });
      dlm.apply(first);

      assertThat(dlm.read("ebs-snapshots")).contains(guide);
      assertThat(dlm.plan(guide).isEmpty()).isTrue();
      String create = stub.requests().stream().filter(r -> r.startsWith("POST /policies")).findFirst().orElseThrow();
      assertThat(Json.parseTrusted(create.substring(create.indexOf(' ', 5) + 1)))
          .isEqualTo(Json.parseTrusted(guide.toJson()));
    }

    @Test
    void passesTheDesiredStateContractWithUpdateLifecyclePolicy() {
      SnapshotLifecyclePolicy guide = SnapshotLifecyclePolicy.guide(ROLE);
      DesiredStateContract.of(SnapshotLifecycle.using(ctx), SnapshotLifecycle.using(dry), audit)
          .definitions(List.of(guide))
          .changed(List.of(guide.withSchedules(List.of(SnapshotSchedule.guideDaily().withRetainCount(14)))),
              "PolicyDetails.Schedules[0].RetainRule.Count")
          .check();
      SnapshotLifecycle.using(ctx).apply(List.of(guide.withEnabled(false)));
      assertThat(SnapshotLifecycle.using(ctx).read("ebs-snapshots")).contains(guide.withEnabled(false));
      assertThat(stub.requests()).filteredOn(r -> r.startsWith("PATCH /policies/")).hasSize(1);
    }

    @Test
    void aLostCreateAnswerLeavesExactlyOnePolicy() {
      try (FaultInjectingProxy proxy = FaultInjectingProxy.start(stub.endpoint());
          OpsContext through = OpsContext.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                  software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("testing", "testing")))
              .endpointOverride(proxy.endpoint()).auditSink(audit).build()) {
        proxy.dropResponses(1, r -> r.method().equals("POST") && r.path().startsWith("/policies"));

        SnapshotLifecycle.using(through).apply(List.of(SnapshotLifecyclePolicy.guide(ROLE)));

        assertThat(proxy.droppedResponses()).isEqualTo(1);
        assertThat(stub.requests()).filteredOn(r -> r.startsWith("POST /policies")).hasSize(2);
        assertThat(stub.policyCount()).isEqualTo(1);
        assertThat(SnapshotLifecycle.using(ctx).read("ebs-snapshots")).contains(SnapshotLifecyclePolicy.guide(ROLE));
      }
    }

    @Test
    void twoPoliciesWithTheSameNameAreRefusedNotGuessed() {
      String json = SnapshotLifecyclePolicy.guide(ROLE).toJson();
      String a = stub.putPolicy(json);
      String b = stub.putPolicy(json);

      assertThatThrownBy(() -> SnapshotLifecycle.using(ctx).plan(SnapshotLifecyclePolicy.guide(ROLE)))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("several lifecycle policies carry opskit:name=ebs-snapshots (" + a + ", " + b + ")");
    }

    @Test
    void aLivePolicyOutsideWhatOpsKitModelsIsPlannedAsAnUpdate() {
      String id = stub.putPolicy(SnapshotLifecyclePolicy.guide(ROLE).toJson());
      stub.edit(id, "PolicyDetails", Json.parseTrusted("{\"PolicyType\":\"EBS_SNAPSHOT_MANAGEMENT\",\"ResourceTypes\":"
          + "[\"VOLUME\"],\"TargetTags\":[{\"Key\":\"Backup\",\"Value\":\"true\"}],\"Schedules\":[{\"Name\":\"cron\","
          + "\"CreateRule\":{\"CronExpression\":\"cron(0 1 * * ? *)\"},\"RetainRule\":{\"Count\":3}}]}"));

      Plan plan = SnapshotLifecycle.using(ctx).plan(SnapshotLifecyclePolicy.guide(ROLE));

      assertThat(plan.changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
        assertThat(c.diffs()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("PolicyDetails"));
      });
    }
  }
}
