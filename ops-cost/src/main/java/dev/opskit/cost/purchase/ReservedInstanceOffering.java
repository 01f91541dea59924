package dev.opskit.cost.purchase;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A Reserved Instance offering as EC2 describes it. EC2 sends prices as floating-point numbers; they are kept as
 * the shortest decimal that reads back as the same number ({@code 500.0}, {@code 0.03}).
 *
 * @param id the offering id ({@code ReservedInstancesOfferingId})
 * @param instanceType such as {@code m5.large}
 * @param availabilityZone the zone of a zonal offering, or null for a regional one
 * @param scope {@code Region} or {@code Availability Zone}
 * @param term the term ({@code Duration}: one or three years)
 * @param fixedPrice the upfront price per instance
 * @param usagePrice the hourly usage price per instance (zero for today's offerings)
 * @param hourlyRecurring the hourly recurring charges per instance
 * @param currency such as {@code USD}
 * @param offeringType {@code All Upfront}, {@code Partial Upfront} or {@code No Upfront}
 * @param offeringClass {@code standard} or {@code convertible}
 * @param productDescription such as {@code Linux/UNIX}
 * @param marketplace whether a third-party seller offers it on the Reserved Instance Marketplace
 */
public record ReservedInstanceOffering(String id, String instanceType, @Nullable String availabilityZone, String scope,
    Duration term, BigDecimal fixedPrice, BigDecimal usagePrice, BigDecimal hourlyRecurring, String currency,
    String offeringType, String offeringClass, String productDescription, boolean marketplace) {

  /**
   * Validates.
   *
   * @param id the offering id
   * @param instanceType the instance type
   * @param availabilityZone the zone, or null
   * @param scope the scope
   * @param term the term
   * @param fixedPrice the upfront price
   * @param usagePrice the hourly usage price
   * @param hourlyRecurring the hourly recurring charges
   * @param currency the currency
   * @param offeringType the payment option
   * @param offeringClass the class
   * @param productDescription the platform
   * @param marketplace whether from the marketplace
   */
  public ReservedInstanceOffering {
    Checks.present("id", id, "an offering id");
    Checks.present("instanceType", instanceType, "an instance type");
    Checks.present("scope", scope, "a scope");
    Checks.present("term", term, "a term");
    Checks.present("fixedPrice", fixedPrice, "a price");
    Checks.present("usagePrice", usagePrice, "a price");
    Checks.present("hourlyRecurring", hourlyRecurring, "a price");
    Checks.present("currency", currency, "a currency");
    Checks.present("offeringType", offeringType, "a payment option");
    Checks.present("offeringClass", offeringClass, "a class");
    Checks.present("productDescription", productDescription, "a platform");
  }

  /** {@return the hours of the term} */
  public long termHours() {
    return term.toHours();
  }

  /**
   * What buying instances of this offering costs over the whole term: the upfront price plus the hourly charges
   * for every hour of the term, times the count.
   *
   * @param instanceCount the instances
   * @return the exact total
   */
  public BigDecimal totalFor(int instanceCount) {
    BigDecimal hourly = usagePrice.add(hourlyRecurring).multiply(BigDecimal.valueOf(termHours()));
    return fixedPrice.add(hourly).multiply(BigDecimal.valueOf(instanceCount));
  }
}
