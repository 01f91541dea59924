package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/**
 * A Cost Explorer filter {@code Expression} as a value: {@link And}, {@link Or} and {@link Not} over
 * {@link DimensionIs dimension}, {@link TagIs tag} and {@link CostCategoryIs cost category} conditions.
 *
 * <pre>{@code
 * CostFilter noCredits = CostFilter.not(CostFilter.dimension(Dimension.RECORD_TYPE, "Credit", "Refund"));
 * CostFilter prodEc2 = CostFilter.and(
 *     CostFilter.dimension(Dimension.SERVICE, "Amazon Elastic Compute Cloud - Compute"),
 *     CostFilter.tag("Environment", "prod"));
 * }</pre>
 */
public sealed interface CostFilter {

  /** Values of one condition: at least one, each 1 to 1,024 characters. */
  int MAX_VALUE_LENGTH = 1024;

  /**
   * All of the operands hold (AWS requires at least two).
   *
   * @param operands the operands
   */
  record And(List<CostFilter> operands) implements CostFilter {
    /**
     * Validates and copies.
     *
     * @param operands the operands
     * @throws ValidationException with fewer than two operands
     */
    public And {
      operands = CostFilter.checkedOperands("and", operands);
    }
  }

  /**
   * Any of the operands holds (AWS requires at least two).
   *
   * @param operands the operands
   */
  record Or(List<CostFilter> operands) implements CostFilter {
    /**
     * Validates and copies.
     *
     * @param operands the operands
     * @throws ValidationException with fewer than two operands
     */
    public Or {
      operands = CostFilter.checkedOperands("or", operands);
    }
  }

  /**
   * The operand does not hold.
   *
   * @param operand the operand
   */
  record Not(CostFilter operand) implements CostFilter {
    /**
     * Validates.
     *
     * @param operand the operand
     * @throws ValidationException when it is missing
     */
    public Not {
      Checks.present("filter.not", operand, "a filter expression");
    }
  }

  /**
   * A dimension has one of the values.
   *
   * @param dimension the dimension, such as {@link Dimension#SERVICE}
   * @param values the values, such as {@code Amazon Elastic Compute Cloud - Compute}
   */
  record DimensionIs(Dimension dimension, List<String> values) implements CostFilter {
    /**
     * Validates and copies.
     *
     * @param dimension the dimension
     * @param values the values
     * @throws ValidationException when the dimension is unknown or a value is missing or too long
     */
    public DimensionIs {
      Checks.present("filter.dimensions.key", dimension, "a Cost Explorer dimension: " + Dimensions.allowed());
      if (dimension == Dimension.UNKNOWN_TO_SDK_VERSION) {
        throw ValidationException.of("filter.dimensions.key", dimension, "a Cost Explorer dimension: " + Dimensions.allowed());
      }
      values = CostFilter.checkedValues("filter.dimensions.values", values);
    }
  }

  /**
   * A cost allocation tag has one of the values.
   *
   * @param key the tag key
   * @param values the values
   */
  record TagIs(String key, List<String> values) implements CostFilter {
    /**
     * Validates and copies.
     *
     * @param key the tag key
     * @param values the values
     * @throws ValidationException when the key or a value is missing or too long
     */
    public TagIs {
      Checks.length("filter.tags.key", key, 1, MAX_VALUE_LENGTH);
      values = CostFilter.checkedValues("filter.tags.values", values);
    }
  }

  /**
   * A cost category has one of the values.
   *
   * @param key the cost category name
   * @param values the values
   */
  record CostCategoryIs(String key, List<String> values) implements CostFilter {
    /**
     * Validates and copies.
     *
     * @param key the cost category name
     * @param values the values
     * @throws ValidationException when the name or a value is missing or too long
     */
    public CostCategoryIs {
      Checks.length("filter.costCategories.key", key, 1, MAX_VALUE_LENGTH);
      values = CostFilter.checkedValues("filter.costCategories.values", values);
    }
  }

  /**
   * All of the operands hold.
   *
   * @param operands at least two
   * @return the expression
   */
  static CostFilter and(CostFilter... operands) {
    return new And(Checks.elements("filter.and", "at least two filter expressions", operands));
  }

  /**
   * Any of the operands holds.
   *
   * @param operands at least two
   * @return the expression
   */
  static CostFilter or(CostFilter... operands) {
    return new Or(Checks.elements("filter.or", "at least two filter expressions", operands));
  }

  /**
   * The operand does not hold.
   *
   * @param operand the operand
   * @return the expression
   */
  static CostFilter not(CostFilter operand) {
    return new Not(operand);
  }

  /**
   * A dimension has one of the values.
   *
   * @param dimension the dimension
   * @param values at least one
   * @return the expression
   */
  static CostFilter dimension(Dimension dimension, String... values) {
    return new DimensionIs(dimension, Checks.elements("filter.dimensions.values", "at least one value", values));
  }

  /**
   * A cost allocation tag has one of the values.
   *
   * @param key the tag key
   * @param values at least one
   * @return the expression
   */
  static CostFilter tag(String key, String... values) {
    return new TagIs(key, Checks.elements("filter.tags.values", "at least one value", values));
  }

  /**
   * A cost category has one of the values.
   *
   * @param name the cost category name
   * @param values at least one
   * @return the expression
   */
  static CostFilter costCategory(String name, String... values) {
    return new CostCategoryIs(name, Checks.elements("filter.costCategories.values", "at least one value", values));
  }

  /** {@return the filter that leaves credits and refunds out: {@code Not RECORD_TYPE in (Credit, Refund)}} */
  static CostFilter withoutCreditsAndRefunds() {
    return not(dimension(Dimension.RECORD_TYPE, "Credit", "Refund"));
  }

  private static List<CostFilter> checkedOperands(String field, List<CostFilter> operands) {
    List<CostFilter> copy = Checks.list("filter." + field, operands, "at least two filter expressions");
    if (copy.size() < 2) {
      throw ValidationException.of("filter." + field, copy.size() + " operand(s)",
          "at least two filter expressions (use the expression itself for one)");
    }
    return copy;
  }

  private static List<String> checkedValues(String field, List<String> values) {
    List<String> copy = Checks.list(field, values, "at least one value");
    if (copy.isEmpty()) {
      throw ValidationException.of(field, "[]", "at least one value");
    }
    for (String value : copy) {
      Checks.length(field, value, 1, MAX_VALUE_LENGTH);
    }
    return copy;
  }
}
