package dev.opskit.core.secret;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a {@link SecretSink} publishes: named secret fields, such as {@code AccessKeyId} and
 * {@code SecretAccessKey}, and a version id that names this version of the secret without revealing it
 * (publishing the same version twice is one publication, so a resumed operation can publish again).
 * {@link #toString()} shows the version id and the field names, never a value.
 *
 * @param versionId names this version: 1 to 64 letters, digits, {@code -} and {@code _}
 * @param fields the fields in order, at least one; every value secret
 */
public record Secret(String versionId, Map<String, SecretValue> fields) {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /**
   * Validates and copies, keeping the order of the fields.
   *
   * @param versionId names this version: 1 to 64 letters, digits, {@code -} and {@code _}
   * @param fields the fields in order, at least one; every value secret
   */
  public Secret {
    Checks.matches(VERSION, "versionId", Checks.present("versionId", versionId, "a version id"),
        "1 to 64 letters, digits, - and _");
    Map<String, SecretValue> copy = new LinkedHashMap<>(Checks.map("fields", fields, "named secret values"));
    Checks.require(!copy.isEmpty(), "fields", copy.keySet(), "at least one field");
    for (String name : copy.keySet()) {
      Checks.matches(FIELD, "fields", name, "field names of 1 to 128 letters, digits, '.', '-' and '_'");
    }
    fields = Collections.unmodifiableMap(copy);
  }

  /**
   * One field.
   *
   * @param name the field name
   * @return its value
   * @throws ValidationException when there is no such field
   */
  public SecretValue field(String name) {
    SecretValue value = fields.get(name);
    if (value == null) {
      throw ValidationException.of("field", name, "one of " + fields.keySet());
    }
    return value;
  }

  /**
   * The fields as one JSON object ({@code {"AccessKeyId":"...","SecretAccessKey":"..."}}), the shape
   * Secrets Manager's console and SDKs expect for key/value secrets; itself a secret.
   *
   * @return the JSON text as a secret
   */
  public SecretValue asJson() {
    StringBuilder json = new StringBuilder("{");
    fields.forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      quote(json, name).append(':');
      quote(json, value.reveal());
    });
    return SecretValue.of("secret", json.append('}').toString());
  }

  private static StringBuilder quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** {@code Secret[versionId=..., fields=[AccessKeyId, SecretAccessKey]]}: names only. */
  @Override
  public String toString() {
    return "Secret[versionId=" + versionId + ", fields=" + fields.keySet() + "]";
  }
}
