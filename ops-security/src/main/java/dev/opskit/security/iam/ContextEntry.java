package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Locale;

/**
 * A condition context value for a simulation, such as {@code aws:SourceIp} = {@code 203.0.113.7}.
 *
 * @param key the context key, such as {@code aws:SourceIp} (1 to 256 characters)
 * @param type the value type
 * @param values the values, at least one (one for a single-valued type)
 */
public record ContextEntry(String key, Type type, List<String> values) {

  /** IAM's context key types. */
  public enum Type {
    /** {@code string}. */
    STRING("string"),
    /** {@code stringList}. */
    STRING_LIST("stringList"),
    /** {@code numeric}. */
    NUMERIC("numeric"),
    /** {@code numericList}. */
    NUMERIC_LIST("numericList"),
    /** {@code boolean}. */
    BOOLEAN("boolean"),
    /** {@code booleanList}. */
    BOOLEAN_LIST("booleanList"),
    /** {@code ip}. */
    IP("ip"),
    /** {@code ipList}. */
    IP_LIST("ipList"),
    /** {@code binary}. */
    BINARY("binary"),
    /** {@code binaryList}. */
    BINARY_LIST("binaryList"),
    /** {@code date}. */
    DATE("date"),
    /** {@code dateList}. */
    DATE_LIST("dateList");

    private final String aws;

    Type(String aws) {
      this.aws = aws;
    }

    /** {@return the type in IAM's words, such as {@code stringList}} */
    public String aws() {
      return aws;
    }

    /** {@return whether it takes a list of values} */
    public boolean isList() {
      return aws.endsWith("List");
    }
  }

  /**
   * Validates and copies.
   *
   * @param key the context key
   * @param type the value type
   * @param values the values
   */
  public ContextEntry {
    Checks.length("key", key, 1, 256);
    Checks.require(key.indexOf(':') > 0, "key", key, "a context key with its prefix, such as aws:SourceIp");
    Checks.present("type", type, "a context key type");
    values = Checks.list("values", values, "the key's values");
    Checks.require(!values.isEmpty(), "values", values, "at least one value");
    Checks.require(type.isList() || values.size() == 1, "values", values,
        "one value for the single-valued type " + type.aws() + " (use " + type.aws() + "List for several)");
    for (String v : values) {
      Checks.length("values", v, 0, 256);
    }
  }

  /**
   * One string value, such as {@code ContextEntry.of("aws:username", "alice")}.
   *
   * @param key the context key
   * @param value the value
   * @return the entry
   */
  public static ContextEntry of(String key, String value) {
    return new ContextEntry(key, Type.STRING, List.of(Checks.present("value", value, "a value")));
  }

  @Override
  public String toString() {
    return key + "(" + type.aws().toLowerCase(Locale.ROOT) + ")=" + values;
  }
}
