package dev.opskit.core.internal;

import org.jspecify.annotations.Nullable;

/** JSON {@code null}. */
final class NullNode extends JsonNode {
  static final NullNode INSTANCE = new NullNode();

  private NullNode() {}

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.NULL;
  }

  @Override
  public String asText() {
    return "null";
  }

  @Override
  public String asText(String defaultValue) {
    return defaultValue;
  }

  @Override
  public JsonNode deepCopy() {
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NullNode;
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
