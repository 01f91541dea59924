/**
 * The guarded Reserved Instance purchase: look the offering up ({@code DescribeReservedInstancesOfferings}), show
 * its price, term and upfront cost in a {@link dev.opskit.cost.purchase.PurchaseQuote}, and buy only with a
 * {@link dev.opskit.cost.purchase.PurchaseConfirmation} naming the offering, the count and the expected total;
 * through the gate (audited), sent once (never retried, as a retried purchase could buy twice), and in a dry run
 * only EC2's own {@code DryRun} request is sent.
 */
@NullMarked
package dev.opskit.cost.purchase;

import org.jspecify.annotations.NullMarked;
