package dev.opskit.security.iam.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The input rules for IAM user names and access key ids, and the one way a key id is shown. */
public final class KeyIds {
  private static final Pattern USER = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern KEY = Pattern.compile("[A-Z0-9]{16,128}");

  private KeyIds() {}

  /**
   * Checks an IAM user name.
   *
   * @param field the parameter
   * @param value the name
   * @return the name
   * @throws ValidationException when it is not 1 to 64 of IAM's characters
   */
  public static String userName(String field, @Nullable String value) {
    return check(USER, field, value, 64, "an IAM user name: 1 to 64 letters, digits and +=,.@_-");
  }

  /**
   * Checks an access key id.
   *
   * @param field the parameter
   * @param value the id
   * @return the id
   * @throws ValidationException when it is not 16 to 128 upper-case letters and digits
   */
  public static String keyId(String field, @Nullable String value) {
    return check(KEY, field, value, 128, "an access key id: 16 to 128 upper-case letters and digits");
  }

  private static String check(Pattern pattern, String field, @Nullable String value, int max, String allowed) {
    // The length first, so the pattern never runs over a huge string.
    Checks.require(value != null && value.length() <= max && pattern.matcher(value).matches(), field, value, allowed);
    return value;
  }

  /**
   * The id as OpsKit shows it: {@code ****WXYZ}.
   *
   * @param id the key id
   * @return the masked id
   */
  public static String mask(String id) {
    return id.length() <= 4 ? "****" : "****" + id.substring(id.length() - 4);
  }
}
