package dev.opskit.cost.lifecycle;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.cost.eks.NodeGroupDefinition;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every {@code fromJson} of the cost definitions meets mutated and random text with only a {@link ValidationException},
 * and what it accepts round-trips.
 */
class HostileJsonTest {
  private static final String[] PIECES = {"{", "}", "[", "]", "\"", ":", ",", "null", "1e999", "-1", "\"\"", "true",
      "\"Days\"", "\"Tags\"", "{}", "[]", "0", "99999999999", "\"aws:x\"", "\\u0000"};

  private static final List<String> VALID = List.of(
      IntelligentTieringDefinition.guide(BucketName.of("main")).withPrefix("logs/").withTiering(AccessTier.ARCHIVE_ACCESS, 90)
          .toJson(),
      SnapshotLifecyclePolicy.guide(Arn.parse("arn:aws:iam::123456789012:role/dlm")).toJson(),
      NodeGroupDefinition.guideSpotNodes("main").toJson());

  private static void survives(String text, Function<String, Object> reader, Function<Object, String> writer) {
    try {
      Object read = reader.apply(text);
      if (!reader.apply(writer.apply(read)).equals(read)) {
        throw new AssertionError("accepted but did not round-trip: " + text);
      }
    } catch (ValidationException expected) {
      // the only failure allowed
    }
  }

  private static void check(Function<String, Object> reader, Function<Object, String> writer) {
    qt().withExamples(400).forAll(integers().between(0, VALID.size() - 1), integers().between(0, 400),
        integers().between(0, 8), integers().between(0, PIECES.length - 1)).check((which, at, cut, piece) -> {
          String base = VALID.get(which);
          int from = Math.min(at, base.length());
          int to = Math.min(base.length(), from + cut);
          survives(base.substring(0, from) + PIECES[piece] + base.substring(to), reader, writer);
          return true;
        });
    qt().withExamples(200).forAll(strings().allPossible().ofLengthBetween(0, 60))
        .check(text -> {
          survives(text, reader, writer);
          return true;
        });
  }

  @Test
  void intelligentTiering() {
    check(IntelligentTieringDefinition::fromJson, d -> ((IntelligentTieringDefinition) d).toJson());
  }

  @Test
  void snapshotLifecyclePolicy() {
    check(SnapshotLifecyclePolicy::fromJson, d -> ((SnapshotLifecyclePolicy) d).toJson());
  }

  @Test
  void nodeGroupDefinition() {
    check(NodeGroupDefinition::fromJson, d -> ((NodeGroupDefinition) d).toJson());
  }
}
