package dev.opskit.cost.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.cost.CostOptions;
import dev.opskit.cost.Costs;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1: the guide's daily-by-service query over three pages scripted in moto
 * ({@code POST /moto-api/static/ce/cost-and-usage-results}) returns every row once, reports three requests and
 * USD 0.03, and a second identical query is served from the cache. A proxy in front of moto counts what was sent.
 */
@OpsEmulatorTest
class CostExplorerPagingIT {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final TimePeriod NOVEMBER_START = TimePeriod.parse("2026-11-01", "2026-11-04");
  private static final List<String> SERVICES = List.of("Amazon Elastic Compute Cloud - Compute",
      "Amazon Simple Storage Service", "Amazon Relational Database Service");

  private FaultInjectingProxy proxy;
  private OpsContext ctx;

  @BeforeEach
  void start(Emulator emulator) {
    proxy = FaultInjectingProxy.start(emulator.endpoint());
    ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stop() {
    ctx.close();
    proxy.close();
  }

  @Test
  void theGuidesQueryOverThreePagesReturnsEveryRowOnceCountsThreeRequestsAndIsCachedAfter(Emulator emulator)
      throws Exception {
    script(emulator, List.of(page("2026-11-01", "p2"), page("2026-11-02", "p3"), page("2026-11-03", null)));
    Costs costs = Costs.using(ctx);

    CostResult first = costs.explorer().query(CostQuery.dailyByService(NOVEMBER_START));

    assertThat(first.rows()).hasSize(9).doesNotHaveDuplicates();
    assertThat(first.rows().stream().map(r -> r.day() + " " + r.key()).collect(Collectors.toSet()))
        .hasSize(9)
        .contains("2026-11-01 Amazon Simple Storage Service", "2026-11-03 Amazon Relational Database Service");
    assertThat(first.rows()).allSatisfy(r -> assertThat(r.metric()).isEqualTo(CostMetric.BLENDED_COST));
    assertThat(first.total(CostMetric.BLENDED_COST)).isEqualTo(Amount.usd(new BigDecimal("18.0909090909")));
    assertThat(first.requests()).isEqualTo(3);
    assertThat(first.cost()).isEqualTo(Amount.usd(new BigDecimal("0.03")));
    assertThat(first.describeCost()).isEqualTo("3 Cost Explorer request(s) (USD 0.03)");
    assertThat(costs.explorer().budget().used()).isEqualTo(3);
    List<FaultInjectingProxy.Request> sent = sentToCostExplorer();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).body()).contains("\"Granularity\":\"DAILY\"", "\"Metrics\":[\"BlendedCost\"]",
        "\"GroupBy\":[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}]", "\"Start\":\"2026-11-01\"").doesNotContain("NextPageToken");
    assertThat(sent.get(1).body()).contains("\"NextPageToken\":\"p2\"");
    assertThat(sent.get(2).body()).contains("\"NextPageToken\":\"p3\"");

    CostResult second = costs.explorer().query(CostQuery.dailyByService(NOVEMBER_START));

    assertThat(second.fromCache()).isTrue();
    assertThat(second.rows()).isEqualTo(first.rows());
    assertThat(second.requests()).isZero();
    assertThat(second.describeCost()).isEqualTo("0 Cost Explorer request(s) (USD 0.00), served from the cache");
    assertThat(sentToCostExplorer()).as("nothing more sent").hasSize(3);
    assertThat(costs.explorer().requestsAtLeast(CostQuery.dailyByService(NOVEMBER_START))).isZero();
  }

  @Test
  void everyCostsOfAContextTreeSharesTheRunsBudgetAndCache(Emulator emulator) throws Exception {
    script(emulator, List.of(page("2026-11-01", "p2"), page("2026-11-02", "p3"), page("2026-11-03", null)));
    Costs.using(ctx).explorer().query(CostQuery.dailyByService(NOVEMBER_START));

    Costs another = Costs.using(ctx);
    Costs derived = Costs.using(ctx.withDryRun(true));

    assertThat(another.explorer().budget().used()).as("the context's budget, not a fresh one").isEqualTo(3);
    assertThat(derived.explorer().budget()).isSameAs(another.explorer().budget());
    assertThat(another.explorer().query(CostQuery.dailyByService(NOVEMBER_START)).fromCache()).isTrue();
    assertThat(sentToCostExplorer()).as("nothing more sent").hasSize(3);
    assertThat(Costs.using(ctx, CostOptions.builder().requestBudget(5).build()).explorer().budget().used())
        .as("options of the caller's own: their own budget").isZero();
  }

  @Test
  void theStreamReadsPagesOnlyAsItIsConsumed(Emulator emulator) throws Exception {
    script(emulator, List.of(page("2026-11-01", "p2"), page("2026-11-02", "p3"), page("2026-11-03", null)));
    Costs costs = Costs.using(ctx);

    try (Stream<CostRow> rows = costs.explorer().stream(CostQuery.dailyByService(NOVEMBER_START))) {
      assertThat(sentToCostExplorer()).as("nothing before the first row is needed").isEmpty();
      assertThat(rows.limit(4).toList()).hasSize(4);
    }

    assertThat(sentToCostExplorer()).as("the first page and the second").hasSize(2);
    assertThat(costs.explorer().budget().used()).isEqualTo(2);
  }

  @Test
  void aBudgetOfTwoRefusesTheThirdPageBeforeSendingIt(Emulator emulator) throws Exception {
    script(emulator, List.of(page("2026-11-01", "p2"), page("2026-11-02", "p3"), page("2026-11-03", null)));
    Costs costs = Costs.using(ctx, CostOptions.builder().requestBudget(2).build());

    assertThatThrownBy(() -> costs.explorer().query(CostQuery.dailyByService(NOVEMBER_START)))
        .isInstanceOf(RequestBudgetExceededException.class)
        .hasMessage("Refused ce:GetCostAndUsage: the Cost Explorer request budget of 2 request(s) (USD 0.02) for this"
            + " run is used up; nothing was sent. Raise it with CostOptions.requestBudget(..), or narrow the query"
            + " (a shorter period, fewer group-by keys).");
    assertThat(sentToCostExplorer()).hasSize(2);
  }

  @Test
  void aDryRunSendsNothingAndSaysHowManyRequestsAtLeast() {
    Costs costs = Costs.using(ctx.withDryRun(true));

    CostResult planned = costs.explorer().query(CostQuery.dailyByService(NOVEMBER_START));

    assertThat(planned.dryRun()).isTrue();
    assertThat(planned.rows()).isEmpty();
    assertThat(planned.requestsAtLeast()).isEqualTo(1);
    assertThat(planned.describeCost()).isEqualTo(
        "dry run: at least 1 Cost Explorer request(s) (at least USD 0.01), none sent");
    assertThat(sentToCostExplorer()).isEmpty();
  }

  private List<FaultInjectingProxy.Request> sentToCostExplorer() {
    return proxy.received().stream()
        .filter(r -> r.header("X-Amz-Target").orElse("").equals("AWSInsightsIndexService.GetCostAndUsage"))
        .toList();
  }

  /** One page of AWS's GetCostAndUsage answer: one day, three services. */
  private static String page(String day, String next) {
    LocalDate start = LocalDate.parse(day);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < SERVICES.size(); i++) {
      String amount = String.format(Locale.ROOT, "%d.%010d", i + 1, 101010101L);
      groups.add("{\"Keys\":[\"" + SERVICES.get(i) + "\"],\"Metrics\":{\"BlendedCost\":{\"Amount\":\"" + amount
          + "\",\"Unit\":\"USD\"}}}");
    }
    return "{\"GroupDefinitions\":[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}],"
        + (next == null ? "" : "\"NextPageToken\":\"" + next + "\",")
        + "\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"" + start + "\",\"End\":\"" + start.plusDays(1)
        + "\"},\"Total\":{},\"Groups\":[" + String.join(",", groups) + "],\"Estimated\":false}],"
        + "\"DimensionValueAttributes\":[]}";
  }

  static void script(Emulator emulator, List<String> pages) throws IOException, InterruptedException {
    URI uri = emulator.endpoint().resolve("/moto-api/static/ce/cost-and-usage-results");
    String body = "{\"results\":[" + String.join(",", pages) + "]}";
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
