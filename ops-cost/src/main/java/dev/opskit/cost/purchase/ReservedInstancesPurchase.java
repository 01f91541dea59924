package dev.opskit.cost.purchase;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;

/**
 * A purchase EC2 accepted.
 *
 * @param reservedInstancesId the id of the Reserved Instances bought
 * @param offeringId the offering
 * @param instanceCount the instances
 * @param expectedTotal the total the buyer confirmed
 */
public record ReservedInstancesPurchase(String reservedInstancesId, String offeringId, int instanceCount,
    Amount expectedTotal) {
  /**
   * Validates.
   *
   * @param reservedInstancesId the id
   * @param offeringId the offering
   * @param instanceCount the count
   * @param expectedTotal the total
   */
  public ReservedInstancesPurchase {
    Checks.present("reservedInstancesId", reservedInstancesId, "an id");
    Checks.present("offeringId", offeringId, "an offering id");
    Checks.present("expectedTotal", expectedTotal, "an amount");
  }
}
