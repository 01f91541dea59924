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

class DbSnapshotIdTest {
  private static final String FIELD = "dbSnapshotId";

  @Nested
  class Accepts {
    @ParameterizedTest
    @CsvSource({
      "a, a",
      "orders-db-before-upgrade, orders-db-before-upgrade",
      "Orders-DB-1, orders-db-1",
      "db1-a2-b3, db1-a2-b3",
      "Z9, z9",
    })
    void validIdentifiersKeptInLowerCase(String input, String expected) {
      DbSnapshotId id = DbSnapshotId.of(input);

      assertThat(id.value()).isEqualTo(expected);
      assertThat(id).hasToString(expected).isEqualTo(new DbSnapshotId(expected));
    }

    @Test
    void twoHundredFiftyFiveCharacters() {
      String longest = "d" + "b".repeat(254);

      assertThat(DbSnapshotId.of(longest).value()).hasSize(255).isEqualTo(longest);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "''|1 to 255 characters",
      "orders_db|only ASCII letters, digits and hyphens",
      "orders db|only ASCII letters, digits and hyphens",
      "ördersdb|only ASCII letters, digits and hyphens",
      "1orders|a letter as the first character",
      "-orders|a letter as the first character",
      "orders--db|no two consecutive hyphens",
      "orders-|no hyphen as the last character",
    })
    void invalidIdentifiersNamingTheRule(String input, String allowed) {
      assertInvalid(() -> DbSnapshotId.of(input), FIELD, input, allowed);
    }

    @Test
    void twoHundredFiftySixCharacters() {
      String tooLong = "d" + "b".repeat(255);

      assertInvalid(() -> DbSnapshotId.of(tooLong), FIELD, tooLong, "1 to 255 characters");
    }

    @Test
    void nullAsValidationException() {
      assertInvalid(() -> DbSnapshotId.of(null), FIELD, null, "1 to 255 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidIdsAreAcceptedAndRoundTrip() {
      qt().forAll(rdsIdentifiers(255)).checkAssert(s -> {
        DbSnapshotId id = DbSnapshotId.of(s);
        assertThat(id.value()).isEqualTo(s.toLowerCase(Locale.ROOT));
        assertThat(DbSnapshotId.of(id.toString())).isEqualTo(id);
      });
    }

    @Test
    void acceptsExactlyTheValidIdsAndOtherwiseThrowsOnlyValidationException() {
      qt().forAll(probes("abAB09-", 255)).checkAssert(s -> assertAcceptedExactlyWhen(
          s.length() <= 255 && matches(RDS_IDENTIFIER, s), () -> DbSnapshotId.of(s), FIELD, s));
    }
  }
}
