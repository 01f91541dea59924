package dev.opskit.cost.purchase;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.math.BigDecimal;

/**
 * The explicit confirmation a purchase needs: it names the offering, the count and the expected total (as the
 * quote showed it, to the cent). A purchase whose quote says anything else is refused.
 *
 * @param offeringId the offering id
 * @param instanceCount the instances
 * @param expectedTotal the total over the term the buyer agreed to
 * @param currency the currency, such as {@code USD}
 */
public record PurchaseConfirmation(String offeringId, int instanceCount, BigDecimal expectedTotal, String currency) {

  /**
   * Validates.
   *
   * @param offeringId the offering id
   * @param instanceCount the instances
   * @param expectedTotal the total
   * @param currency the currency
   * @throws ValidationException when a part is missing or negative
   */
  public PurchaseConfirmation {
    Checks.length("confirmation.offeringId", offeringId, 1, 64);
    Checks.range("confirmation.instanceCount", instanceCount, 1, PurchaseQuote.MAX_INSTANCES, "1 to 1000 instances");
    Checks.present("confirmation.expectedTotal", expectedTotal, "the expected total the quote showed");
    if (expectedTotal.signum() < 0 || !dev.opskit.cost.explorer.Amount.fits(expectedTotal)) {
      throw ValidationException.of("confirmation.expectedTotal", expectedTotal.signum() < 0 ? expectedTotal
          : "a number of precision " + expectedTotal.precision() + " and scale " + expectedTotal.scale(),
          "the expected total the quote showed, such as 1525.60");
    }
    Checks.length("confirmation.currency", currency, 1, 8);
  }

  /**
   * A confirmation in US dollars.
   *
   * @param offeringId the offering id
   * @param instanceCount the instances
   * @param expectedTotal the total, such as {@code "1525.60"}
   * @return the confirmation
   * @throws ValidationException when the total is not a decimal number
   */
  public static PurchaseConfirmation of(String offeringId, int instanceCount, String expectedTotal) {
    Checks.length("confirmation.expectedTotal", expectedTotal, 1, 32);
    try {
      return new PurchaseConfirmation(offeringId, instanceCount, new BigDecimal(expectedTotal), "USD");
    } catch (NumberFormatException e) {
      throw ValidationException.of("confirmation.expectedTotal", expectedTotal, "a decimal amount, such as 1525.60");
    }
  }

  /**
   * Whether this confirmation names exactly what a quote would buy.
   *
   * @param quote the quote
   * @return true when offering, count, currency and total (to the cent) agree
   */
  public boolean matches(PurchaseQuote quote) {
    return offeringId.equals(quote.offering().id()) && instanceCount == quote.instanceCount()
        && currency.equals(quote.offering().currency()) && expectedTotal.compareTo(quote.expectedTotal().value()) == 0;
  }

  /** {@code PurchaseConfirmation.of("id", 2, "1525.60")}. */
  @Override
  public String toString() {
    return "PurchaseConfirmation.of(\"" + offeringId + "\", " + instanceCount + ", \"" + expectedTotal.toPlainString()
        + "\")" + ("USD".equals(currency) ? "" : " in " + currency);
  }
}
