package dev.opskit.monitoring.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.monitoring.logs.internal.RowParser;
import dev.opskit.monitoring.logs.internal.SecondRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the Logs Insights runner's range splitting and row parsing. */
class LogsPropertiesTest {

  /** Splits recursively, each range split when {@code splitWhen} says so (or until single seconds). */
  private static List<SecondRange> leaves(SecondRange range, int depth, long seed) {
    if (range.isSingleSecond() || depth == 0 || (((seed >>> depth) & 1) == 0 && depth < 20)) {
      return List.of(range);
    }
    List<SecondRange> out = new ArrayList<>();
    for (SecondRange half : range.halves()) {
      out.addAll(leaves(half, depth - 1, seed * 31 + half.from()));
    }
    return out;
  }

  @Test
  void splittingCoversTheRangeExactlyOnceWithNoOverlap() {
    qt().forAll(longs().between(0, 4_000_000_000L), longs().between(0, 10_000_000L), integers().between(1, 24),
        longs().all()).checkAssert((from, length, depth, seed) -> {
          SecondRange range = new SecondRange(from, from + length);

          List<SecondRange> parts = leaves(range, depth, seed);

          assertThat(parts.get(0).from()).isEqualTo(range.from());
          assertThat(parts.get(parts.size() - 1).to()).isEqualTo(range.to());
          for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).from()).as("no gap and no overlap").isEqualTo(parts.get(i - 1).to() + 1);
          }
          assertThat(parts.stream().mapToLong(SecondRange::seconds).sum()).isEqualTo(range.seconds());
        });
  }

  @Test
  void halvesAreNeverEmptyAndEndAtSingleSeconds() {
    qt().forAll(longs().between(0, 4_000_000_000L), longs().between(1, 100_000L)).checkAssert((from, length) -> {
      List<SecondRange> halves = new SecondRange(from, from + length).halves();
      assertThat(halves).hasSize(2);
      assertThat(halves).allSatisfy(h -> assertThat(h.seconds()).isPositive());
      assertThat(Math.abs(halves.get(0).seconds() - halves.get(1).seconds())).isLessThanOrEqualTo(1);
    });
  }

  /** Any text, and texts close to what the parser recognises (times, numbers, epoch milliseconds). */
  private static Gen<String> values() {
    Gen<String> any = strings().allPossible().ofLengthBetween(0, 60);
    Gen<String> digits = strings().numeric().map(n -> n.replace("-", ""));
    Gen<String> timeLike = integers().between(0, 9999).zip(integers().between(0, 99), integers().between(0, 99),
        (y, m, d) -> String.format("%04d-%02d-%02d %02d:%02d:%02d.%d", y, m, d, m, d, y % 100, y));
    Gen<String> numberLike = strings().betweenCodePoints('-', '9').ofLengthBetween(0, 40)
        .mix(digits.map(s -> s + "e" + s), 20);
    return any.mix(timeLike, 30).mix(numberLike, 30).mix(strings().numericBetween(0, Integer.MAX_VALUE), 10)
        .mix(longs().between(0, 9_999_999_999_999L).map(l -> String.format("%013d", l)), 10);
  }

  @Test
  void rowParsingNeverThrowsOnAnyStringValue() {
    qt().forAll(values(), values()).checkAssert((a, b) -> {
      Map<String, String> raw = new LinkedHashMap<>();
      raw.put("@timestamp", a);
      raw.put("@message", b);
      raw.put("count()", a);
      raw.put("@ptr", b);

      InsightsRow row = InsightsRow.parse(raw);

      assertThat(row.fields()).containsOnlyKeys("@timestamp", "@message", "count()");
      assertThat(row.text("@timestamp")).contains(a);
      assertThat(row.text("@message")).contains(b);
      FieldValue v = RowParser.value(a);
      assertThat(v.raw()).isEqualTo(a);
      if (v instanceof FieldValue.Numeric n) {
        assertThat(Double.isFinite(n.value())).isTrue();
      }
    });
  }

  @Test
  void knownShapesAreParsed() {
    assertThat(RowParser.value("2026-11-26 11:58:00.123")).isEqualTo(new FieldValue.Time("2026-11-26 11:58:00.123",
        java.time.Instant.parse("2026-11-26T11:58:00.123Z")));
    assertThat(RowParser.value("2026-11-26 11:58:00")).isInstanceOf(FieldValue.Time.class);
    assertThat(RowParser.value("2026-13-45 25:61:61.000")).isInstanceOf(FieldValue.Text.class);
    assertThat(RowParser.value("12")).isEqualTo(new FieldValue.Numeric("12", 12));
    assertThat(RowParser.value("-0.5e3")).isEqualTo(new FieldValue.Numeric("-0.5e3", -500));
    assertThat(RowParser.value("1e999")).isInstanceOf(FieldValue.Text.class);
    assertThat(RowParser.value("NaN")).isInstanceOf(FieldValue.Text.class);
    assertThat(RowParser.value("")).isInstanceOf(FieldValue.Text.class);
    assertThat(RowParser.value("@timestamp", "1796125095476"))
        .isEqualTo(new FieldValue.Time("1796125095476", java.time.Instant.ofEpochMilli(1796125095476L)));
    assertThat(RowParser.value("count()", "1796125095476")).isInstanceOf(FieldValue.Numeric.class);
    String huge = "9".repeat(1_000_000);
    assertThat(RowParser.value("@timestamp", huge)).isEqualTo(new FieldValue.Text(huge));
  }
}
