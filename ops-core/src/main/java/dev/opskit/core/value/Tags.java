package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags of an AWS resource, checked once against AWS's tagging rules, the one home of those rules in
 * OpsKit: keys of 1 to 128 and values of 0 to 256 characters of letters, digits, spaces and
 * {@code _ . : / = + - @}; the {@code aws:} prefix (any case) is reserved for AWS; at most 50 tags per
 * resource. Deeply immutable, in the order given.
 *
 * <pre>{@code
 * Tags tags = Tags.of(Map.of("team", "payments")).and(ctx.defaultTags());
 * }</pre>
 */
public final class Tags {
  /** Most tags AWS accepts on one resource. */
  public static final int MAX_TAGS = 50;
  /** Longest key. */
  public static final int MAX_KEY_LENGTH = 128;
  /** Longest value. */
  public static final int MAX_VALUE_LENGTH = 256;

  /**
   * The tag OpsKit puts on resources it creates where AWS has no idempotency token but takes tags at
   * creation (RDS snapshots and restored instances): a fresh id per call, so a create retried after a lost
   * answer can prove that the resource it meets is its own, and an audit event can be matched to its
   * resource. Never reused across calls.
   */
  public static final String CALL_ID_KEY = "opskit:call-id";

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*+");
  private static final Tags NONE = new Tags(Map.of());

  private final Map<String, String> map;

  private Tags(Map<String, String> map) {
    this.map = map;
  }

  /**
   * A new call id for {@link #CALL_ID_KEY}.
   *
   * @return a random UUID
   */
  public static String newCallId() {
    return java.util.UUID.randomUUID().toString();
  }

  /** {@return no tags} */
  public static Tags none() {
    return NONE;
  }

  /**
   * Tags from a map, checked.
   *
   * @param tags keys and values
   * @return the tags
   * @throws ValidationException naming the first key or value AWS would refuse
   */
  public static Tags of(Map<String, String> tags) {
    return of("tags", tags);
  }

  /**
   * Tags from a map, checked, naming the caller's parameter in messages.
   *
   * @param field the parameter, such as {@code tags} or {@code defaultTags}
   * @param tags keys and values
   * @return the tags
   * @throws ValidationException naming the first key or value AWS would refuse
   */
  public static Tags of(String field, Map<String, String> tags) {
    if (tags == null) {
      throw ValidationException.of(field, null, "a map of tag keys to values (empty for none)");
    }
    if (tags.isEmpty()) {
      return NONE;
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : tags.entrySet()) {
      checkKey(field, e.getKey());
      checkValue(field, e.getKey(), e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    if (copy.size() > MAX_TAGS) {
      throw ValidationException.of(field, copy.size() + " tags", "at most " + MAX_TAGS + " tags per resource");
    }
    return copy.isEmpty() ? NONE : new Tags(Collections.unmodifiableMap(copy));
  }

  /**
   * Checks one tag key.
   *
   * @param key the key
   * @return the key
   * @throws ValidationException when AWS would refuse it
   */
  public static String checkKey(String key) {
    return checkKey("tags", key);
  }

  /**
   * Checks one tag key, naming the caller's parameter in the message.
   *
   * @param field the parameter, such as {@code defaultTags}; the message names {@code <field>.key}
   * @param key the key
   * @return the key
   * @throws ValidationException when AWS would refuse it
   */
  public static String checkKey(String field, String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || !ALLOWED.matcher(key).matches()) {
      throw ValidationException.of(field + ".key", shown(key),
          "1 to " + MAX_KEY_LENGTH + " letters, digits, spaces and _.:/=+-@, not starting with aws:");
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw ValidationException.of(field + ".key", key, "a key not starting with aws: (in any case), which AWS reserves");
    }
    return key;
  }

  private static String shown(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
  }

  /**
   * Checks one tag value.
   *
   * @param key the key it belongs to (for the message)
   * @param value the value
   * @return the value
   * @throws ValidationException when AWS would refuse it
   */
  public static String checkValue(String key, String value) {
    return checkValue("tags", key, value);
  }

  /**
   * Checks one tag value, naming the caller's parameter in the message.
   *
   * @param field the parameter, such as {@code defaultTags}; the message names {@code <field>.<key>}
   * @param key the key it belongs to
   * @param value the value
   * @return the value
   * @throws ValidationException when AWS would refuse it
   */
  public static String checkValue(String field, String key, String value) {
    if (value == null || value.length() > MAX_VALUE_LENGTH || !ALLOWED.matcher(value).matches()) {
      throw ValidationException.of(field + "." + key, shown(value),
          "0 to " + MAX_VALUE_LENGTH + " letters, digits, spaces and _.:/=+-@");
    }
    return value;
  }

  /**
   * These tags with others laid over them (later ones win on the same key), checked again as a whole
   * (the 50-tag limit).
   *
   * @param over the tags that win
   * @return the merged tags
   */
  public Tags and(Map<String, String> over) {
    Map<String, String> merged = new LinkedHashMap<>(map);
    merged.putAll(of(over).map);
    return of(merged);
  }

  /**
   * These tags with others laid over them.
   *
   * @param over the tags that win
   * @return the merged tags
   */
  public Tags and(Tags over) {
    return and(over.map);
  }

  /** {@return the tags as an unmodifiable map, in order} */
  public Map<String, String> asMap() {
    return map;
  }

  /** {@return whether there are none} */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tags other && map.equals(other.map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
