package dev.opskit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Assertions and generators shared by the value tests. */
final class ValidationAssertions {
  static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String DIGITS = "0123456789";

  private ValidationAssertions() {}

  /** Asserts that {@code call} throws a ValidationException with exactly this field, value and allowed text. */
  static void assertInvalid(ThrowingCallable call, String field, @Nullable String value, String allowed) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid " + field + ": " + (value == null ? "null" : "'" + value + "'") + ". Allowed: " + allowed)
        .satisfies(t -> {
          ValidationException e = (ValidationException) t;
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.value()).isEqualTo(value);
          assertThat(e.allowed()).isEqualTo(allowed);
        });
  }

  /**
   * Asserts that {@code call} succeeds when {@code valid}, and otherwise throws a ValidationException
   * (never anything else) for {@code field} whose value is {@code input}.
   */
  static void assertAcceptedExactlyWhen(boolean valid, ThrowingCallable call, String field, String input) {
    Throwable thrown = catchThrowable(call);
    if (valid) {
      assertThat(thrown).as("accepted: %s", input).isNull();
    } else {
      assertThat(thrown).as("rejected: %s", input).isExactlyInstanceOf(ValidationException.class);
      assertThat(((ValidationException) thrown).field()).isEqualTo(field);
      assertThat(((ValidationException) thrown).value()).isEqualTo(input);
    }
  }

  /** Strings of {@code min} to {@code max} characters, each picked from {@code alphabet}. */
  static Gen<String> stringsOf(String alphabet, int min, int max) {
    List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).collect(Collectors.toList());
    return lists().of(Generate.pick(chars)).ofSizeBetween(min, max)
        .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  /**
   * Mostly near-valid strings (from {@code alphabet} plus a few foreign characters, with lengths around
   * the limits), mixed with arbitrary Unicode strings.
   */
  static Gen<String> probes(String alphabet, int maxLength) {
    return Generate.oneOf(
        stringsOf(alphabet, 0, maxLength + 2),
        stringsOf(alphabet + " _.-/#:\t\u00e9", 0, maxLength + 2),
        strings().allPossible().ofLengthBetween(0, 20));
  }

  /** The RDS identifier rules restated as one regular expression (length checked separately). */
  static final String RDS_IDENTIFIER = "[A-Za-z](-?[A-Za-z0-9])*";

  /**
   * Valid RDS identifiers: a letter, then up to {@code (maxLength - 1) / 2} letters or digits, each
   * optionally preceded by a single hyphen.
   */
  static Gen<String> rdsIdentifiers(int maxLength) {
    Gen<String> segment = stringsOf("-", 0, 1).zip(stringsOf(LETTERS + DIGITS, 1, 1), String::concat);
    return stringsOf(LETTERS, 1, 1).zip(
        lists().of(segment).ofSizeBetween(0, (maxLength - 1) / 2).map(list -> String.join("", list)),
        String::concat);
  }

  /** True when the whole of {@code input} matches {@code regex}; the tests' independent oracle. */
  static boolean matches(String regex, String input) {
    return Pattern.compile(regex, Pattern.DOTALL).matcher(input).matches();
  }
}
