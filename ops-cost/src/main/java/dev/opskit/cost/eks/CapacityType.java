package dev.opskit.cost.eks;

import dev.opskit.core.value.Checks;

/**
 * A node group's capacity type, an open set as AWS reports it: the documented constants, any other text kept as AWS
 * sent it ({@link #of} never throws on non-empty text).
 *
 * @param value the text, such as {@code SPOT}
 */
public record CapacityType(String value) {
  /** On-Demand Instances. */
  public static final CapacityType ON_DEMAND = new CapacityType("ON_DEMAND");
  /** Spot Instances. */
  public static final CapacityType SPOT = new CapacityType("SPOT");
  /** Capacity Blocks for ML. */
  public static final CapacityType CAPACITY_BLOCK = new CapacityType("CAPACITY_BLOCK");

  /**
   * Validates.
   *
   * @param value the text, such as {@code SPOT}
   * @throws dev.opskit.core.ValidationException when the text is missing or blank
   */
  public CapacityType {
    Checks.length("capacityType", value, 1, 64);
    Checks.require(!value.isBlank(), "capacityType", value, "ON_DEMAND, SPOT or CAPACITY_BLOCK");
  }

  /**
   * The capacity type of a text.
   *
   * @param value the text
   * @return the capacity type
   */
  public static CapacityType of(String value) {
    return new CapacityType(value);
  }

  /** {@return whether this is one of the documented constants} */
  public boolean isKnown() {
    return equals(ON_DEMAND) || equals(SPOT) || equals(CAPACITY_BLOCK);
  }

  @Override
  public String toString() {
    return value;
  }
}
