package dev.opskit.cost.purchase;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a purchase would buy and cost, from a fresh lookup of the offering: show it ({@link #describe()}) and
 * confirm it with {@link #confirmation()}'s terms, typed by the person who read it.
 *
 * @param offering the offering
 * @param instanceCount how many instances
 */
public record PurchaseQuote(ReservedInstanceOffering offering, int instanceCount) {
  /** The most instances one purchase may buy. */
  public static final int MAX_INSTANCES = 1000;

  /**
   * Validates.
   *
   * @param offering the offering
   * @param instanceCount 1 to 1,000
   * @throws dev.opskit.core.ValidationException when the offering is missing or the count is out of range
   */
  public PurchaseQuote {
    Checks.present("offering", offering, "a Reserved Instance offering");
    Checks.range("instanceCount", instanceCount, 1, MAX_INSTANCES, "1 to " + MAX_INSTANCES + " instances");
  }

  /** {@return the upfront payment for all instances} */
  public Amount upfront() {
    return new Amount(offering.fixedPrice().multiply(BigDecimal.valueOf(instanceCount)), offering.currency());
  }

  /** {@return the expected total over the term, rounded to cents: what the confirmation must name} */
  public Amount expectedTotal() {
    return new Amount(offering.totalFor(instanceCount).setScale(2, RoundingMode.HALF_EVEN), offering.currency());
  }

  /** {@return the confirmation that matches this quote (for the person who read {@link #describe()} to give)} */
  public PurchaseConfirmation confirmation() {
    return new PurchaseConfirmation(offering.id(), instanceCount, expectedTotal().value(), offering.currency());
  }

  /** {@return the price, term and upfront cost, and the confirmation a purchase needs} */
  public String describe() {
    ReservedInstanceOffering o = offering;
    String each = o.currency() + " ";
    BigDecimal hourly = o.usagePrice().add(o.hourlyRecurring());
    return "Reserved Instance offering " + o.id() + ": " + instanceCount + " x " + o.instanceType() + " "
        + o.productDescription() + ", " + o.scope() + (o.availabilityZone() == null ? "" : " " + o.availabilityZone())
        + ", " + o.offeringClass() + ", " + o.offeringType() + (o.marketplace() ? ", Reserved Instance Marketplace" : "")
        + "; term " + o.term().toDays() + " days (" + o.termHours() + " hours); upfront " + each
        + o.fixedPrice().toPlainString() + " per instance (" + upfront() + "); hourly " + each
        + hourly.toPlainString() + " per instance; expected total " + expectedTotal() + ". To buy, confirm "
        + confirmation() + ".";
  }
}
