package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/**
 * One group-by key of a query ({@code --group-by Type=DIMENSION,Key=SERVICE}); a query takes at most two.
 *
 * @param type what the key names: a dimension, a cost allocation tag or a cost category
 * @param key the dimension name ({@code SERVICE}), the tag key or the cost category name
 */
public record GroupBy(Type type, String key) {

  /** What a group-by key names, with AWS's {@code GroupDefinitionType} names. */
  public enum Type {
    /** A Cost Explorer dimension, such as {@code SERVICE}. */
    DIMENSION,
    /** A cost allocation tag key. */
    TAG,
    /** A cost category name. */
    COST_CATEGORY
  }

  /**
   * Validates.
   *
   * @param type what the key names
   * @param key the key
   * @throws ValidationException when a part is missing, a dimension is not one AWS knows or a key is too long
   */
  public GroupBy {
    Checks.present("groupBy.type", type, "DIMENSION, TAG or COST_CATEGORY");
    Checks.length("groupBy.key", key, 1, 1024);
    if (type == Type.DIMENSION && Dimension.fromValue(key) == Dimension.UNKNOWN_TO_SDK_VERSION) {
      throw ValidationException.of("groupBy.key", key, "a Cost Explorer dimension: " + Dimensions.allowed());
    }
  }

  /**
   * Groups by a dimension.
   *
   * @param dimension such as {@link Dimension#SERVICE}
   * @return the key
   */
  public static GroupBy dimension(Dimension dimension) {
    Checks.present("groupBy.key", dimension, "a Cost Explorer dimension: " + Dimensions.allowed());
    return new GroupBy(Type.DIMENSION, dimension.toString());
  }

  /**
   * Groups by a cost allocation tag.
   *
   * @param key the tag key
   * @return the key
   */
  public static GroupBy tag(String key) {
    return new GroupBy(Type.TAG, key);
  }

  /**
   * Groups by a cost category.
   *
   * @param name the cost category name
   * @return the key
   */
  public static GroupBy costCategory(String name) {
    return new GroupBy(Type.COST_CATEGORY, name);
  }

  /** {@code Type=DIMENSION,Key=SERVICE}, as the CLI writes it. */
  @Override
  public String toString() {
    return "Type=" + type + ",Key=" + key;
  }
}
