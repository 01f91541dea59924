package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.RDS_IDENTIFIER;
import static dev.opskit.core.value.ValidationAssertions.assertAcceptedExactlyWhen;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static dev.opskit.core.value.ValidationAssertions.probes;
import static dev.opskit.core.value.ValidationAssertions.rdsIdentifiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DbInstanceId} and {@link DbSnapshotId} share RDS's identifier rules and differ in length only. */
class RdsIdentifierTest {

  /** One identifier type: its field name, its longest length, and its factory. */
  record Kind(String field, int max, Function<String, Object> of) {
    String value(String input) {
      return of.apply(input).toString();
    }

    @Override
    public String toString() {
      return field;
    }
  }

  static List<Kind> kinds() {
    return List.of(
        new Kind("dbInstanceId", 63, DbInstanceId::of),
        new Kind("dbSnapshotId", 255, DbSnapshotId::of));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void validIdentifiersAreKeptInLowerCase(Kind kind) {
    Map<String, String> cases = Map.of(
        "a", "a", "orders-db", "orders-db", "Orders-DB-1", "orders-db-1", "db1-a2-b3", "db1-a2-b3", "Z9", "z9");
    cases.forEach((input, expected) -> {
      Object id = kind.of().apply(input);
      assertThat(id).hasToString(expected).isEqualTo(kind.of().apply(expected));
    });
    assertThat(new DbInstanceId("Orders-DB").value()).isEqualTo("orders-db");
    assertThat(new DbSnapshotId("Orders-DB").value()).isEqualTo("orders-db");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theLongestAllowedLengthIsAcceptedAndOneMoreIsNot(Kind kind) {
    String longest = "d" + "b".repeat(kind.max() - 1);
    assertThat(kind.value(longest)).hasSize(kind.max());

    String tooLong = longest + "b";
    assertInvalid(() -> kind.of().apply(tooLong), kind.field(), tooLong, "1 to " + kind.max() + " characters");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void invalidIdentifiersNameTheRuleThatFailed(Kind kind) {
    Map<String, String> cases = Map.of(
        "", "1 to " + kind.max() + " characters",
        "orders_db", "only ASCII letters, digits and hyphens",
        "orders db", "only ASCII letters, digits and hyphens",
        "ördersdb", "only ASCII letters, digits and hyphens",
        "1orders", "a letter as the first character",
        "-orders", "a letter as the first character",
        "orders--db", "no two consecutive hyphens",
        "orders-", "no hyphen as the last character");
    cases.forEach((input, allowed) -> assertInvalid(() -> kind.of().apply(input), kind.field(), input, allowed));
    assertInvalid(() -> kind.of().apply(null), kind.field(), null, "1 to " + kind.max() + " characters");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void generatedValidIdsAreAcceptedAndRoundTrip(Kind kind) {
    qt().forAll(rdsIdentifiers(kind.max())).checkAssert(s -> {
      String value = kind.value(s);
      assertThat(value).isEqualTo(s.toLowerCase(Locale.ROOT));
      assertThat(kind.value(value)).isEqualTo(value);
    });
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void acceptsExactlyTheValidIdsAndOtherwiseThrowsOnlyValidationException(Kind kind) {
    qt().forAll(probes("abAB09-", kind.max())).checkAssert(s -> assertAcceptedExactlyWhen(
        s.length() <= kind.max() && matches(RDS_IDENTIFIER, s), () -> kind.of().apply(s), kind.field(), s));
  }
}
