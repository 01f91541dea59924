package dev.opskit.security.guardduty;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one check of a threat intel set's location: an {@code s3://} URL or an HTTPS S3 URL of an object. */
final class S3Location {
  static final String ALLOWED = "an S3 object URL of at most 300 characters: s3://bucket/key, "
      + "https://s3.amazonaws.com/bucket/key, https://s3.<region>.amazonaws.com/bucket/key or "
      + "https://bucket.s3[.<region>].amazonaws.com/key";
  private static final Pattern S3 = Pattern.compile("s3://([^/]+)/(.+)");
  private static final Pattern PATH_STYLE = Pattern.compile("https://s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?/([^/]+)/(.+)");
  private static final Pattern VIRTUAL_HOST =
      Pattern.compile("https://([a-z0-9.-]+)\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?/(.+)");

  private S3Location() {}

  static String check(String field, String value) {
    Checks.length(field, value, 1, 300);
    Matcher m = S3.matcher(value);
    if (!m.matches()) {
      m = PATH_STYLE.matcher(value);
    }
    if (!m.matches()) {
      m = VIRTUAL_HOST.matcher(value);
    }
    if (!m.matches() || m.group(2).isBlank() || value.chars().anyMatch(c -> c <= ' ')) {
      throw ValidationException.of(field, value, ALLOWED);
    }
    try {
      BucketName.of(m.group(1));
    } catch (ValidationException e) {
      throw ValidationException.of(field, value, ALLOWED + ", with a valid bucket name (" + e.allowed() + ")");
    }
    return value;
  }
}
