package dev.opskit.cost.purchase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.cost.Costs;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Acceptance 4, at EC2's query protocol (moto has no Reserved Instance offerings): refused without the
 * confirmation; with it one purchase call, audited; a dry run sends only the DryRun request.
 */
class ReservedInstancePurchaseTest {
  private static final String OFFERING = "438012d3-4052-4cc7-b2e3-8d3372e0e706";
  private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .auditSink(audit)
        .clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
        .build();
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeReservedInstancesOfferings"))
        .willReturn(xml(200, "<DescribeReservedInstancesOfferingsResponse " + NS + "><requestId>r-1</requestId>"
            + "<reservedInstancesOfferingsSet><item>"
            + "<reservedInstancesOfferingId>" + OFFERING + "</reservedInstancesOfferingId>"
            + "<instanceType>m5.large</instanceType><duration>31536000</duration><fixedPrice>500.0</fixedPrice>"
            + "<usagePrice>0.0</usagePrice><productDescription>Linux/UNIX</productDescription>"
            + "<instanceTenancy>default</instanceTenancy><currencyCode>USD</currencyCode>"
            + "<offeringType>Partial Upfront</offeringType>"
            + "<recurringCharges><item><frequency>Hourly</frequency><amount>0.03</amount></item></recurringCharges>"
            + "<marketplace>false</marketplace><pricingDetailsSet/><offeringClass>standard</offeringClass>"
            + "<scope>Region</scope></item></reservedInstancesOfferingsSet>"
            + "</DescribeReservedInstancesOfferingsResponse>")));
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private void purchaseAnswers(int status, String body) {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=PurchaseReservedInstancesOffering"))
        .willReturn(xml(status, body)));
  }

  private List<String> purchaseRequests() {
    return server.findAll(postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=PurchaseReservedInstancesOffering"))).stream()
        .map(LoggedRequest::getBodyAsString).map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void theQuoteShowsPriceTermUpfrontAndTheExpectedTotal() {
    PurchaseQuote quote = Costs.using(ctx).reservedInstances().quote(OFFERING, 2);

    assertThat(quote.upfront()).isEqualTo(Amount.usd(new BigDecimal("1000.0")));
    assertThat(quote.expectedTotal()).isEqualTo(Amount.usd(new BigDecimal("1525.60")));
    assertThat(quote.describe()).isEqualTo("Reserved Instance offering " + OFFERING + ": 2 x m5.large Linux/UNIX, Region,"
        + " standard, Partial Upfront; term 365 days (8760 hours); upfront USD 500.0 per instance (1000.00 USD); hourly"
        + " USD 0.03 per instance; expected total 1525.60 USD. To buy, confirm PurchaseConfirmation.of(\"" + OFFERING
        + "\", 2, \"1525.60\").");
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString())
        .contains("ReservedInstancesOfferingId.1=" + OFFERING);
  }

  @Test
  void withoutTheConfirmationThePurchaseIsRefusedAndNothingIsSent() {
    PurchaseQuote quote = Costs.using(ctx).reservedInstances().quote(OFFERING, 2);

    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances().purchase(quote, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid confirmation: null. Allowed: an explicit confirmation naming the offering, the count and the"
            + " expected total: PurchaseConfirmation.of(\"" + OFFERING + "\", 2, \"1525.60\")");
    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances()
        .purchase(quote, PurchaseConfirmation.of(OFFERING, 2, "1525.00")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid confirmation: 'PurchaseConfirmation.of(\"" + OFFERING + "\", 2, \"1525.00\")'. Allowed: the"
            + " quote's own terms, PurchaseConfirmation.of(\"" + OFFERING + "\", 2, \"1525.60\") (offering, instance"
            + " count and expected total must agree)");
    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances()
        .purchase(quote, PurchaseConfirmation.of(OFFERING, 3, "1525.60")))
        .isInstanceOf(ValidationException.class);
    assertThat(purchaseRequests()).isEmpty();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void withTheConfirmationOnePurchaseCallIsMadeAndAudited() {
    purchaseAnswers(200, "<PurchaseReservedInstancesOfferingResponse " + NS + "><requestId>req-7</requestId>"
        + "<reservedInstancesId>af9f760e-6f91-4559-85f7-4980eexample</reservedInstancesId>"
        + "</PurchaseReservedInstancesOfferingResponse>");
    ReservedInstancePurchases purchases = Costs.using(ctx).reservedInstances();
    PurchaseQuote quote = purchases.quote(OFFERING, 2);

    ChangeResult<ReservedInstancesPurchase> bought = purchases.purchase(quote, PurchaseConfirmation.of(OFFERING, 2, "1525.60"));

    assertThat(bought.isPlanned()).isFalse();
    assertThat(bought.orElseThrow()).isEqualTo(new ReservedInstancesPurchase("af9f760e-6f91-4559-85f7-4980eexample",
        OFFERING, 2, Amount.usd(new BigDecimal("1525.60"))));
    assertThat(purchaseRequests()).singleElement().satisfies(body -> assertThat(body)
        .contains("ReservedInstancesOfferingId=" + OFFERING, "InstanceCount=2").doesNotContain("DryRun", "LimitPrice"));
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("ec2:PurchaseReservedInstancesOffering");
      assertThat(e.target()).isEqualTo(OFFERING);
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.parameters()).containsEntry("InstanceCount", 2).containsEntry("ReservedInstancesOfferingId", OFFERING);
    });
  }

  @Test
  void aQuoteThatIsNotWhatEc2OffersNowIsRefusedAndNothingIsBought() {
    purchaseAnswers(200, "<PurchaseReservedInstancesOfferingResponse " + NS + "><requestId>req-7</requestId>"
        + "<reservedInstancesId>r-1</reservedInstancesId></PurchaseReservedInstancesOfferingResponse>");
    ReservedInstancePurchases purchases = Costs.using(ctx).reservedInstances();
    ReservedInstanceOffering real = purchases.quote(OFFERING, 1).offering();
    PurchaseQuote madeUp = new PurchaseQuote(new ReservedInstanceOffering(real.id(), real.instanceType(),
        real.availabilityZone(), real.scope(), real.term(), BigDecimal.ONE, real.usagePrice(), BigDecimal.ZERO,
        real.currency(), real.offeringType(), real.offeringClass(), real.productDescription(), real.marketplace()), 1);

    assertThatThrownBy(() -> purchases.purchase(madeUp, madeUp.confirmation()))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("the offering is not what was quoted")
        .hasMessageContaining("quote it again and confirm the new terms; nothing was bought");
    assertThat(purchaseRequests()).isEmpty();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void aDryRunSendsOnlyTheDryRunRequest() {
    purchaseAnswers(412, "<Response><Errors><Error><Code>DryRunOperation</Code><Message>Request would have succeeded,"
        + " but DryRun flag is set.</Message></Error></Errors><RequestID>req-8</RequestID></Response>");
    PurchaseQuote quote = Costs.using(ctx).reservedInstances().quote(OFFERING, 2);
    int before = server.getAllServeEvents().size();

    ChangeResult<ReservedInstancesPurchase> planned = Costs.using(ctx.withDryRun(true)).reservedInstances()
        .purchase(quote, quote.confirmation());

    assertThat(planned.isPlanned()).isTrue();
    assertThat(server.getAllServeEvents()).hasSize(before + 1);
    assertThat(purchaseRequests()).singleElement().satisfies(body -> assertThat(body)
        .contains("DryRun=true", "ReservedInstancesOfferingId=" + OFFERING, "InstanceCount=2"));
    assertThat(audit.events()).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.PLANNED);
  }

  @Test
  void aDryRunThatEc2RefusesSaysWhy() {
    purchaseAnswers(403, "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized"
        + " to perform this operation.</Message></Error></Errors><RequestID>req-9</RequestID></Response>");
    PurchaseQuote quote = Costs.using(ctx).reservedInstances().quote(OFFERING, 2);

    assertThatThrownBy(() -> Costs.using(ctx.withDryRun(true)).reservedInstances().purchase(quote, quote.confirmation()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("ec2:PurchaseReservedInstancesOffering");
    assertThat(purchaseRequests()).hasSize(1);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void aPurchaseWithoutAClearAnswerIsNeverRetried() {
    purchaseAnswers(500, "<Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred"
        + "</Message></Error></Errors><RequestID>req-10</RequestID></Response>");
    ReservedInstancePurchases purchases = Costs.using(ctx).reservedInstances();
    PurchaseQuote quote = purchases.quote(OFFERING, 2);

    assertThatThrownBy(() -> purchases.purchase(quote, quote.confirmation()))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("got no clear answer and was not retried, as a retried purchase could buy twice; check the"
            + " account's Reserved Instances (aws ec2 describe-reserved-instances) before trying again");
    assertThat(purchaseRequests()).as("the SDK's retries are off for the purchase").hasSize(1);
    assertThat(audit.events()).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.FAILED);
  }

  @Test
  void aPurchaseWhoseAnswerIsLostIsNeverRetried() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=PurchaseReservedInstancesOffering"))
        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    ReservedInstancePurchases purchases = Costs.using(ctx).reservedInstances();
    PurchaseQuote quote = purchases.quote(OFFERING, 2);

    assertThatThrownBy(() -> purchases.purchase(quote, quote.confirmation()))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("got no clear answer and was not retried");
    assertThat(purchaseRequests()).hasSize(1);
    assertThat(audit.events()).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.FAILED);
  }

  @Test
  void anUnknownOfferingIsNotFoundAndAMalformedIdIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances().quote("no such;offering", 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid offeringId: 'no such;offering'. Allowed: a Reserved Instance offering id");
    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances().quote(OFFERING, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid instanceCount: '0'. Allowed: 1 to 1000 instances");
    assertThat(server.getAllServeEvents()).isEmpty();
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeReservedInstancesOfferings"))
        .willReturn(xml(200, "<DescribeReservedInstancesOfferingsResponse " + NS + "><requestId>r-2</requestId>"
            + "<reservedInstancesOfferingsSet/></DescribeReservedInstancesOfferingsResponse>")));
    assertThatThrownBy(() -> Costs.using(ctx).reservedInstances().quote(OFFERING, 1))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("EC2 has no Reserved Instance offering " + OFFERING + " in us-east-1");
  }
}
