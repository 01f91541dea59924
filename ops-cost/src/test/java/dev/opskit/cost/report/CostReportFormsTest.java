package dev.opskit.cost.report;

import static dev.opskit.cost.report.ReportRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.ValidationException;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.TimePeriod;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Acceptance 2: text, CSV, JSON and Markdown agree on the numbers; the PNG and the SVG are what was asked for. */
class CostReportFormsTest {
  private static final ReportSpec SPEC = ReportSpec.of(TimePeriod.parse("2026-11-01", "2026-11-04")).top(2).build();
  private static final CostReport REPORT = CostReport.compute(SPEC, List.of(
      row("2026-11-01", "Amazon Elastic Compute Cloud - Compute", "10.504"),
      row("2026-11-01", "Amazon Simple Storage Service", "3.25"),
      row("2026-11-01", "Amazon Relational Database Service", "1"),
      row("2026-11-02", "Amazon Elastic Compute Cloud - Compute", "30.5"),
      row("2026-11-03", "Amazon Simple Storage Service", "2", true),
      row("2026-11-03", "AWS Lambda", "0.0001", true)),
      List.of(row("2026-10-29", "Amazon Elastic Compute Cloud - Compute", "20")),
      new CostReport.ForecastSummary(TimePeriod.parse("2026-12-01", "2027-01-01"), Amount.usd(new BigDecimal("500.123")),
          Amount.usd(new BigDecimal("450")), Amount.usd(new BigDecimal("550.5")), 80),
      4, List.of());

  @Test
  void theReportIsExactAndTheTopServicesPlusOtherMakeTheTotal() {
    assertThat(REPORT.total()).isEqualTo(Amount.usd(new BigDecimal("47.2541")));
    assertThat(REPORT.series()).containsExactly("Amazon Elastic Compute Cloud - Compute", "Amazon Simple Storage Service",
        CostReport.OTHER);
    assertThat(REPORT.services().get(2).amount().value()).isEqualByComparingTo("1.0001");
    assertThat(REPORT.periodChange().orElseThrow().delta()).isEqualByComparingTo("27.2541");
    assertThat(REPORT.requestCost()).isEqualTo(Amount.usd(new BigDecimal("0.04")));
  }

  @Test
  void textCsvJsonAndMarkdownAgreeOnTheNumbers() throws Exception {
    Map<String, BigDecimal> csvServices = new HashMap<>();
    Map<String, BigDecimal> csvDays = new HashMap<>();
    BigDecimal csvTotal = null;
    BigDecimal csvForecast = null;
    BigDecimal csvRequestCost = null;
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(REPORT.csv())).getRecords();
    for (CSVRecord r : records) {
      BigDecimal amount = new BigDecimal(r.get("amount"));
      switch (r.get("record")) {
        case "total" -> csvTotal = amount;
        case "service" -> csvServices.put(r.get("name"), amount);
        case "daily" -> csvDays.merge(r.get("date"), amount, BigDecimal::add);
        case "forecast" -> csvForecast = amount;
        case "request_cost" -> csvRequestCost = amount;
        default -> { }
      }
    }
    JsonNode json = new ObjectMapper().readTree(REPORT.json());

    assertThat(new BigDecimal(json.get("total").asText())).isEqualTo(csvTotal).isEqualTo(REPORT.total().value());
    assertThat(csvServices).hasSize(3);
    for (JsonNode service : json.get("services")) {
      assertThat(new BigDecimal(service.get("amount").asText())).isEqualTo(csvServices.get(service.get("name").asText()));
    }
    for (JsonNode day : json.get("daily")) {
      assertThat(new BigDecimal(day.get("total").asText())).isEqualByComparingTo(csvDays.get(day.get("date").asText()));
    }
    assertThat(new BigDecimal(json.get("forecast").get("mean").asText())).isEqualTo(csvForecast);
    assertThat(new BigDecimal(json.get("requestCost").asText())).isEqualTo(csvRequestCost);

    String text = REPORT.text();
    String markdown = REPORT.markdown();
    for (String form : List.of(text, markdown)) {
      assertThat(form).contains("Total: " + cents(csvTotal) + " USD");
      for (Map.Entry<String, BigDecimal> s : csvServices.entrySet()) {
        assertThat(lineOf(form, s.getKey())).contains(cents(s.getValue()) + " USD");
      }
      for (Map.Entry<String, BigDecimal> d : csvDays.entrySet()) {
        assertThat(lineOf(form, d.getKey())).contains(cents(d.getValue()) + " USD");
      }
      assertThat(form).contains("Forecast 2026-12-01 to 2027-01-01: " + cents(csvForecast) + " USD (80 % interval 450.00 to"
          + " 550.50)", "API requests: 4 (USD " + csvRequestCost.toPlainString() + ")");
    }
    assertThat(lineOf(markdown, "Amazon Simple Storage Service")).isEqualTo("| Amazon Simple Storage Service | 5.25 USD | 11.1 % |");
    assertThat(lineOf(text, "2026-11-03")).contains("-28.50 (-93.44 %)", "estimated, flagged");
  }

  @Test
  void thePngDecodesAsAnImageOfTheRequestedSize() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(REPORT.png(640, 360)));

    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
  }

  @Test
  void theSvgParsesAsXmlWithOneSeriesPerTopService() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document svg = factory.newDocumentBuilder().parse(new InputSource(new StringReader(REPORT.svg(800, 400))));

    assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("800.0");
    Set<String> series = new LinkedHashSet<>();
    NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      String ref = ((Element) groups.item(i)).getAttributeNS("http://www.jfree.org/jfreesvg/svg", "ref");
      if (ref.startsWith("series:")) {
        series.add(ref.substring("series:".length()));
      }
    }
    assertThat(series).containsExactlyInAnyOrderElementsOf(REPORT.series());
  }

  @Test
  void aChartSizeOutOfRangeIsRefused() {
    assertThatThrownBy(() -> REPORT.png(99, 400))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid width: '99'. Allowed: 100 to 4000 pixels");
    assertThatThrownBy(() -> REPORT.svg(800, 4001))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid height: '4001'. Allowed: 100 to 4000 pixels");
  }

  private static String cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String lineOf(String form, String key) {
    return form.lines().filter(l -> l.strip().startsWith(key) || l.startsWith("| " + key + " |")).findFirst().orElseThrow(() -> new AssertionError(key + " in " + form));
  }
}
