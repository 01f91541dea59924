package dev.opskit.core.value;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An S3 general purpose bucket name: 3 to 63 lower-case ASCII letters, digits, dots and hyphens;
 * beginning and ending with a letter or digit; without two adjacent dots; not formatted as an IP
 * address; without the prefixes and suffixes S3 reserves ({@code xn--}, {@code sthree-},
 * {@code amzn-s3-demo-}; {@code -s3alias}, {@code --ol-s3}, {@code .mrap}, {@code --x-s3},
 * {@code --table-s3}).
 *
 * @param value the bucket name
 */
public record BucketName(String value) {
  private static final String FIELD = "bucketName";
  private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]*");
  private static final Pattern LETTER_OR_DIGIT_AT_BOTH_ENDS = Pattern.compile("[a-z0-9](.*[a-z0-9])?");
  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the bucket name
   */
  public BucketName {
    Checks.length(FIELD, value, 3, 63);
    Checks.matches(CHARACTERS, FIELD, value, "only lower-case ASCII letters, digits, '.' and '-'");
    Checks.matches(LETTER_OR_DIGIT_AT_BOTH_ENDS, FIELD, value, "a letter or digit first and last");
    Checks.require(!value.contains(".."), FIELD, value, "no two adjacent dots");
    Checks.require(!IP_ADDRESS.matcher(value).matches(), FIELD, value, "a name not formatted as an IP address");
    Checks.require(RESERVED_PREFIXES.stream().noneMatch(value::startsWith), FIELD, value,
        "no prefix " + String.join(", ", RESERVED_PREFIXES));
    Checks.require(RESERVED_SUFFIXES.stream().noneMatch(value::endsWith), FIELD, value,
        "no suffix " + String.join(", ", RESERVED_SUFFIXES));
  }

  /**
   * Validates a bucket name.
   *
   * @param value the name, such as {@code orders-archive-eu}
   * @return the bucket name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static BucketName of(String value) {
    return new BucketName(value);
  }

  /** Returns the bucket name. */
  @Override
  public String toString() {
    return value;
  }
}
