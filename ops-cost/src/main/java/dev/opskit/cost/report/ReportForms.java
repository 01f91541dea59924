package dev.opskit.cost.report;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.internal.Json;
import dev.opskit.cost.explorer.Amount;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/** The report's text, Markdown, CSV and JSON forms, all from the same numbers. */
final class ReportForms {
  /** The CSV header. */
  static final String[] CSV_HEADER = {"record", "date", "name", "amount", "unit", "estimated"};

  private ReportForms() {}

  static String text(CostReport r, boolean markdown) {
    StringBuilder out = new StringBuilder();
    ReportSpec spec = r.spec();
    String unit = r.total().unit();
    String title = "Cost report " + spec.period().start() + " to " + spec.period().end() + " (end exclusive), "
        + spec.metric().awsName() + ", credits and refunds " + (spec.includeCreditsAndRefunds() ? "included" : "excluded");
    out.append(markdown ? "# " : "").append(title).append('\n');
    if (markdown) {
      out.append('\n');
    }
    if (r.dryRun()) {
      out.append("Dry run: nothing was sent; the report would make at least ").append(r.requestsAtLeast())
          .append(" Cost Explorer request(s) (at least USD ")
          .append(dev.opskit.cost.explorer.CostResult.costOf(r.requestsAtLeast()).value().toPlainString()).append(").\n");
      notes(r, markdown, out);
      return out.toString();
    }
    out.append(markdown ? "**Total: " + money(r.total()) + "**\n\n" : "Total: " + money(r.total()) + "\n");
    out.append(markdown ? "## Top " + spec.top() + " services\n\n| service | amount | share |\n|---|---:|---:|\n"
        : "Top " + spec.top() + " services:\n");
    for (CostReport.ServiceCost s : r.services()) {
      out.append(markdown ? "| " + cell(s.name()) + " | " + money(s.amount()) + " | " + s.sharePercent().toPlainString()
          + " % |\n" : String.format(Locale.ROOT, "  %-50s %16s %7s %%%n", s.name(), money(s.amount()),
              s.sharePercent().toPlainString()));
    }
    if (markdown) {
      out.append('\n');
    }
    r.periodChange().ifPresent(c -> out.append(markdown ? "## Against the previous period\n\n" : "")
        .append("Change against ").append(c.previous().start()).append(" to ").append(c.previous().end()).append(" (")
        .append(money(c.previousTotal())).append("): ").append(signed(c.delta())).append(' ').append(unit)
        .append(c.percent() == null ? "" : " (" + signed(c.percent()) + " %)")
        .append(c.flagged() ? " [flagged]" : "").append(markdown ? "\n\n" : "\n"));
    out.append(markdown ? "## Daily\n\n| date | total | day over day | |\n|---|---:|---:|---|\n" : "Daily:\n");
    for (int i = 0; i < r.daily().size(); i++) {
      CostReport.DailyCost d = r.daily().get(i);
      CostReport.DayChange c = i == 0 ? null : r.dayOverDay().get(i - 1);
      String change = c == null ? "" : signed(c.delta()) + (c.percent() == null ? "" : " (" + signed(c.percent()) + " %)");
      String marks = (d.estimated() ? "estimated" : "") + (c != null && c.flagged() ? (d.estimated() ? ", " : "") + "flagged" : "");
      out.append(markdown ? "| " + d.day() + " | " + money(d.total()) + " | " + change + " | " + marks + " |\n"
          : String.format(Locale.ROOT, "  %s %16s %24s %s%n", d.day(), money(d.total()), change, marks).stripTrailing()
              + "\n");
    }
    if (markdown) {
      out.append('\n');
    }
    r.forecast().ifPresent(f -> out.append(markdown ? "## Forecast\n\n" : "").append("Forecast ")
        .append(f.period().start()).append(" to ").append(f.period().end()).append(": ").append(money(f.mean()))
        .append(f.lower() == null || f.upper() == null ? ""
            : " (" + f.intervalLevel() + " % interval " + f.lower().rounded().toPlainString() + " to "
                + f.upper().rounded().toPlainString() + ")")
        .append(markdown ? "\n\n" : "\n"));
    out.append("API requests: ").append(r.requests()).append(" (USD ").append(r.requestCost().value().toPlainString())
        .append(")\n");
    notes(r, markdown, out);
    return out.toString();
  }

  private static void notes(CostReport r, boolean markdown, StringBuilder out) {
    for (String note : r.notes()) {
      out.append(markdown ? "\n> " : "Note: ").append(note).append('\n');
    }
  }

  static String csv(CostReport r) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      String unit = r.total().unit();
      csv.printRecord("total", r.spec().period().start(), "", exact(r.total().value()), unit, "");
      for (CostReport.ServiceCost s : r.services()) {
        csv.printRecord("service", r.spec().period().start(), s.name(), exact(s.amount().value()), unit, "");
      }
      for (CostReport.DailyCost d : r.daily()) {
        for (Map.Entry<String, BigDecimal> e : d.byService().entrySet()) {
          csv.printRecord("daily", d.day(), e.getKey(), exact(e.getValue()), unit, d.estimated());
        }
      }
      if (r.periodChange().isPresent()) {
        CostReport.PeriodChange c = r.periodChange().get();
        csv.printRecord("previous_total", c.previous().start(), "", exact(c.previousTotal().value()), unit, "");
      }
      if (r.forecast().isPresent()) {
        CostReport.ForecastSummary f = r.forecast().get();
        csv.printRecord("forecast", f.period().start(), "", exact(f.mean().value()), f.mean().unit(), "true");
      }
      csv.printRecord("request_cost", r.spec().period().start(), r.requests() + " requests",
          exact(r.requestCost().value()), "USD", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String json(CostReport r) {
    ObjectNode root = Json.object();
    ObjectNode period = root.putObject("period");
    period.put("start", r.spec().period().start().toString());
    period.put("end", r.spec().period().end().toString());
    root.put("metric", r.spec().metric().awsName());
    root.put("unit", r.total().unit());
    root.put("creditsAndRefundsExcluded", !r.spec().includeCreditsAndRefunds());
    root.put("dryRun", r.dryRun());
    root.put("total", exact(r.total().value()));
    ArrayNode services = root.putArray("services");
    for (CostReport.ServiceCost s : r.services()) {
      services.addObject().put("name", s.name()).put("amount", exact(s.amount().value()))
          .put("sharePercent", s.sharePercent().toPlainString());
    }
    ArrayNode daily = root.putArray("daily");
    for (int i = 0; i < r.daily().size(); i++) {
      CostReport.DailyCost d = r.daily().get(i);
      ObjectNode day = daily.addObject().put("date", d.day().toString()).put("total", exact(d.total().value()))
          .put("estimated", d.estimated());
      ObjectNode by = day.putObject("services");
      d.byService().forEach((k, v) -> by.put(k, exact(v)));
      if (i > 0) {
        CostReport.DayChange c = r.dayOverDay().get(i - 1);
        day.put("change", exact(c.delta())).put("changePercent", text(c.percent())).put("flagged", c.flagged());
      }
    }
    r.periodChange().ifPresent(c -> root.putObject("periodChange")
        .put("previousStart", c.previous().start().toString()).put("previousEnd", c.previous().end().toString())
        .put("previousTotal", exact(c.previousTotal().value())).put("change", exact(c.delta()))
        .put("changePercent", text(c.percent())).put("flagged", c.flagged()));
    r.forecast().ifPresent(f -> root.putObject("forecast").put("start", f.period().start().toString())
        .put("end", f.period().end().toString()).put("mean", exact(f.mean().value()))
        .put("lower", f.lower() == null ? null : exact(f.lower().value()))
        .put("upper", f.upper() == null ? null : exact(f.upper().value())).put("intervalLevel", f.intervalLevel()));
    root.put("requests", r.requests());
    root.put("requestsAtLeast", r.requestsAtLeast());
    root.put("requestCost", exact(r.requestCost().value()));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    return Json.writePretty(root);
  }

  static String money(Amount amount) {
    return amount.rounded().toPlainString() + " " + amount.unit();
  }

  static String exact(BigDecimal value) {
    return value.toPlainString();
  }

  private static @Nullable String text(@Nullable BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String signed(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN);
    return (rounded.signum() >= 0 ? "+" : "") + rounded.toPlainString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
