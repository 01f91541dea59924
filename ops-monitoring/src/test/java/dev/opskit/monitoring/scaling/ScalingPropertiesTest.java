package dev.opskit.monitoring.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Acceptance 4: every valid scaling definition round-trips through JSON; resource id and dimension are checked together. */
class ScalingPropertiesTest {
  private static final String NAME_CHARS = "abcXYZ019_-.";

  private static <T> Gen<T> oneOf(List<T> values) {
    return integers().between(0, values.size() - 1).map(values::get);
  }

  private static Gen<String> names(String alphabet, int min, int max) {
    return in -> {
      int n = integers().between(min, max).generate(in);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(integers().between(0, alphabet.length() - 1).generate(in)));
      }
      return sb.toString();
    };
  }

  /** Resource ids of every form, valid or not: table, index, service, and near misses. */
  private static Gen<String> resourceIds() {
    Gen<String> tableName = names(NAME_CHARS, 1, 8);
    Gen<String> ecsName = names("abcXYZ019_-", 0, 6);
    Gen<String> junk = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 20);
    Gen<Integer> form = integers().between(0, 6);
    return in -> switch (form.generate(in)) {
      case 0 -> "table/" + tableName.generate(in);
      case 1 -> "table/" + tableName.generate(in) + "/index/" + tableName.generate(in);
      case 2 -> "service/" + ecsName.generate(in) + "/" + ecsName.generate(in);
      case 3 -> "service/" + ecsName.generate(in);
      case 4 -> "table/" + tableName.generate(in) + "/stream/" + tableName.generate(in);
      case 5 -> "tables/" + tableName.generate(in);
      default -> junk.generate(in);
    };
  }

  /** The oracle, written from AWS's RegisterScalableTarget reference independently of the implementation. */
  private static boolean validPair(ScalableDimension d, String id) {
    String[] p = id.split("/", -1);
    boolean table = p.length == 2 && p[0].equals("table") && dynamoName(p[1]);
    boolean index = p.length == 4 && p[0].equals("table") && dynamoName(p[1]) && p[2].equals("index") && dynamoName(p[3]);
    boolean service = p.length == 3 && p[0].equals("service") && ecsName(p[1]) && ecsName(p[2]);
    return switch (d) {
      case DYNAMODB_TABLE_READ, DYNAMODB_TABLE_WRITE -> table;
      case DYNAMODB_INDEX_READ, DYNAMODB_INDEX_WRITE -> index;
      case ECS_SERVICE_DESIRED_COUNT -> service;
    };
  }

  private static boolean dynamoName(String s) {
    return s.length() >= 3 && s.length() <= 255 && s.chars().allMatch(c -> (Character.isLetterOrDigit(c) && c < 128)
        || c == '_' || c == '-' || c == '.');
  }

  private static boolean ecsName(String s) {
    return !s.isEmpty() && s.length() <= 255 && s.chars().allMatch(c -> (Character.isLetterOrDigit(c) && c < 128)
        || c == '_' || c == '-');
  }

  private static boolean accepted(ScalableDimension d, String id) {
    try {
      new ScalableTarget(d, id, 1, 1);
      return true;
    } catch (ValidationException e) {
      return e.field().equals("ResourceId") ? false : fail(e);
    }
  }

  private static boolean fail(ValidationException e) {
    throw new AssertionError("unexpected field " + e.field(), e);
  }

  @Test
  void resourceIdAndDimensionValidationAcceptsExactlyTheValidPairs() {
    qt().withExamples(3000).forAll(oneOf(Arrays.asList(ScalableDimension.values())), resourceIds())
        .check((d, id) -> accepted(d, id) == validPair(d, id) && d.accepts(id) == validPair(d, id));
  }

  @Test
  void theGeneratorsReachBothOutcomesForEveryDimension() {
    // Guards the property above from passing vacuously.
    for (ScalableDimension d : ScalableDimension.values()) {
      String good = switch (d) {
        case DYNAMODB_TABLE_READ, DYNAMODB_TABLE_WRITE -> "table/user-sessions";
        case DYNAMODB_INDEX_READ, DYNAMODB_INDEX_WRITE -> "table/user-sessions/index/by-user";
        case ECS_SERVICE_DESIRED_COUNT -> "service/prod-cluster/api-service";
      };
      assertThat(accepted(d, good)).as(d + " " + good).isTrue();
      for (ScalableDimension other : ScalableDimension.values()) {
        boolean sameForm = other.name().startsWith(d.name().substring(0, Math.min(14, d.name().length())));
        assertThat(accepted(other, good)).as(other + " " + good).isEqualTo(sameForm);
      }
    }
  }

  /** Valid definitions of every dimension, with any mix of optional members. */
  static Gen<ScalingDefinition> definitions() {
    Gen<String> table = names(NAME_CHARS, 3, 20);
    Gen<String> ecs = names("abcXYZ019_-", 1, 20);
    Gen<ScalableDimension> dims = oneOf(Arrays.asList(ScalableDimension.values()));
    Gen<Integer> capacities = integers().between(1, 100_000);
    Gen<Boolean> coin = booleans().all();
    Gen<Integer> seconds = integers().between(0, 3600);
    Gen<Double> dynamoTarget = doubles().between(20, 90);
    Gen<Double> ecsTarget = doubles().between(0.001, 100);
    Gen<Double> requests = doubles().between(0.5, 1e6);
    Gen<String> policyNames = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 40)
        .assuming(s -> !s.contains(":"));
    return in -> {
      ScalableDimension d = dims.generate(in);
      String id = switch (d) {
        case DYNAMODB_TABLE_READ, DYNAMODB_TABLE_WRITE -> "table/" + table.generate(in);
        case DYNAMODB_INDEX_READ, DYNAMODB_INDEX_WRITE -> "table/" + table.generate(in) + "/index/" + table.generate(in);
        case ECS_SERVICE_DESIRED_COUNT -> "service/" + ecs.generate(in) + "/" + ecs.generate(in);
      };
      int a = capacities.generate(in);
      int b = capacities.generate(in);
      ScalableTarget target = new ScalableTarget(d, id, Math.min(a, b), Math.max(a, b));
      List<PredefinedMetric> metrics = Arrays.stream(PredefinedMetric.values()).filter(m -> m.scales(d)).toList();
      List<ScalingPolicy> policies = new ArrayList<>();
      int n = integers().between(0, 3).generate(in);
      for (int i = 0; i < n; i++) {
        PredefinedMetric m = oneOf(metrics).generate(in);
        TargetTracking c = switch (m) {
          case DYNAMODB_READ_CAPACITY_UTILIZATION, DYNAMODB_WRITE_CAPACITY_UTILIZATION ->
              TargetTracking.of(m, dynamoTarget.generate(in));
          case ECS_SERVICE_AVERAGE_CPU_UTILIZATION, ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION ->
              TargetTracking.of(m, ecsTarget.generate(in));
          case ALB_REQUEST_COUNT_PER_TARGET -> TargetTracking.albRequests(
              "app/my-alb/50dc6c495c0c9188/targetgroup/" + ecs.generate(in) + "/943f017f100becff", requests.generate(in));
        };
        if (coin.generate(in)) {
          c = c.withScaleOutCooldown(Duration.ofSeconds(seconds.generate(in)));
        }
        if (coin.generate(in)) {
          c = c.withScaleInCooldown(Duration.ofSeconds(seconds.generate(in)));
        }
        if (coin.generate(in)) {
          c = c.withDisableScaleIn(coin.generate(in));
        }
        policies.add(new ScalingPolicy(i + "-" + policyNames.generate(in), c));
      }
      return new ScalingDefinition(target, policies);
    };
  }

  @Test
  void everyValidDefinitionRoundTripsThroughJson() {
    qt().withExamples(500).forAll(definitions()).check(d -> ScalingDefinition.fromJson(d.toJson()).equals(d)
        && d.policies().stream().allMatch(p -> TargetTracking.fromJson(p.configuration().toJson()).equals(p.configuration())));
  }
}
