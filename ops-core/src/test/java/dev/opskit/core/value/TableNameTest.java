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

class TableNameTest {
  private static final String FIELD = "tableName";
  private static final String CHARACTERS = LETTERS + DIGITS + "_.-";
  private static final String ONLY = "only ASCII letters, digits, '_', '.' and '-'";

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"Orders", "abc", "orders.v2", "Orders_2024-01", "...", "___", "1-2"})
    void validNamesAsGiven(String input) {
      TableName name = TableName.of(input);

      assertThat(name.value()).isEqualTo(input);
      assertThat(name).hasToString(input).isEqualTo(new TableName(input));
    }

    @Test
    void twoHundredFiftyFiveCharacters() {
      assertThat(TableName.of("T".repeat(255)).value()).hasSize(255);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "''|3 to 255 characters",
      "ab|3 to 255 characters",
      "my table|" + ONLY,
      "orders/2024|" + ONLY,
      "orders:v2|" + ONLY,
      "tablé|" + ONLY,
    })
    void invalidNamesNamingTheRule(String input, String allowed) {
      assertInvalid(() -> TableName.of(input), FIELD, input, allowed);
    }

    @Test
    void twoHundredFiftySixCharacters() {
      String tooLong = "T".repeat(256);

      assertInvalid(() -> TableName.of(tooLong), FIELD, tooLong, "3 to 255 characters");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> TableName.of(null), FIELD, null, "3 to 255 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidNamesAreAcceptedAndRoundTrip() {
      qt().forAll(stringsOf(CHARACTERS, 3, 255)).checkAssert(s -> {
        TableName name = TableName.of(s);
        assertThat(name.value()).isEqualTo(s);
        assertThat(TableName.of(name.toString())).isEqualTo(name);
      });
    }

    @Test
    void acceptsExactlyTheValidNamesAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("aZ9_.-", 255)).checkAssert(s -> assertAcceptedExactlyWhen(
          matches("[a-zA-Z0-9_.-]{3,255}", s), () -> TableName.of(s), FIELD, s));
    }
  }
}
