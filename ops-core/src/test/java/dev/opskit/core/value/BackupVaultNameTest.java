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

class BackupVaultNameTest {
  private static final String FIELD = "backupVaultName";
  private static final String ONLY = "only ASCII letters, digits, '-' and '_'";

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"Default", "ab", "orders-vault_2024", "--", "12345678901234567890123456789012345678901234567890"})
    void validNamesAsGiven(String input) {
      BackupVaultName name = BackupVaultName.of(input);

      assertThat(name.value()).isEqualTo(input);
      assertThat(name).hasToString(input).isEqualTo(new BackupVaultName(input));
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "''|2 to 50 characters",
      "a|2 to 50 characters",
      "123456789012345678901234567890123456789012345678901|2 to 50 characters",
      "orders vault|" + ONLY,
      "orders.vault|" + ONLY,
      "orders/vault|" + ONLY,
      "vaulté|" + ONLY,
    })
    void invalidNamesNamingTheRule(String input, String allowed) {
      assertInvalid(() -> BackupVaultName.of(input), FIELD, input, allowed);
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> BackupVaultName.of(null), FIELD, null, "2 to 50 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidNamesAreAcceptedAndRoundTrip() {
      qt().forAll(stringsOf(LETTERS + DIGITS + "-_", 2, 50)).checkAssert(s -> {
        BackupVaultName name = BackupVaultName.of(s);
        assertThat(name.value()).isEqualTo(s);
        assertThat(BackupVaultName.of(name.toString())).isEqualTo(name);
      });
    }

    @Test
    void acceptsExactlyTheValidNamesAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("aZ9-_", 50)).checkAssert(s -> assertAcceptedExactlyWhen(
          matches("[a-zA-Z0-9\\-_]{2,50}", s), () -> BackupVaultName.of(s), FIELD, s));
    }
  }
}
