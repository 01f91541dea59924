package dev.opskit.cost.purchase;

import dev.opskit.core.change.ChangeResult;
import org.jspecify.annotations.Nullable;

/**
 * The guide's {@code aws ec2 purchase-reserved-instances-offering}, guarded. Obtain it from
 * {@code Costs.using(ctx).reservedInstances()}.
 *
 * <pre>{@code
 * PurchaseQuote quote = costs.reservedInstances().quote(offeringId, 2);   // DescribeReservedInstancesOfferings
 * System.out.println(quote.describe());                                    // price, term, upfront, total
 * // ... a person reads it and types the confirmation ...
 * ChangeResult<ReservedInstancesPurchase> bought =
 *     costs.reservedInstances().purchase(quote, PurchaseConfirmation.of(offeringId, 2, "1525.60"));
 * }</pre>
 */
public interface ReservedInstancePurchases {

  /**
   * Looks the offering up and quotes a purchase.
   *
   * @param offeringId the offering id
   * @param instanceCount 1 to 1,000 instances
   * @return the quote
   * @throws dev.opskit.core.ValidationException for a malformed id or count, before any call
   * @throws dev.opskit.core.ResourceNotFoundException when EC2 has no such offering in the context's region
   */
  PurchaseQuote quote(String offeringId, int instanceCount);

  /**
   * Buys what a quote describes, only when the confirmation names the same offering, count and total, and (outside a
   * dry run) only when EC2 still describes the offering exactly as quoted. Sent once
   * through the gate (audited) and never retried, by the SDK or the gate: a retried purchase could buy twice, so a
   * failure without a clear answer says to check the account's Reserved Instances before trying again. Marketplace
   * offerings carry the confirmed total as {@code LimitPrice}. In a dry-run context only EC2's own {@code DryRun}
   * request is sent: the answer is {@link ChangeResult.Planned} when EC2 says the purchase would succeed, and EC2's
   * refusal (such as missing permission) otherwise.
   *
   * @param quote the quote that was shown
   * @param confirmation the confirmation, naming offering, count and expected total; null is refused
   * @return the purchase, or in a dry run the planned call
   * @throws dev.opskit.core.ValidationException without a matching confirmation, before any call
   */
  ChangeResult<ReservedInstancesPurchase> purchase(PurchaseQuote quote, @Nullable PurchaseConfirmation confirmation);
}
