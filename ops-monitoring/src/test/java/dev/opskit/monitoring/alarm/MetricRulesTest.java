package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@link MetricRules#requireMetric}: its shortcut for a valid metric accepts exactly what its rules accept. */
class MetricRulesTest {
  private static final Gen<@Nullable String> TEXTS = Generate.oneOf(
      Generate.constant((String) null), Generate.constant(""), Generate.constant(":AWS"),
      strings().basicLatinAlphabet().ofLengthBetween(0, 4), strings().basicLatinAlphabet().ofLengthBetween(250, 260),
      strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(250, 260));

  /** The rules as written before the shortcut, kept as the oracle: the field of the first rule broken, or null. */
  private static @Nullable String oracle(@Nullable String namespace, @Nullable String metricName,
      @Nullable Map<String, String> dimensions) {
    try {
      String ns = Checks.length("M.Namespace", namespace, 1, 255);
      Checks.require(!ns.startsWith(":"), "M.Namespace", namespace, "not starting with ':'");
      Checks.length("M.MetricName", metricName, 1, 255);
      Checks.require(dimensions != null, "M.Dimensions", null, "a map");
      Checks.require(dimensions.size() <= MetricRules.MAX_DIMENSIONS, "M.Dimensions", dimensions.keySet(), "few");
      dimensions.forEach((name, value) -> {
        Checks.length("M.Dimensions.Name", name, 1, 255);
        Checks.length("M.Dimensions." + name, value, 1, 1024);
      });
      return null;
    } catch (ValidationException e) {
      return e.field();
    }
  }

  @Test
  void acceptsAndRejectsAsTheRulesDo() {
    Gen<@Nullable Map<String, String>> dimensions = Generate.oneOf(Generate.constant((Map<String, String>) null),
        integers().between(0, 32).zip(TEXTS, TEXTS, (n, name, value) -> {
          Map<String, String> m = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            m.put(i == 0 ? name : "d" + i, i == n - 1 ? value : "v");
          }
          return m;
        }));
    qt().withExamples(5000).forAll(TEXTS, TEXTS, dimensions).checkAssert((ns, metric, dims) -> {
      String expected = oracle(ns, metric, dims);
      String actual;
      try {
        MetricRules.requireMetric("M", ns, metric, dims);
        actual = null;
      } catch (ValidationException e) {
        actual = e.field();
      }
      assertThat(actual).as("%s %s %s", ns, metric, dims).isEqualTo(expected);
      assertThat(Objects.equals(actual, expected)).isTrue();
    });
  }
}
