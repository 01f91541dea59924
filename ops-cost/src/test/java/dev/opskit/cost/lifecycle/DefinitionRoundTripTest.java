package dev.opskit.cost.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.cost.eks.CapacityType;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.ScalingConfig;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests: every definition of the waste, lifecycle and node group parts round-trips through its JSON form. */
class DefinitionRoundTripTest {
  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

  private static Gen<String> word(String alphabet, int min, int max) {
    return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(min, max)
        .map(l -> l.stream().map(i -> String.valueOf(alphabet.charAt(i))).reduce("", String::concat));
  }

  private static Gen<Map<String, String>> tags(int min, int max) {
    return lists().of(word("abcdefghijklmnop", 1, 8).zip(word("xyz0123 ", 0, 10), List::of)).ofSizeBetween(min, max)
        .map(pairs -> {
          Map<String, String> m = new LinkedHashMap<>();
          pairs.forEach(p -> m.put(p.get(0), p.get(1)));
          return m;
        });
  }

  static Gen<IntelligentTieringDefinition> tierings() {
    Gen<Integer> archive = integers().between(89, 730);
    Gen<Integer> deep = integers().between(179, 730);
    Gen<Map<AccessTier, Integer>> days = archive.zip(deep, (a, d) -> {
      Map<AccessTier, Integer> m = new EnumMap<>(AccessTier.class);
      if (a >= 90) {
        m.put(AccessTier.ARCHIVE_ACCESS, a);
      }
      if (d >= 180 || m.isEmpty()) {
        m.put(AccessTier.DEEP_ARCHIVE_ACCESS, Math.max(180, d));
      }
      return m;
    });
    Gen<String> prefixes = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 30);
    return word("abcdefghijklmnopqrstuvwxyz0123456789", 3, 20)
        .zip(word(NAME_CHARS + ".", 1, 64), booleans().all(), prefixes, (b, id, on, p) ->
            new IntelligentTieringDefinition(BucketName.of(b), id, on, p.isEmpty() ? null : p, Map.of(), Map.of(
                AccessTier.DEEP_ARCHIVE_ACCESS, 180)))
        .zip(tags(0, 5), days, (d, t, m) -> d.withTags(t).withTierings(m));
  }

  static Gen<SnapshotLifecyclePolicy> policies() {
    List<Integer> intervals = List.copyOf(new java.util.TreeSet<>(SnapshotSchedule.INTERVALS));
    Gen<SnapshotSchedule> schedules = word(NAME_CHARS + " ", 1, 40).assuming(s -> !s.isBlank())
        .zip(integers().between(0, intervals.size() - 1), integers().between(-1, 1439), integers().between(1, 1000),
            (n, i, t, c) -> new SnapshotSchedule(n, intervals.get(i), t < 0 ? List.of() : List.of(LocalTime.of(t / 60, t % 60)),
                c, t % 2 == 0));
    Gen<List<SnapshotSchedule>> distinct = lists().of(schedules).ofSizeBetween(1, 4).map(l -> {
      List<SnapshotSchedule> out = new ArrayList<>();
      l.forEach(s -> {
        if (out.stream().noneMatch(o -> o.name().equals(s.name()))) {
          out.add(s);
        }
      });
      return out;
    });
    return word(NAME_CHARS, 1, 40).zip(word(NAME_CHARS + " ", 1, 60).assuming(s -> !s.isBlank()), booleans().all(),
        booleans().all(), (name, description, on, volume) -> new SnapshotLifecyclePolicy(name, description,
            Arn.parse("arn:aws:iam::123456789012:role/dlm-" + name), on,
            List.of(volume ? SnapshotLifecyclePolicy.ResourceType.VOLUME : SnapshotLifecyclePolicy.ResourceType.INSTANCE),
            Map.of("Backup", "true"), List.of(SnapshotSchedule.guideDaily())))
        .zip(tags(1, 5), distinct, (p, t, s) -> p.withTargetTags(t).withSchedules(s));
  }

  static Gen<NodeGroupDefinition> nodeGroups() {
    List<String> types = List.of("m5.large", "m5.xlarge", "m4.large", "m4.xlarge", "c6g.2xlarge", "t3.micro");
    Gen<ScalingConfig> scaling = integers().between(0, 50).zip(integers().between(0, 50), integers().between(1, 100),
        (a, b, c) -> {
          int max = Math.max(c, Math.max(a, b));
          return new ScalingConfig(Math.min(a, b), Math.max(a, b), Math.max(1, max));
        });
    return word(NAME_CHARS, 1, 30).assuming(s -> Character.isLetterOrDigit(s.charAt(0)))
        .zip(lists().of(integers().between(0, types.size() - 1)).ofSizeBetween(1, 6), integers().between(0, 2), scaling,
            (name, picks, capacity, s) -> new NodeGroupDefinition("prod-cluster", name,
                List.of(CapacityType.ON_DEMAND, CapacityType.SPOT, CapacityType.CAPACITY_BLOCK).get(capacity),
                picks.stream().distinct().map(types::get).toList(), s));
  }

  @Nested
  class JsonRoundTrip {
    @Test
    void intelligentTieringDefinitions() {
      qt().withExamples(300).forAll(tierings())
          .check(d -> IntelligentTieringDefinition.fromJson(d.toJson()).equals(d));
    }

    @Test
    void snapshotLifecyclePolicies() {
      qt().withExamples(300).forAll(policies()).check(p -> SnapshotLifecyclePolicy.fromJson(p.toJson()).equals(p));
    }

    @Test
    void nodeGroupDefinitions() {
      qt().withExamples(300).forAll(nodeGroups()).check(n -> NodeGroupDefinition.fromJson(n.toJson()).equals(n));
    }

    @Test
    void theGuidesBlocksReadAsTheirPresets() {
      assertThat(IntelligentTieringDefinition.fromJson("{\"Bucket\":\"main\",\"Id\":\"entire-bucket\",\"Status\":\"Enabled\","
          + "\"Tierings\":[{\"AccessTier\":\"DEEP_ARCHIVE_ACCESS\",\"Days\":180}]}"))
          .isEqualTo(IntelligentTieringDefinition.guide(BucketName.of("main")));
      assertThat(SnapshotLifecyclePolicy.fromJson("{\"Description\":\"EBS snapshot lifecycle policy\","
          + "\"ExecutionRoleArn\":\"arn:aws:iam::123456789012:role/dlm-lifecycle-role\",\"State\":\"ENABLED\","
          + "\"PolicyDetails\":{\"ResourceTypes\":[\"VOLUME\"],\"TargetTags\":[{\"Key\":\"Backup\",\"Value\":\"true\"}],"
          + "\"Schedules\":[{\"Name\":\"daily-snapshots\",\"CreateRule\":{\"Interval\":24,\"IntervalUnit\":\"HOURS\","
          + "\"Times\":[\"23:45\"]},\"RetainRule\":{\"Count\":7},\"CopyTags\":true}]},"
          + "\"Tags\":{\"opskit:name\":\"ebs-snapshots\"}}"))
          .isEqualTo(SnapshotLifecyclePolicy.guide(Arn.parse("arn:aws:iam::123456789012:role/dlm-lifecycle-role")));
      assertThat(NodeGroupDefinition.fromJson("{\"clusterName\":\"main\",\"nodegroupName\":\"spot-nodes\","
          + "\"capacityType\":\"SPOT\",\"instanceTypes\":[\"m5.large\",\"m5.xlarge\",\"m4.large\",\"m4.xlarge\"],"
          + "\"scalingConfig\":{\"desiredSize\":3,\"maxSize\":10,\"minSize\":1}}"))
          .isEqualTo(NodeGroupDefinition.guideSpotNodes("main"));
    }
  }

  @Nested
  class DaysPerTier {
    @Test
    void acceptExactlyTheDaysAwsAccepts() {
      for (AccessTier tier : AccessTier.values()) {
        qt().forAll(integers().between(-10, 1000)).check(days -> {
          boolean valid = days >= tier.minDays() && days <= tier.maxDays();
          try {
            IntelligentTieringDefinition.guide(BucketName.of("main")).withTierings(Map.of(tier, days));
            return valid;
          } catch (ValidationException e) {
            return !valid && e.getMessage().equals("Invalid tierings." + tier + ": '" + days + "'. Allowed: "
                + tier.minDays() + " to " + tier.maxDays() + " days for " + tier);
          }
        });
      }
    }

    @Test
    void atLeastOneTier() {
      assertThatThrownBy(() -> IntelligentTieringDefinition.guide(BucketName.of("main")).withTierings(Map.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid tierings: '{}'. Allowed: at least one tier: ARCHIVE_ACCESS after 90 to 730 days,"
              + " DEEP_ARCHIVE_ACCESS after 180 to 730");
    }
  }
}
