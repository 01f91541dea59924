package dev.opskit.cost.waste.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.internal.Json;
import dev.opskit.cost.waste.CostEstimate;
import dev.opskit.cost.waste.Price;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.PriceSource;
import dev.opskit.cost.waste.PriceUnit;
import dev.opskit.cost.waste.Prices;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Price List API source at the HTTP level (JSON 1.1, {@code AWSPriceListService.GetProducts}, answers shaped like
 * the API reference: {@code FormatVersion}, {@code PriceList} as JSON documents in strings, {@code NextToken}).
 */
class PriceListPricesTest {
  private static final String TARGET = "AWSPriceListService.GetProducts";

  private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private OpsContext ctx;

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl())).clock(clock)
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .build();
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  /** A Price List product document with one on-demand price dimension. */
  private static String product(String usageType, String unit, String usd) {
    return Json.write(Json.tree(java.util.Map.of(
        "product", java.util.Map.of("productFamily", "Storage", "attributes",
            java.util.Map.of("usagetype", usageType, "volumeApiName", "gp2", "regionCode", "eu-west-1")),
        "serviceCode", "AmazonEC2",
        "terms", java.util.Map.of("OnDemand", java.util.Map.of("SKU.JRTCKXETXF", java.util.Map.of(
            "priceDimensions", java.util.Map.of("SKU.JRTCKXETXF.6YS6EN2CT7", java.util.Map.of(
                "unit", unit, "beginRange", "0", "endRange", "Inf", "description", "per GB-month",
                "pricePerUnit", java.util.Map.of("USD", usd)))))))));
  }

  private static String page(List<String> products, String next) {
    var root = Json.object().put("FormatVersion", "aws_v1");
    var list = root.putArray("PriceList");
    products.forEach(list::add);
    if (next != null) {
      root.put("NextToken", next);
    }
    return Json.write(root);
  }

  private void answer(String scenarioState, String nextState, String body) {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .inScenario("pages").whenScenarioStateIs(scenarioState).willSetStateTo(nextState)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  @Test
  void asksWithTermMatchFiltersFollowsEveryPageAndCachesTheAnswer() {
    answer(Scenario.STARTED, "second", page(List.of(product("EU-EBS:VolumeUsage.gp2", "Hrs", "9.99")), "page-2"));
    answer("second", "done", page(List.of(product("EU-EBS:VolumeUsage.gp2", "GB-Mo", "0.11")), null));
    Prices prices = Prices.priceList(ctx);

    Price first = prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1).orElseThrow();
    Price second = prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1).orElseThrow();

    assertThat(first).isEqualTo(new Price(new BigDecimal("0.11"), PriceUnit.GB_MONTH, PriceSource.PRICE_LIST_API));
    assertThat(second.source()).isEqualTo(PriceSource.PRICE_LIST_CACHE);
    assertThat(second.usdPerUnit()).isEqualByComparingTo("0.11");
    server.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)));
    server.verify(postRequestedFor(urlEqualTo("/"))
        .withHeader("Authorization", matching(".*/us-east-1/pricing/aws4_request.*"))
        .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
        .withRequestBody(matchingJsonPath("$.FormatVersion", equalTo("aws_v1")))
        .withRequestBody(matchingJsonPath("$.Filters", equalToJson("["
            + "{\"Type\":\"TERM_MATCH\",\"Field\":\"regionCode\",\"Value\":\"eu-west-1\"},"
            + "{\"Type\":\"TERM_MATCH\",\"Field\":\"productFamily\",\"Value\":\"Storage\"},"
            + "{\"Type\":\"TERM_MATCH\",\"Field\":\"volumeApiName\",\"Value\":\"gp2\"}]"))));
    server.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2"))));
  }

  @Test
  void anAnswerOlderThanTheCacheTimeIsAskedAgain() {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(page(List.of(product("EU-EBS:VolumeUsage.gp2", "GB-Mo", "0.11")), null))));
    Prices prices = Prices.priceList(ctx, Duration.ofHours(1));

    prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1);
    clock.advance(Duration.ofMinutes(59));
    assertThat(prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1).orElseThrow().source())
        .isEqualTo(PriceSource.PRICE_LIST_CACHE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1).orElseThrow().source())
        .isEqualTo(PriceSource.PRICE_LIST_API);
    server.verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aProductOfAnotherUsageTypeOrNoProductIsNoPriceAndIsCachedToo() {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(page(List.of(product("EU-EBS:SnapshotArchiveStorage", "GB-Mo", "0.0125")), null))));
    Prices prices = Prices.priceList(ctx);

    assertThat(prices.find(PriceKey.ebsSnapshot(), Region.EU_WEST_1)).isEmpty();
    assertThat(prices.find(PriceKey.ebsSnapshot(), Region.EU_WEST_1)).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void aRefusedPriceListLeavesTheFindingUnpricedSayingWhy() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform pricing:GetProducts\"}")));
    Prices prices = Prices.priceList(ctx);
    assertThatThrownBy(() -> prices.find(PriceKey.elasticIp(), Region.EU_WEST_1)).isInstanceOf(AccessDeniedException.class);

    CostEstimate estimate = new Estimator(prices, Region.EU_WEST_1).estimate(PriceKey.elasticIp(), BigDecimal.ONE, "address");

    assertThat(estimate.source()).isEqualTo(PriceSource.UNPRICED);
    assertThat(estimate.monthlyUsd()).isEqualByComparingTo("0");
    assertThat(estimate.basis()).startsWith("no price for ELASTIC_IP/idle in eu-west-1: ")
        .contains("not authorized to perform pricing:GetProducts");
  }

  @Test
  void aTableFirstThenThePriceListForWhatTheTableLacks() {
    server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(page(List.of(product("EU-EBS:VolumeUsage.gp2", "GB-Mo", "0.11")), null))));
    Prices prices = Prices.table(dev.opskit.cost.waste.PriceTable.builder().price(PriceKey.elasticIp(), "0.005").build())
        .orElse(Prices.priceList(ctx));

    assertThat(prices.find(PriceKey.elasticIp(), Region.EU_WEST_1).orElseThrow().source()).isEqualTo(PriceSource.PRICE_TABLE);
    assertThat(prices.find(PriceKey.ebsVolume("gp2"), Region.EU_WEST_1).orElseThrow().source())
        .isEqualTo(PriceSource.PRICE_LIST_API);
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }
}
