package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.DIGITS;
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
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {
  private static final String FIELD = "accountId";

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "000000000000", "012345678901"})
    void twelveDigitsAsGiven(String input) {
      AccountId id = AccountId.of(input);

      assertThat(id.value()).isEqualTo(input);
      assertThat(id).hasToString(input).isEqualTo(new AccountId(input));
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12345678901", "1234567890123", "12345678901a", "1234-5678-9012",
        " 123456789012", "aws", "١٢٣٤٥٦٧٨٩٠١٢"})
    void anythingButTwelveAsciiDigits(String input) {
      assertInvalid(() -> AccountId.of(input), FIELD, input, "12 digits");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> AccountId.of(null), FIELD, null, "12 digits");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidIdsAreAcceptedAndRoundTrip() {
      qt().forAll(stringsOf(DIGITS, 12, 12)).checkAssert(s -> {
        AccountId id = AccountId.of(s);
        assertThat(id.value()).isEqualTo(s);
        assertThat(AccountId.of(id.toString())).isEqualTo(id);
      });
    }

    @Test
    void acceptsExactlyTwelveDigitsAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("0123456789", 12)).checkAssert(s -> assertAcceptedExactlyWhen(
          matches("[0-9]{12}", s), () -> AccountId.of(s), FIELD, s));
    }
  }
}
