package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.purchase.PurchaseConfirmation;
import dev.opskit.cost.purchase.PurchaseQuote;
import dev.opskit.cost.purchase.ReservedInstanceOffering;
import dev.opskit.cost.purchase.ReservedInstancePurchases;
import dev.opskit.cost.purchase.ReservedInstancesPurchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.PurchaseReservedInstancesOfferingRequest;
import software.amazon.awssdk.services.ec2.model.PurchaseReservedInstancesOfferingResponse;
import software.amazon.awssdk.services.ec2.model.RecurringCharge;
import software.amazon.awssdk.services.ec2.model.RecurringChargeFrequency;
import software.amazon.awssdk.services.ec2.model.ReservedInstanceLimitPrice;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesOffering;

/** {@link ReservedInstancePurchases}: lookup, confirmation, one unretried purchase through the gate, DryRun probe. */
final class ReservedInstancePurchasesImpl implements ReservedInstancePurchases {
  static final String DESCRIBE = "ec2:DescribeReservedInstancesOfferings";
  static final String PURCHASE = "ec2:PurchaseReservedInstancesOffering";
  private static final Pattern OFFERING_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final OpsContext ctx;

  ReservedInstancePurchasesImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  private Ec2Client ec2() {
    return ctx.client(Ec2Client.class, Ec2Client::builder);
  }

  @Override
  public PurchaseQuote quote(String offeringId, int instanceCount) {
    String id = Checks.matches(OFFERING_ID, "offeringId", Checks.length("offeringId", offeringId, 1, 64),
        "a Reserved Instance offering id (letters, digits and dashes, such as 438012d3-4052-4cc7-b2e3-8d3372e0e706)");
    Checks.range("instanceCount", instanceCount, 1, PurchaseQuote.MAX_INSTANCES, "1 to " + PurchaseQuote.MAX_INSTANCES
        + " instances");
    return new PurchaseQuote(lookUp(id), instanceCount);
  }

  private ReservedInstanceOffering lookUp(String id) {
    Ec2Client ec2 = ec2();
    DescribeReservedInstancesOfferingsRequest request = DescribeReservedInstancesOfferingsRequest.builder()
        .reservedInstancesOfferingIds(id).build();
    ReservedInstancesOffering found = Reads.read(DESCRIBE, id, () -> ec2.describeReservedInstancesOfferingsPaginator(request)
        .reservedInstancesOfferings().stream().filter(o -> id.equals(o.reservedInstancesOfferingId())).findFirst()
        .orElse(null));
    if (found == null) {
      throw new ResourceNotFoundException("EC2 has no Reserved Instance offering " + id + " in " + ctx.region()
          + "; look offerings up with describe-reserved-instances-offerings", DESCRIBE, id, null);
    }
    return offering(found);
  }

  @Override
  public ChangeResult<ReservedInstancesPurchase> purchase(PurchaseQuote quote,
      @Nullable PurchaseConfirmation confirmation) {
    Checks.present("quote", quote, "the PurchaseQuote that was shown");
    if (confirmation == null) {
      throw ValidationException.of("confirmation", null, "an explicit confirmation naming the offering, the count and"
          + " the expected total: " + quote.confirmation());
    }
    if (!confirmation.matches(quote)) {
      throw ValidationException.of("confirmation", confirmation, "the quote's own terms, " + quote.confirmation()
          + " (offering, instance count and expected total must agree)");
    }
    ReservedInstanceOffering offering = quote.offering();
    PurchaseReservedInstancesOfferingRequest.Builder b = PurchaseReservedInstancesOfferingRequest.builder()
        .reservedInstancesOfferingId(offering.id())
        .instanceCount(quote.instanceCount());
    if (offering.marketplace()) {
      b.limitPrice(ReservedInstanceLimitPrice.builder().amount(quote.expectedTotal().value().doubleValue())
          .currencyCode(offering.currency()).build());
    }
    PurchaseReservedInstancesOfferingRequest request = b.overrideConfiguration(o -> o.addPlugin(NoRetries.PLUGIN))
        .build();
    Ec2Client ec2 = ec2();
    if (!ctx.isDryRun()) {
      // The quote may be old, or not EC2's at all (a PurchaseQuote can be built by hand): buy only what EC2 offers now.
      ReservedInstanceOffering live = lookUp(offering.id());
      if (!live.equals(offering)) {
        throw new ResourceStateException("the offering is not what was quoted (EC2 now describes it as " + live
            + "); quote it again and confirm the new terms; nothing was bought", PURCHASE, offering.id(), null);
      }
    } else {
      DryRunProbe.check(PURCHASE, offering.id(), request.toBuilder().dryRun(true).build(),
          ec2::purchaseReservedInstancesOffering);
    }
    ChangeResult<PurchaseReservedInstancesOfferingResponse> result;
    try {
      result = ctx.gate().submit(Change.of(PURCHASE, offering.id(), request, ec2::purchaseReservedInstancesOffering)
          .build());
    } catch (OpsException e) {
      if (ambiguous(e)) {
        throw new ResourceStateException("the purchase of " + quote.instanceCount() + " x " + offering.instanceType()
            + " (offering " + offering.id() + ", " + quote.expectedTotal() + ") got no clear answer and was not retried,"
            + " as a retried purchase could buy twice; check the account's Reserved Instances"
            + " (aws ec2 describe-reserved-instances) before trying again. " + e.getMessage(), PURCHASE, offering.id(), e);
      }
      throw e;
    }
    return result.map(answer -> new ReservedInstancesPurchase(
        answer.reservedInstancesId() == null ? "" : answer.reservedInstancesId(), offering.id(), quote.instanceCount(),
        quote.expectedTotal()));
  }

  /** Whether a failure may hide a purchase that happened: no answer, or a server error. */
  private static boolean ambiguous(OpsException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service) {
        return service.statusCode() >= 500;
      }
    }
    return e.awsErrorCode() == null;
  }

  static ReservedInstanceOffering offering(ReservedInstancesOffering o) {
    BigDecimal hourly = BigDecimal.ZERO;
    for (RecurringCharge charge : o.recurringCharges()) {
      if (charge.frequency() == RecurringChargeFrequency.HOURLY && charge.amount() != null) {
        hourly = hourly.add(new BigDecimal(Double.toString(charge.amount())));
      }
    }
    return new ReservedInstanceOffering(
        text(o.reservedInstancesOfferingId()),
        o.instanceTypeAsString() == null ? "" : o.instanceTypeAsString(),
        o.availabilityZone(),
        o.scopeAsString() == null ? "Region" : o.scopeAsString(),
        Duration.ofSeconds(o.duration() == null ? 0 : o.duration()),
        decimal(o.fixedPrice()),
        decimal(o.usagePrice()),
        hourly,
        o.currencyCodeAsString() == null ? "USD" : o.currencyCodeAsString(),
        text(o.offeringTypeAsString()),
        text(o.offeringClassAsString()),
        text(o.productDescriptionAsString()),
        Boolean.TRUE.equals(o.marketplace()));
  }

  private static BigDecimal decimal(@Nullable Float value) {
    return value == null ? BigDecimal.ZERO : new BigDecimal(Float.toString(value));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
