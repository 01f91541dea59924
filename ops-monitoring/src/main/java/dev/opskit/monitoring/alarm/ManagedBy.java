package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How OpsKit recognises the alarms it manages, so that a plan deletes only those: by a tag (put on every
 * alarm it creates) or by a name prefix (every definition must then carry it).
 *
 * <p>A tag marker costs one ListTagsForResource call per live alarm that no definition names (to decide
 * whether to delete it); a prefix marker costs none.
 */
public final class ManagedBy {
  private final @Nullable String tagKey;
  private final @Nullable String tagValue;
  private final @Nullable String prefix;

  private ManagedBy(@Nullable String tagKey, @Nullable String tagValue, @Nullable String prefix) {
    this.tagKey = tagKey;
    this.tagValue = tagValue;
    this.prefix = prefix;
  }

  /**
   * Alarms carrying this tag are managed; OpsKit tags the alarms it creates with it.
   *
   * @param key the tag key, such as {@code managed-by}
   * @param value the tag value, such as {@code opskit}
   * @return the marker
   * @throws dev.opskit.core.ValidationException when AWS's tag rule ({@link Tags}) refuses the tag
   */
  public static ManagedBy tag(String key, String value) {
    return new ManagedBy(Tags.checkKey("managedBy", key), Tags.checkValue("managedBy", key, value), null);
  }

  /**
   * Alarms whose names start with this prefix are managed.
   *
   * @param prefix the prefix, such as {@code opskit-}
   * @return the marker
   */
  public static ManagedBy prefix(String prefix) {
    Checks.length("managedBy.prefix", prefix, 1, 254);
    return new ManagedBy(null, null, prefix);
  }

  /** {@return whether tags are needed to tell (a tag marker)} */
  public boolean needsTags() {
    return tagKey != null;
  }

  /**
   * Whether a live alarm is managed.
   *
   * @param name the alarm's name
   * @param tags its tags (only read for a tag marker)
   * @return true when OpsKit manages it
   */
  public boolean manages(String name, Map<String, String> tags) {
    return prefix != null ? name.startsWith(prefix) : tagValue != null && tagValue.equals(tags.get(tagKey));
  }

  /** {@return the tags put on created alarms: the marker tag, or none for a prefix} */
  public Map<String, String> markerTags() {
    return tagKey == null ? Map.of() : Map.of(tagKey, tagValue);
  }

  /** {@return the name prefix, or null for a tag marker} */
  public @Nullable String namePrefix() {
    return prefix;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManagedBy m && Objects.equals(tagKey, m.tagKey) && Objects.equals(tagValue, m.tagValue)
        && Objects.equals(prefix, m.prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tagKey, tagValue, prefix);
  }

  @Override
  public String toString() {
    return prefix != null ? "name prefix '" + prefix + "'" : "tag " + tagKey + "=" + tagValue;
  }
}
