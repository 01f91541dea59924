package dev.opskit.core.internal;

import org.jspecify.annotations.Nullable;

/** A JSON string. */
final class TextNode extends JsonNode {
  private final String value;

  TextNode(String value) {
    this.value = value;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.STRING;
  }

  @Override
  public String textValue() {
    return value;
  }

  @Override
  public String asText() {
    return value;
  }

  @Override
  public String asText(String defaultValue) {
    return value;
  }

  @Override
  public int asInt(int defaultValue) {
    return (int) asLong(defaultValue);
  }

  @Override
  public long asLong(long defaultValue) {
    String s = value.trim();
    if (s.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return (long) Double.parseDouble(s);
      } catch (NumberFormatException e2) {
        return defaultValue;
      }
    }
  }

  @Override
  public double asDouble(double defaultValue) {
    String s = value.trim();
    if (s.isEmpty()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  @Override
  public boolean asBoolean(boolean defaultValue) {
    String s = value.trim();
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    return defaultValue;
  }

  @Override
  public JsonNode deepCopy() {
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TextNode t && t.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
