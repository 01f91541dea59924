package dev.opskit.core.internal;

import org.jspecify.annotations.Nullable;

/** {@code true} or {@code false}. */
final class BooleanNode extends JsonNode {
  static final BooleanNode TRUE = new BooleanNode(true);
  static final BooleanNode FALSE = new BooleanNode(false);

  private final boolean value;

  private BooleanNode(boolean value) {
    this.value = value;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.BOOLEAN;
  }

  @Override
  public boolean booleanValue() {
    return value;
  }

  @Override
  public boolean asBoolean(boolean defaultValue) {
    return value;
  }

  @Override
  public int asInt(int defaultValue) {
    return value ? 1 : 0;
  }

  @Override
  public long asLong(long defaultValue) {
    return value ? 1 : 0;
  }

  @Override
  public double asDouble(double defaultValue) {
    return value ? 1 : 0;
  }

  @Override
  public String asText() {
    return Boolean.toString(value);
  }

  @Override
  public String asText(String defaultValue) {
    return asText();
  }

  @Override
  public JsonNode deepCopy() {
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BooleanNode b && b.value == value;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(value);
  }
}
