package dev.opskit.backup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the statuses of this package share: they are open sets, like the SDK's enums with
 * {@code UNKNOWN_TO_SDK_VERSION}, but a status OpsKit does not know keeps AWS's text. Reading one never
 * throws; the documented statuses are canonical constants (compare them with {@code ==} or
 * {@code equals}), any other is equal to another of the same type and text.
 */
abstract class AwsStatus {
  /** The text of a status AWS did not report. */
  static final String NONE = "unknown";

  private final String value;
  private final boolean known;

  AwsStatus(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /**
   * The status of an AWS text: the documented constant when it is one (in any case), else an unknown status
   * keeping the text; {@code none} when AWS reported nothing.
   */
  static <S extends AwsStatus> S lookup(
      Map<String, S> documented, @Nullable String text, S none, Function<String, S> unknown) {
    if (text == null || text.isBlank()) {
      return none;
    }
    S status = documented.get(text.toLowerCase(Locale.ROOT));
    return status != null ? status : unknown.apply(text);
  }

  /**
   * The status of an AWS word matched exactly (S3's {@code Enabled}, AWS Backup's {@code COMPLETED}): the
   * documented constant, else an unknown status keeping the word; null is the empty word.
   */
  static <S extends AwsStatus> S exact(List<S> documented, @Nullable String text, Function<String, S> unknown) {
    String word = text == null ? "" : text;
    for (S status : documented) {
      if (status.value().equals(word)) {
        return status;
      }
    }
    return unknown.apply(word);
  }

  /**
   * AWS's text for the status, such as {@code available}; {@code unknown} when AWS reported none.
   *
   * @return the text
   */
  public final String value() {
    return value;
  }

  /**
   * Whether this is one of the statuses AWS documents (and this type names as a constant); false for a
   * status AWS added later, or when AWS reported none.
   *
   * @return whether the status is known
   */
  public final boolean isKnown() {
    return known;
  }

  /** Equal when of the same type with the same text. */
  // Exact class on purpose: two status types (e.g. PitrStatus, DbSnapshotStatus) with the same text must not be equal.
  @SuppressWarnings("EqualsGetClass")
  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && value.equals(((AwsStatus) o).value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** AWS's text, such as {@code available}. */
  @Override
  public final String toString() {
    return value;
  }
}
