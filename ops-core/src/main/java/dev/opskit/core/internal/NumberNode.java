package dev.opskit.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** A JSON number, held as Jackson holds it: an int, a long, a BigInteger, a double or a BigDecimal. */
final class NumberNode extends JsonNode {
  enum Kind { INT, LONG, BIG_INTEGER, DOUBLE, DECIMAL }

  private final Kind kind;
  private final Number value;

  private NumberNode(Kind kind, Number value) {
    this.kind = kind;
    this.value = value;
  }

  static NumberNode of(int value) {
    return new NumberNode(Kind.INT, value);
  }

  static NumberNode of(long value) {
    return new NumberNode(Kind.LONG, value);
  }

  static NumberNode of(double value) {
    return new NumberNode(Kind.DOUBLE, value);
  }

  static NumberNode of(BigInteger value) {
    return new NumberNode(Kind.BIG_INTEGER, value);
  }

  static NumberNode of(BigDecimal value) {
    return new NumberNode(Kind.DECIMAL, value);
  }

  Kind kind() {
    return kind;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.NUMBER;
  }

  @Override
  public boolean isIntegralNumber() {
    return kind == Kind.INT || kind == Kind.LONG || kind == Kind.BIG_INTEGER;
  }

  @Override
  public boolean isInt() {
    return kind == Kind.INT;
  }

  @Override
  public boolean isLong() {
    return kind == Kind.LONG;
  }

  @Override
  public boolean isFloatingPointNumber() {
    return kind == Kind.DOUBLE || kind == Kind.DECIMAL;
  }

  @Override
  public boolean isDouble() {
    return kind == Kind.DOUBLE;
  }

  @Override
  public boolean isBigDecimal() {
    return kind == Kind.DECIMAL;
  }

  @Override
  public Number numberValue() {
    return value;
  }

  @Override
  public int intValue() {
    return value.intValue();
  }

  @Override
  public long longValue() {
    return value.longValue();
  }

  @Override
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public BigDecimal decimalValue() {
    return switch (kind) {
      case INT, LONG -> BigDecimal.valueOf(value.longValue());
      case BIG_INTEGER -> new BigDecimal((BigInteger) value);
      case DOUBLE -> BigDecimal.valueOf(value.doubleValue());
      case DECIMAL -> (BigDecimal) value;
    };
  }

  @Override
  public BigInteger bigIntegerValue() {
    return switch (kind) {
      case INT, LONG -> BigInteger.valueOf(value.longValue());
      case BIG_INTEGER -> (BigInteger) value;
      case DOUBLE -> BigDecimal.valueOf(value.doubleValue()).toBigInteger();
      case DECIMAL -> ((BigDecimal) value).toBigInteger();
    };
  }

  @Override
  public boolean canConvertToInt() {
    return fits(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public boolean canConvertToLong() {
    return fits(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Whether the value's integral part lies in {@code [min, max]}, compared as Jackson compares each kind. */
  private boolean fits(long min, long max) {
    return switch (kind) {
      case INT, LONG -> value.longValue() >= min && value.longValue() <= max;
      case DOUBLE -> value.doubleValue() >= min && value.doubleValue() <= max;
      case BIG_INTEGER, DECIMAL -> decimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
          && decimalValue().compareTo(BigDecimal.valueOf(max)) <= 0;
    };
  }

  @Override
  public String asText() {
    return value.toString();
  }

  @Override
  public String asText(String defaultValue) {
    return asText();
  }

  @Override
  public int asInt(int defaultValue) {
    return intValue();
  }

  @Override
  public long asLong(long defaultValue) {
    return longValue();
  }

  @Override
  public double asDouble(double defaultValue) {
    return doubleValue();
  }

  @Override
  public boolean asBoolean(boolean defaultValue) {
    return switch (kind) {
      case INT, LONG -> value.longValue() != 0;
      case BIG_INTEGER -> ((BigInteger) value).signum() != 0;
      case DOUBLE, DECIMAL -> defaultValue;
    };
  }

  @Override
  public JsonNode deepCopy() {
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof NumberNode n) || n.kind != kind) {
      return false;
    }
    return switch (kind) {
      case DOUBLE -> Double.compare(n.value.doubleValue(), value.doubleValue()) == 0;
      case DECIMAL -> ((BigDecimal) n.value).compareTo((BigDecimal) value) == 0;
      default -> n.value.equals(value);
    };
  }

  @Override
  public int hashCode() {
    return kind == Kind.DECIMAL ? Double.hashCode(value.doubleValue()) : value.hashCode();
  }
}
