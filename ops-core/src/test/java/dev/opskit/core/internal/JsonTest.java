package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
  @Test
  void readsOneJsonValue() {
    assertThat(Json.readTree("body", "{\"a\": [1, 2.5, \"x\", null, true]}", "a JSON object").get("a").size()).isEqualTo(5);
    assertThat(Json.readTree("body", "", "a JSON object").isMissingNode()).isTrue();
  }

  @Test
  void nullIsAValidationError() {
    assertThatThrownBy(() -> Json.readTree("body", null, "a JSON object"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid body: null. Allowed: a JSON object");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{not json|Unexpected character",
      "{\"a\": 1} {\"b\": 2}|Trailing token",
      "{\"a\": 1, \"a\": 2}|Duplicate field 'a'",
      "[NaN]|Non-standard token 'NaN'"})
  void malformedTrailingOrAmbiguousTextIsAValidationError(String json, String problem) {
    assertThatThrownBy(() -> Json.readTree("body", json, "a JSON object"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid body: '" + json + "'. Allowed: a JSON object (")
        .hasMessageContaining(problem);
  }

  @Test
  void nestingBeyondJacksonsLimitIsAValidationErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> Json.readTree("body", deep, "a JSON object"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid body: '" + "[".repeat(77) + "...'. Allowed: a JSON object (")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void aNumberOfThousandsOfDigitsIsAValidationError() {
    assertThatThrownBy(() -> Json.readTree("body", "[" + "9".repeat(5_000) + "]", "a JSON object"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageContaining("Number value length");
  }
}
