package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.assertAcceptedExactlyWhen;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.Generate;

class AlarmNameTest {
  private static final String FIELD = "alarmName";
  private static final String NO_CONTROL = "no ASCII control characters";
  private static final String NOT_BLANK = "at least one character that is not whitespace";

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"HighCPUUtilization", "x", "orders-db: CPU > 80% (5 min)", "Ärger über Latenz",
        " padded ", "emoji \uD83D\uDD25"})
    void printableNamesAsGiven(String input) {
      AlarmName name = AlarmName.of(input);

      assertThat(name.value()).isEqualTo(input);
      assertThat(name).hasToString(input).isEqualTo(new AlarmName(input));
    }

    @Test
    void twoHundredFiftyFiveCodePoints() {
      String longest = "\uD83D\uDD25".repeat(255);

      assertThat(AlarmName.of(longest).value()).isEqualTo(longest);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "tab\there", "nul\u0000", "del\u007f", "\u001bescape"})
    void asciiControlCharacters(String input) {
      assertInvalid(() -> AlarmName.of(input), FIELD, input, NO_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\u2003"})
    void blank(String input) {
      assertInvalid(() -> AlarmName.of(input), FIELD, input, NOT_BLANK);
    }

    @Test
    void emptyOrTooLong() {
      String tooLong = "a".repeat(256);

      assertInvalid(() -> AlarmName.of(""), FIELD, "", "1 to 255 characters");
      assertInvalid(() -> AlarmName.of(tooLong), FIELD, tooLong, "1 to 255 characters");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> AlarmName.of(null), FIELD, null, "1 to 255 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidNamesAreAcceptedAndRoundTrip() {
      qt().forAll(Generate.oneOf(
              strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 255).map(s -> "a" + s.substring(1)),
              strings().betweenCodePoints(0xC0, 0x24F).ofLengthBetween(1, 255)))
          .checkAssert(s -> {
            AlarmName name = AlarmName.of(s);
            assertThat(name.value()).isEqualTo(s);
            assertThat(AlarmName.of(name.toString())).isEqualTo(name);
          });
    }

    @Test
    void acceptsExactlyTheValidNamesAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(Generate.oneOf(
              strings().allPossible().ofLengthBetween(0, 30),
              strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 4),
              strings().betweenCodePoints(0x20, 0x7f).ofLengthBetween(250, 260)))
          .checkAssert(s -> assertAcceptedExactlyWhen(
              matches("(?=.*\\P{javaWhitespace})[^\\x00-\\x1F\\x7F]{1,255}", s), () -> AlarmName.of(s), FIELD, s));
    }
  }
}
