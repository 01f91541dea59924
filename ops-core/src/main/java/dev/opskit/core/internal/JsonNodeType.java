package dev.opskit.core.internal;

/** The kind of a {@link JsonNode}, named as Jackson names its node types. */
public enum JsonNodeType {
  /** A JSON array. */
  ARRAY,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** No value at all: what {@link JsonNode#path(String)} returns for an absent member. */
  MISSING,
  /** JSON {@code null}. */
  NULL,
  /** A JSON number. */
  NUMBER,
  /** A JSON object. */
  OBJECT,
  /** A JSON string. */
  STRING
}
