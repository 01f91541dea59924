package dev.opskit.cost.waste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.cost.eks.CapacityType;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.ScalingConfig;
import dev.opskit.cost.lifecycle.SnapshotLifecyclePolicy;
import dev.opskit.cost.lifecycle.SnapshotSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bad input is a ValidationException naming the parameter, the value and what is allowed, before any AWS call. */
class InputValidationTest {
  private static final Arn ROLE = Arn.parse("arn:aws:iam::123456789012:role/dlm");

  private static void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Nested
  class WasteThresholds {
    @Test
    void snapshotAgeCpuThresholdAndWindowAreBounded() {
      WasteCriteria d = WasteCriteria.defaults();
      assertInvalid(() -> d.snapshotsOlderThan(Duration.ofHours(1)), "Invalid snapshotAge: 'PT1H'. Allowed: 1 to 3650 days");
      assertInvalid(() -> d.idleCpuUnder(BigDecimal.ZERO), "Invalid idleCpuPercent: '0'. Allowed: a percentage more than"
          + " 0 and at most 100");
      assertInvalid(() -> d.idleCpuUnder(new BigDecimal("100.5")), "Invalid idleCpuPercent: '100.5'. Allowed: a percentage"
          + " more than 0 and at most 100");
      assertInvalid(() -> d.cpuOver(Duration.ofHours(36)), "Invalid cpuWindow: 'PT36H'. Allowed: whole days, 1 to 63");
      assertInvalid(() -> d.only(EnumSet.noneOf(WasteKind.class)), "Invalid kinds: '[]'. Allowed: at least one WasteKind");
    }

    @Test
    void defaultsAreThrifty() {
      WasteCriteria d = WasteCriteria.defaults();
      assertThat(d.kinds()).containsExactlyInAnyOrder(WasteKind.values());
      assertThat(d.snapshotAge()).isEqualTo(Duration.ofDays(90));
      assertThat(d.idleCpuPercent()).isEqualByComparingTo("20");
      assertThat(d.cpuWindow()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void cleanupGraceIsWholeDays() {
      assertInvalid(() -> CleanupPolicy.defaults().grace(Duration.ofHours(30)),
          "Invalid grace: 'PT30H'. Allowed: 1 to 365 whole days");
      assertInvalid(() -> CleanupPolicy.defaults().grace(Duration.ZERO), "Invalid grace: 'PT0S'. Allowed: 1 to 365 whole days");
    }

    @Test
    void findAndCleanupRefuseMissingArgumentsWithoutCallingAws() {
      OpsContext ctx = mock(OpsContext.class);
      Waste waste = Waste.using(ctx, Prices.none());
      assertInvalid(() -> waste.find(null), "Invalid criteria: null. Allowed: WasteCriteria, such as WasteCriteria.defaults()");
      assertInvalid(() -> waste.cleanup(null), "Invalid policy: null. Allowed: a CleanupPolicy, such as CleanupPolicy.defaults()");
      assertInvalid(() -> waste.cleanup(CleanupPolicy.defaults()).planMark(null),
          "Invalid findings: null. Allowed: findings of Waste.find()");
      verifyNoInteractions(ctx);
    }

    @Test
    void pricesAreDecimalNumbers() {
      assertInvalid(() -> PriceTable.builder().price(PriceKey.elasticIp(), "1e3"),
          "Invalid usdPerUnit: '1e3'. Allowed: a decimal number such as 0.10");
      assertInvalid(() -> PriceTable.builder().price(PriceKey.elasticIp(), new BigDecimal("-0.01")).build(),
          "Invalid prices.ELASTIC_IP/idle: '-0.01'. Allowed: USD per unit, zero or more");
      assertInvalid(() -> PriceKey.instance("M5 Large"), "Invalid variant: 'M5 Large'. Allowed: 1 to 64 lower-case letters,"
          + " digits, dots and dashes, such as gp2, m5.large or application");
    }

    @Test
    void amountsAreExact() {
      Price price = new Price(new BigDecimal("0.0104"), PriceUnit.HOUR, PriceSource.PRICE_TABLE);
      CostEstimate estimate = CostEstimate.of(price, BigDecimal.ONE, "t3.micro");
      assertThat(estimate.monthlyUsd()).isEqualTo(new BigDecimal("7.5920"));
      assertThat(estimate.basis()).isEqualTo("1 t3.micro × 730 hours × USD 0.0104 per HOUR");
    }
  }

  @Nested
  class NodeGroupDefinitions {
    @Test
    void scalingIsOrdered() {
      assertInvalid(() -> new ScalingConfig(1, 11, 10), "Invalid scalingConfig.desiredSize: '11'. Allowed: from minSize (1)"
          + " to maxSize (10)");
      assertInvalid(() -> new ScalingConfig(5, 5, 4), "Invalid scalingConfig.minSize: '5'. Allowed: at most maxSize (4)");
      assertInvalid(() -> new ScalingConfig(0, 0, 0), "Invalid scalingConfig.maxSize: '0'. Allowed: 1 or more");
    }

    @Test
    void capacityAndInstanceTypesAreChecked() {
      NodeGroupDefinition g = NodeGroupDefinition.guideSpotNodes("prod");
      assertInvalid(() -> new NodeGroupDefinition("prod", "spot-nodes", CapacityType.of("CHEAP"), g.instanceTypes(),
          g.scaling()), "Invalid capacityType: 'CHEAP'. Allowed: ON_DEMAND, SPOT or CAPACITY_BLOCK");
      assertInvalid(() -> new NodeGroupDefinition("prod", "spot-nodes", CapacityType.SPOT, List.of("m5.large", "m5.large"),
          g.scaling()), "Invalid instanceTypes: '[m5.large, m5.large]'. Allowed: each instance type once");
      assertInvalid(() -> new NodeGroupDefinition("-prod", "spot-nodes", CapacityType.SPOT, g.instanceTypes(), g.scaling()),
          "Invalid cluster: '-prod'. Allowed: 1 to 100 letters, digits, dashes and underscores, starting with a letter or"
              + " digit");
    }
  }

  @Nested
  class SnapshotLifecyclePolicies {
    @Test
    void scheduleRulesAreDlms() {
      assertInvalid(() -> new SnapshotSchedule("daily", 5, List.of(), 7, true),
          "Invalid schedule.intervalHours: '5'. Allowed: 1, 2, 3, 4, 6, 8, 12 or 24 hours");
      assertInvalid(() -> SnapshotSchedule.guideDaily().withRetainCount(1001),
          "Invalid schedule.retainCount: '1001'. Allowed: 1 to 1000 snapshots");
      assertInvalid(() -> new SnapshotSchedule("daily", 24, List.of(LocalTime.of(1, 0), LocalTime.of(2, 0)), 7, true),
          "Invalid schedule.times: '[01:00, 02:00]'. Allowed: at most one time of day (UTC), such as 23:45");
    }

    @Test
    void thePolicyNeedsARoleTagsAndOneToFourSchedules() {
      SnapshotLifecyclePolicy g = SnapshotLifecyclePolicy.guide(ROLE);
      assertInvalid(() -> SnapshotLifecyclePolicy.guide(Arn.parse("arn:aws:s3:::bucket")),
          "Invalid executionRole: 'arn:aws:s3:::bucket'. Allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>");
      assertInvalid(() -> g.withTargetTags(Map.of()), "Invalid targetTags: '{}'. Allowed: 1 to 50 tags that select the"
          + " resources");
      assertInvalid(() -> g.withSchedules(List.of()), "Invalid schedules: '0 schedules'. Allowed: 1 to 4 schedules");
      assertInvalid(() -> g.withSchedules(List.of(SnapshotSchedule.guideDaily(), SnapshotSchedule.guideDaily())),
          "Invalid schedules: '[daily-snapshots, daily-snapshots]'. Allowed: schedules with different names");
    }

    @Test
    void intelligentTieringIdsAreChecked() {
      assertInvalid(() -> dev.opskit.cost.lifecycle.IntelligentTieringDefinition.guide(BucketName.of("main")).withId("a b"),
          "Invalid id: 'a b'. Allowed: 1 to 64 letters, digits, dots, dashes and underscores, such as entire-bucket");
    }
  }
}
