package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.assertAcceptedExactlyWhen;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static dev.opskit.core.value.ValidationAssertions.probes;
import static dev.opskit.core.value.ValidationAssertions.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class BucketNameTest {
  private static final String FIELD = "bucketName";
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String PREFIXES = "no prefix xn--, sthree-, amzn-s3-demo-";
  private static final String SUFFIXES = "no suffix -s3alias, --ol-s3, .mrap, --x-s3, --table-s3";

  /** The S3 rules restated as one expression with look-aheads, as an oracle independent of the code. */
  private static final String VALID = "(?=.{3,63}\\z)"
      + "(?!xn--|sthree-|amzn-s3-demo-)"
      + "(?!.*(?:-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)\\z)"
      + "(?![0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\z)"
      + "(?!.*\\.\\.)"
      + "[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?";

  /** Letter-or-digit, then letters and digits each optionally after one '-' or '.': no "..", valid ends. */
  private static Gen<String> validNames() {
    Gen<String> segment = stringsOf("-.", 0, 1).zip(stringsOf(LOWER_ALNUM, 1, 1), String::concat);
    return stringsOf(LOWER_ALNUM, 2, 2)
        .zip(lists().of(segment).ofSizeBetween(1, 30), (head, tail) -> head + String.join("", tail))
        .assuming(s -> matches(VALID, s));
  }

  @Nested
  class Accepts {
    @ParameterizedTest
    @ValueSource(strings = {"orders-archive-eu", "abc", "my.bucket.name", "0bucket9", "a-b.c-d",
        "docexamplebucket1", "192.168.5", "1.2.3.4.5", "xn-bucket", "my-s3alias-bucket",
        "012345678901234567890123456789012345678901234567890123456789012"})
    void validNamesAsGiven(String input) {
      BucketName name = BucketName.of(input);

      assertThat(name.value()).isEqualTo(input);
      assertThat(name).hasToString(input).isEqualTo(new BucketName(input));
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "ab|3 to 63 characters",
      "0123456789012345678901234567890123456789012345678901234567890123|3 to 63 characters",
      "My-Bucket|only lower-case ASCII letters, digits, '.' and '-'",
      "my_bucket|only lower-case ASCII letters, digits, '.' and '-'",
      "my bucket|only lower-case ASCII letters, digits, '.' and '-'",
      "-bucket|a letter or digit first and last",
      "bucket-|a letter or digit first and last",
      ".bucket|a letter or digit first and last",
      "bucket.|a letter or digit first and last",
      "my..bucket|no two adjacent dots",
      "192.168.5.4|a name not formatted as an IP address",
      "xn--bucket|" + PREFIXES,
      "sthree-bucket|" + PREFIXES,
      "sthree-configurator|" + PREFIXES,
      "amzn-s3-demo-bucket|" + PREFIXES,
      "bucket-s3alias|" + SUFFIXES,
      "bucket--ol-s3|" + SUFFIXES,
      "bucket.mrap|" + SUFFIXES,
      "bucket--x-s3|" + SUFFIXES,
      "bucket--table-s3|" + SUFFIXES,
    })
    void invalidNamesNamingTheRule(String input, String allowed) {
      assertInvalid(() -> BucketName.of(input), FIELD, input, allowed);
    }

    @Test
    void emptyOrNull() {
      assertInvalid(() -> BucketName.of(""), FIELD, "", "3 to 63 characters");
      assertInvalid(() -> BucketName.of(null), FIELD, null, "3 to 63 characters");
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidNamesAreAcceptedAndRoundTrip() {
      qt().forAll(validNames()).checkAssert(s -> {
        BucketName name = BucketName.of(s);
        assertThat(name.value()).isEqualTo(s);
        assertThat(BucketName.of(name.toString())).isEqualTo(name);
      });
    }

    @Test
    void acceptsExactlyTheValidNamesAndOtherwiseThrowsOnlyValidationException() {
      Gen<String> reserved = Generate.pick(List.of("xn--", "sthree-", "amzn-s3-demo-", "-s3alias", "--ol-s3",
          ".mrap", "--x-s3", "--table-s3", "1.2.3.4", "..", ""));
      Gen<String> withReservedParts = reserved.zip(stringsOf("ab1-.", 1, 8), reserved,
          (prefix, middle, suffix) -> prefix + middle + suffix);
      qt().forAll(Generate.oneOf(probes("ab19.-", 63), withReservedParts)).checkAssert(s ->
          assertAcceptedExactlyWhen(matches(VALID, s), () -> BucketName.of(s), FIELD, s));
    }
  }
}
