package dev.opskit.backup.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Input checks shared by the values and operations of this module; each throws {@link ValidationException}. */
public final class Checks {
  private Checks() {}

  /**
   * Checks that an ARN names an IAM role.
   *
   * @param field the field, as the message names it
   * @param role the ARN
   * @return the role
   * @throws ValidationException when null or not {@code arn:aws:iam::<account>:role/<name>}
   */
  public static Arn iamRole(String field, @Nullable Arn role) {
    if (role == null || !"iam".equals(role.service()) || !role.resource().startsWith("role/")) {
      throw ValidationException.of(field, role, "an IAM role ARN, arn:aws:iam::<account>:role/<name>");
    }
    return role;
  }

  /**
   * Checks that a duration, such as a wait timeout, is positive.
   *
   * @param field the field, as the message names it
   * @param value the duration
   * @return the duration
   * @throws ValidationException when null, zero or negative
   */
  public static Duration positive(String field, @Nullable Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw ValidationException.of(field, value, "a positive duration");
    }
    return value;
  }
}
