package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.cost.Costs;
import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.CostResult;
import dev.opskit.cost.explorer.DateWindows;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.report.CostReport;
import dev.opskit.cost.report.ReportSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/**
 * The guide's "Daily Cost Reporting" as a typed, cost-aware report: the guide's 2024 query refused with the window
 * allowed today, a week of daily cost by service (moto serves {@code GetCostAndUsage} only from results queued
 * through its own API, so the step queues a sample week first), the report as text, and its Markdown, CSV, JSON,
 * PNG and SVG forms written to {@code target/cost/}; the same query again is served from the cache, free.
 */
public final class CostExample implements TourStep {
  /** Where the report's forms are written. */
  static final Path OUTPUT = Path.of("target", "cost");
  /** The sample's services and their daily amounts (USD). */
  private static final String[][] SERVICES = {
      {"Amazon Elastic Compute Cloud - Compute", "41.2375"}, {"Amazon Relational Database Service", "18.5"},
      {"Amazon Simple Storage Service", "6.1234"}, {"Amazon Elastic Kubernetes Service", "4.8"},
      {"AWS Lambda", "0.4221"}, {"Amazon CloudWatch", "1.75"}, {"Amazon DynamoDB", "0.93"}};

  @Override
  public String title() {
    return "Cost: the guide's daily cost by service as a typed, paged, cost-aware report with charts";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    Costs costs = Costs.using(ctx);
    try {
      costs.explorer().query(CostQuery.dailyByService(TimePeriod.parse("2024-01-01", "2024-01-31")));
    } catch (ValidationException e) {
      out.println("  the guide's January 2024 is history: " + e.getMessage());
    }

    LocalDate today = DateWindows.today(ctx.clock());
    TimePeriod week = TimePeriod.of(today.minusDays(7), today);
    queueSampleWeek(ctx, week, out);

    ReportSpec spec = ReportSpec.of(week).top(4).forecast(false).build();
    CostReport report = costs.report(spec);
    report.text().lines().forEach(line -> out.println("  " + line));
    write(report);
    out.println("  wrote " + OUTPUT.resolve("cost-report.{txt,md,csv,json,png,svg}"));

    CostResult again = costs.explorer().query(CostQuery.builder().timePeriod(week).metrics(spec.metric())
        .groupBy(GroupBy.dimension(Dimension.SERVICE)).filter(CostFilter.withoutCreditsAndRefunds()).build());
    out.println("  the report's query again: " + again.describeCost());
    out.println("  this run's Cost Explorer requests: " + costs.explorer().budget().used() + " of "
        + costs.explorer().budget().limit() + " allowed (" + costs.explorer().budget().cost() + ")");
  }

  static void write(CostReport report) {
    try {
      Files.createDirectories(OUTPUT);
      Files.writeString(OUTPUT.resolve("cost-report.txt"), report.text(), StandardCharsets.UTF_8);
      Files.writeString(OUTPUT.resolve("cost-report.md"), report.markdown(), StandardCharsets.UTF_8);
      Files.writeString(OUTPUT.resolve("cost-report.csv"), report.csv(), StandardCharsets.UTF_8);
      Files.writeString(OUTPUT.resolve("cost-report.json"), report.json(), StandardCharsets.UTF_8);
      Files.write(OUTPUT.resolve("cost-report.png"), report.png(1000, 500));
      Files.writeString(OUTPUT.resolve("cost-report.svg"), report.svg(1000, 500), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Queues a sample week in moto's Cost Explorer (the current week grouped by service, then the week before as one
   * total per day): moto answers {@code GetCostAndUsage} only with results queued this way.
   */
  private static void queueSampleWeek(OpsContext ctx, TimePeriod week, PrintStream out) {
    URI endpoint = ctx.endpointOverride().orElse(null);
    if (endpoint == null) {
      out.println("  no emulator endpoint: the report shows what the account's Cost Explorer answers");
      return;
    }
    List<String> days = new ArrayList<>();
    int n = 0;
    for (LocalDate day = week.start(); day.isBefore(week.end()); day = day.plusDays(1), n++) {
      List<String> groups = new ArrayList<>();
      for (String[] service : SERVICES) {
        String amount = new BigDecimal(service[1]).add(BigDecimal.valueOf(n % 3 == 2 ? 12 : 0))
            .toPlainString();
        groups.add("{\"Keys\":[\"" + service[0] + "\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"" + amount
            + "\",\"Unit\":\"USD\"}}}");
      }
      days.add(String.format(Locale.ROOT, "{\"TimePeriod\":{\"Start\":\"%s\",\"End\":\"%s\"},\"Total\":{},"
          + "\"Groups\":[%s],\"Estimated\":%s}", day, day.plusDays(1), String.join(",", groups),
          day.plusDays(2).isAfter(week.end())));
    }
    String current = "{\"ResultsByTime\":[" + String.join(",", days) + "],\"DimensionValueAttributes\":[]}";
    String previous = "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"" + week.previous().start() + "\",\"End\":\""
        + week.previous().end() + "\"},\"Total\":{\"UnblendedCost\":{\"Amount\":\"450.00\",\"Unit\":\"USD\"}},"
        + "\"Groups\":[],\"Estimated\":false}],\"DimensionValueAttributes\":[]}";
    String body = "{\"results\":[" + current + "," + previous + "]}";
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              endpoint.resolve("/moto-api/static/ce/cost-and-usage-results"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      out.println("  queued a sample week in the emulator's Cost Explorer (HTTP " + answer.statusCode() + ")");
    } catch (IOException e) {
      out.println("  could not queue the sample week (" + e.getMessage() + "); the report shows what the emulator answers");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
