package dev.opskit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@link Checks#length} and {@link Checks#hasLength}: code points counted as before, with the shortcuts. */
class ChecksLengthTest {
  /** Text of ASCII, two-unit code points (emoji) and lone surrogates, around the bounds. */
  private static final Gen<String> TEXTS = Generate.oneOf(
      strings().ascii().ofLengthBetween(0, 12),
      strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(0, 8),
      strings().betweenCodePoints(0xD7F0, 0xE010).ofLengthBetween(0, 10),
      strings().allPossible().ofLengthBetween(0, 10));

  @Test
  void acceptsExactlyWhatTheCodePointCountAllows() {
    qt().withExamples(10_000).forAll(TEXTS, integers().between(0, 6), integers().between(0, 8))
        .checkAssert((text, min, extra) -> {
          int max = min + extra;
          int count = text.codePointCount(0, text.length());
          boolean expected = count >= min && count <= max;
          assertThat(Checks.hasLength(text, min, max)).as("%s in %d..%d", text, min, max).isEqualTo(expected);
          ValidationException e = catchThrowableOfType(ValidationException.class,
              () -> Checks.length("field", text, min, max));
          if (expected) {
            assertThat(e).isNull();
          } else {
            assertThat(e).isNotNull();
            assertThat(e.field()).isEqualTo("field");
            assertThat(e.allowed()).isEqualTo(min + " to " + max + " characters");
          }
        });
  }

  @Test
  void nullIsAbsent() {
    assertThat(Checks.hasLength(null, 0, 5)).isFalse();
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> Checks.length("f", null, 1, 5));
    assertThat(e.field()).isEqualTo("f");
    assertThat(e.allowed()).isEqualTo("1 to 5 characters");
  }

  @Test
  void aHugeStringIsRejectedWithoutCounting() {
    String huge = "x".repeat(5_000_000);
    assertThat(Checks.hasLength(huge, 1, 255)).isFalse();
    assertThat(Checks.hasLength("\uD83D\uDE00".repeat(255), 1, 255)).isTrue();
    assertThat(Checks.hasLength("\uD83D\uDE00".repeat(256), 1, 255)).isFalse();
  }
}
