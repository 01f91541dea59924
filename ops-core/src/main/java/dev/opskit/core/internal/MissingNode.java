package dev.opskit.core.internal;

import org.jspecify.annotations.Nullable;

/** No value: what {@code path} gives for an absent member or index, and what empty text parses to. */
final class MissingNode extends JsonNode {
  static final MissingNode INSTANCE = new MissingNode();

  private MissingNode() {}

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.MISSING;
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
    return o instanceof MissingNode;
  }

  @Override
  public int hashCode() {
    return 1;
  }
}
