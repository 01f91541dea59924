package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.DIGITS;
import static dev.opskit.core.value.ValidationAssertions.LETTERS;
import static dev.opskit.core.value.ValidationAssertions.assertAcceptedExactlyWhen;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static dev.opskit.core.value.ValidationAssertions.probes;
import static dev.opskit.core.value.ValidationAssertions.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogGroupNameTest {
  private static final String FIELD = "logGroupName";
  private static final String ONLY = "only ASCII letters, digits, '.', '-', '_', '/' and '#'";

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"/aws/lambda/orders", "a", "app#1", "API-Gateway-Execution-Logs_abc/prod", "..."})
    void validNamesAsGiven(String input) {
      LogGroupName name = LogGroupName.of(input);

      assertThat(name.value()).isEqualTo(input);
      assertThat(name).hasToString(input).isEqualTo(new LogGroupName(input));
    }

    @Test
    void fiveHundredTwelveCharacters() {
      assertThat(LogGroupName.of("/".repeat(512)).value()).hasSize(512);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "''|1 to 512 characters",
      "/aws/lambda/my function|" + ONLY,
      "log:group|" + ONLY,
      "logs*|" + ONLY,
      "grüße|" + ONLY,
    })
    void invalidNamesNamingTheRule(String input, String allowed) {
      assertInvalid(() -> LogGroupName.of(input), FIELD, input, allowed);
    }

    @Test
    void fiveHundredThirteenCharacters() {
      String tooLong = "/".repeat(513);

      assertInvalid(() -> LogGroupName.of(tooLong), FIELD, tooLong, "1 to 512 characters");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> LogGroupName.of(null), FIELD, null, "1 to 512 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidNamesAreAcceptedAndRoundTrip() {
      qt().forAll(stringsOf(LETTERS + DIGITS + ".-_/#", 1, 512)).checkAssert(s -> {
        LogGroupName name = LogGroupName.of(s);
        assertThat(name.value()).isEqualTo(s);
        assertThat(LogGroupName.of(name.toString())).isEqualTo(name);
      });
    }

    @Test
    void acceptsExactlyTheValidNamesAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("aZ9.-_/#", 512)).checkAssert(s -> assertAcceptedExactlyWhen(
          matches("[.\\-_/#A-Za-z0-9]{1,512}", s), () -> LogGroupName.of(s), FIELD, s));
    }
  }
}
