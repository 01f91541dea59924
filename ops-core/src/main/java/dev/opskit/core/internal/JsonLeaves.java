package dev.opskit.core.internal;

import org.jspecify.annotations.Nullable;

/** The immutable leaves of a {@link JsonNode} tree: strings, numbers, booleans, null and the missing node. */
final class JsonLeaves {
  private JsonLeaves() {}

  static JsonNode text(@Nullable String value) {
    return value == null ? NullNode.INSTANCE : new TextNode(value);
  }

  static JsonNode bool(boolean value) {
    return value ? BooleanNode.TRUE : BooleanNode.FALSE;
  }
}
