package dev.opskit.core.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a check method guarantees about its arguments, in the JetBrains {@code @Contract} notation, so
 * that the nullness checker (NullAway, which reads any annotation named {@code Contract}) knows that a
 * value is present after a check passed. For example {@code "_, null, _ -> fail"} on
 * {@code Checks.present(field, value, allowed)}: it throws when {@code value} is null, so the caller may
 * use {@code value} after the call. {@code "false, _, _, _ -> fail"} on {@code Checks.require(ok, ...)}
 * carries what {@code ok} proved (such as {@code value != null && ...}) past the call.
 *
 * <p>Kept in the class files so that every module compiled against ops-core is checked with it; not
 * {@link Documented}: it is a note to the checker, not API.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Contract {
  /**
   * The clauses, such as {@code "_, null, _ -> fail"}.
   *
   * @return the contract
   */
  String value();
}
