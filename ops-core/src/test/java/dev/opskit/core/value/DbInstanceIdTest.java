package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.RDS_IDENTIFIER;
import static dev.opskit.core.value.ValidationAssertions.assertAcceptedExactlyWhen;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static dev.opskit.core.value.ValidationAssertions.probes;
import static dev.opskit.core.value.ValidationAssertions.rdsIdentifiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbInstanceIdTest {
  private static final String FIELD = "dbInstanceId";

  @Nested
  class Accepts {
    @ParameterizedTest
    @CsvSource({
      "a, a",
      "orders-db, orders-db",
      "Orders-DB-1, orders-db-1",
      "db1-a2-b3, db1-a2-b3",
      "Z9, z9",
    })
    void validIdentifiersKeptInLowerCase(String input, String expected) {
      DbInstanceId id = DbInstanceId.of(input);

      assertThat(id.value()).isEqualTo(expected);
      assertThat(id).hasToString(expected).isEqualTo(new DbInstanceId(expected));
    }

    @Test
    void sixtyThreeCharacters() {
      String longest = "d" + "b".repeat(62);

      assertThat(DbInstanceId.of(longest).value()).hasSize(63).isEqualTo(longest);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "''|1 to 63 characters",
      "orders_db|only ASCII letters, digits and hyphens",
      "orders db|only ASCII letters, digits and hyphens",
      "ördersdb|only ASCII letters, digits and hyphens",
      "1orders|a letter as the first character",
      "-orders|a letter as the first character",
      "orders--db|no two consecutive hyphens",
      "orders-|no hyphen as the last character",
    })
    void invalidIdentifiersNamingTheRule(String input, String allowed) {
      assertInvalid(() -> DbInstanceId.of(input), FIELD, input, allowed);
    }

    @Test
    void sixtyFourCharacters() {
      String tooLong = "d" + "b".repeat(63);

      assertInvalid(() -> DbInstanceId.of(tooLong), FIELD, tooLong, "1 to 63 characters");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> DbInstanceId.of(null), FIELD, null, "1 to 63 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidIdsAreAcceptedAndRoundTrip() {
      qt().forAll(rdsIdentifiers(63)).checkAssert(s -> {
        DbInstanceId id = DbInstanceId.of(s);
        assertThat(id.value()).isEqualTo(s.toLowerCase(Locale.ROOT));
        assertThat(DbInstanceId.of(id.toString())).isEqualTo(id);
      });
    }

    @Test
    void acceptsExactlyTheValidIdsAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("abAB09-", 63)).checkAssert(s -> assertAcceptedExactlyWhen(
          s.length() <= 63 && matches(RDS_IDENTIFIER, s), () -> DbInstanceId.of(s), FIELD, s));
    }
  }
}
