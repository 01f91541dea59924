package dev.opskit.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.monitoring.alarm.GuideFiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardDefinitionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Nested
  class GuideBlock {
    @Test
    @SuppressWarnings("unchecked")
    void loadsAsIsAndWritesBackAnEqualJsonTree() throws Exception {
      String block = GuideFiles.read("core-metrics-dashboard.json");

      DashboardDefinition overview = DashboardDefinition.fromBodyJson("infrastructure-overview", block);

      assertThat(overview.widgets()).hasSize(1);
      Widget widget = overview.widgets().get(0);
      assertThat(widget.type()).isEqualTo("metric");
      assertThat(widget.x()).isNull();
      assertThat(widget.properties()).containsEntry("title", "Infrastructure Overview").containsEntry("period", 300)
          .containsEntry("region", "us-east-1");
      assertThat((List<Object>) widget.properties().get("metrics")).hasSize(5).contains((Object) List.of("AWS/EKS", "cluster_node_count"));
      assertThat(MAPPER.readTree(overview.bodyJson())).isEqualTo(MAPPER.readTree(block));
    }

    @Test
    void toBuilderKeepsTheWidgetsAsReadSoItBuildsAnEqualDashboard() {
      DashboardDefinition overview = DashboardPresets.coreMetrics();

      assertThat(overview.toBuilder().build()).isEqualTo(overview);
      DashboardDefinition more = overview.toBuilder().widget(Widget.text("notes")).build();
      assertThat(more.widgets().get(0)).isEqualTo(overview.widgets().get(0));
      assertThat(more.widgets().get(1).x()).isZero();
      assertThat(more.widgets().get(1).y()).isZero();
    }

    @Test
    void isThePreset() {
      assertThat(DashboardPresets.coreMetrics())
          .isEqualTo(DashboardDefinition.fromBodyJson("infrastructure-overview", GuideFiles.read("core-metrics-dashboard.json")));
    }

    @Test
    void theBuilderMakesTheSameWidget() {
      Widget built = Widget.metric()
          .metric("AWS/EC2", "CPUUtilization").metric("AWS/RDS", "CPUUtilization")
          .metric("AWS/ApplicationELB", "RequestCount").metric("AWS/Lambda", "Duration")
          .metric("AWS/EKS", "cluster_node_count")
          .period(Duration.ofMinutes(5)).stat("Average").region("us-east-1").title("Infrastructure Overview")
          .build();

      assertThat(built).isEqualTo(DashboardPresets.coreMetrics().widgets().get(0));
    }
  }

  @Nested
  class BadBodies {
    @Test
    void aNullBodyIsAValidationError() {
      assertThatThrownBy(() -> DashboardDefinition.fromBodyJson("ops", null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid DashboardBody: null. Allowed: JSON");
    }

    @Test
    void aNumberBeyondTheDoublesIsRejectedNotWrittenBackAsInfinity() {
      assertThatThrownBy(() -> DashboardDefinition.fromBodyJson("ops", "{\"widgets\":[],\"periodOverride\":1e400}"))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid DashboardBody.periodOverride: 'Infinity'. Allowed: a finite number (JSON has no NaN or Infinity)");
      assertThatThrownBy(() -> DashboardDefinition.fromBodyJson("ops",
              "{\"widgets\":[{\"type\":\"text\",\"properties\":{\"markdown\":\"x\",\"size\":[1,-1e999]}}]}"))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widgets[0].properties.size: '-Infinity'. Allowed: a finite number (JSON has no NaN or Infinity)");
      assertThatThrownBy(() -> Dashboards.define("ops").option("periodOverride", Double.NaN).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid options.periodOverride: 'NaN'. Allowed: a finite number (JSON has no NaN or Infinity)");
    }

    @Test
    void numbersAreKeptAsTheirJsonReadsBackSoEveryAcceptedBodyRoundTrips() {
      DashboardDefinition d = Dashboards.define("ops")
          .widget(Widget.of("custom", Map.of("a", 5L, "b", 1.5f, "c", new java.math.BigDecimal("2.25"),
              "d", java.math.BigInteger.TEN.pow(30), "e", (short) 3)))
          .option("start", "-PT6H").option("big", Long.MAX_VALUE)
          .build();

      assertThat(d.widgets().get(0).properties()).containsEntry("a", 5).containsEntry("b", 1.5).containsEntry("c", 2.25)
          .containsEntry("d", java.math.BigInteger.TEN.pow(30)).containsEntry("e", 3);
      assertThat(DashboardDefinition.fromBodyJson("ops", d.bodyJson())).isEqualTo(d);
    }

    @Test
    void nestingTooDeepOrCyclicIsAValidationErrorNotAStackOverflow() {
      Object deep = "x";
      for (int i = 0; i < 100_000; i++) {
        deep = List.of(deep);
      }
      Object nested = deep;
      Map<String, Object> cyclic = new java.util.HashMap<>();
      cyclic.put("self", cyclic);
      String message = "Allowed: at most 100 levels of nested lists and maps";

      assertThatThrownBy(() -> Widget.of("custom", Map.of("deep", nested)))
          .isExactlyInstanceOf(ValidationException.class).hasMessageEndingWith(message);
      assertThatThrownBy(() -> Widget.of("custom", cyclic))
          .isExactlyInstanceOf(ValidationException.class).hasMessageEndingWith(message);
      assertThatThrownBy(() -> DashboardDefinition.fromBodyJson("ops", "{\"widgets\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"))
          .isExactlyInstanceOf(ValidationException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void absentWidgetsOptionsAndPropertiesAreValidationErrors() {
      assertThatThrownBy(() -> Dashboards.define("ops").widget(null)).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget: null. Allowed: a widget");
      assertThatThrownBy(() -> Dashboards.define("ops").option(null, "auto")).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid options: null. Allowed: an option name, such as periodOverride");
      assertThatThrownBy(() -> Dashboards.define("ops").option("start", null)).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid options.start: null. Allowed: a plain JSON value");
      assertThatThrownBy(() -> Widget.of("custom", null)).isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid widget.properties: null. Allowed: a map of plain JSON values");
      assertThatThrownBy(() -> Widget.alarmStatus("t", null)).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.alarms: null. Allowed: 1 to 100 alarm ARNs");
      assertThatThrownBy(() -> Widget.metric().metric("AWS/EC2", "CPUUtilization", (String[]) null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.metrics: null. Allowed: dimension names and values in pairs");
      assertThatThrownBy(() -> Widget.metric().property("stacked", null)).isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.stacked: null. Allowed: a plain JSON value");
      Map<Object, Object> numberKey = new java.util.HashMap<>();
      numberKey.put(1, "one");
      @SuppressWarnings("unchecked")
      Map<String, ?> disguised = (Map<String, ?>) (Map<?, ?>) numberKey;
      assertThatThrownBy(() -> Widget.of("custom", Map.of("m", disguised))).isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid widget.properties.m: 'java.lang.Integer'. Allowed: maps with String keys");
    }

    @Test
    void aWidgetBelowTheLastRowTheGridCanHoldIsAValidationError() {
      assertThatThrownBy(() -> Dashboards.define("ops").widget(Widget.text("a").at(0, Integer.MAX_VALUE - 1))
              .widget(Widget.text("b")).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.y: '2147483652'. Allowed: a row the grid can hold (at most 2147483647)");
    }
  }

  @Nested
  class Layout {
    @Test
    void unplacedWidgetsFlowOnTheGridBelowPlacedOnes() {
      DashboardDefinition d = Dashboards.define("ops")
          .widget(Widget.text("# Production").size(24, 2).at(0, 0))
          .widget(Widget.text("a").size(12, 6))
          .widget(Widget.text("b").size(12, 4))
          .widget(Widget.text("c"))
          .widget(Widget.alarmStatus("Critical", List.of(Arn.parse("arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization"))))
          .build();

      assertThat(d.widgets()).extracting(w -> w.x() + "," + w.y() + " " + w.width() + "x" + w.height())
          .containsExactly("0,0 24x2", "0,2 12x6", "12,2 12x4", "0,8 6x6", "6,8 6x6");
      assertThat(d.widgets().get(4).properties()).containsEntry("alarms",
          List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPUUtilization"));
    }

    @Test
    void laidOutWidgetsNeverOverflowTheGrid() {
      qt().forAll(lists().of(integers().between(1, 24)).ofSizeBetween(0, 40)).check(widths -> {
        DashboardDefinition.Builder b = Dashboards.define("grid");
        widths.forEach(w -> b.widget(Widget.text("w").size(w, 3)));
        return b.build().widgets().stream().allMatch(w -> w.x() + w.width() <= Widget.COLUMNS);
      });
    }

    @Test
    void aBuiltDashboardRoundTripsThroughItsBody() {
      DashboardDefinition d = Dashboards.define("ops").option("periodOverride", "inherit")
          .widget(Widget.metric().metric("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "prod-database")
              .region("us-east-1").stat("p99").property("stacked", true).build())
          .build();

      assertThat(DashboardDefinition.fromBodyJson("ops", d.bodyJson())).isEqualTo(d);
      assertThat(d.toBuilder().build()).isEqualTo(d);
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Infrastructure Overview|{\"widgets\":[]}|Invalid DashboardName: 'Infrastructure Overview'. Allowed: 1 to 255 letters, digits, hyphens and underscores",
        "ok|{}|Invalid widgets: null. Allowed: an array of widgets",
        "ok|{\"widgets\":[{\"type\":\"metric\",\"properties\":{\"metrics\":[[\"AWS/EC2\",\"CPUUtilization\"]]}}]}|Invalid widget.properties.region: null",
        "ok|{\"widgets\":[{\"type\":\"text\",\"x\":20,\"y\":0,\"width\":6,\"height\":6,\"properties\":{\"markdown\":\"x\"}}]}|Invalid widget.x: '20'. Allowed: x + width at most 24",
        "ok|{\"widgets\":[{\"type\":\"text\",\"width\":25,\"height\":6,\"properties\":{}}]}|Invalid widget.width: '25'. Allowed: 1 to 24 columns",
        "ok|{\"widgets\":[{\"type\":\"text\",\"colour\":\"red\"}]}|Invalid widgets[0].colour: 'unknown field'",
        "ok|{\"widgets\":[{\"kind\":\"text\"}]}|Invalid widgets[0].kind: 'unknown field'",
        "ok|not json|Invalid DashboardBody: 'not json'"})
    void rejectsWhatCloudWatchRejects(String name, String body, String message) {
      assertThatThrownBy(() -> DashboardDefinition.fromBodyJson(name, body))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith(message);
    }

    @Test
    void aMetricWidgetPeriodIsOneCloudWatchAccepts() {
      for (int seconds = 0; seconds <= 3600; seconds++) {
        boolean valid = seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30 || (seconds > 0 && seconds % 60 == 0);
        Duration period = Duration.ofSeconds(seconds);
        if (valid) {
          assertThat(Widget.metric().period(period)).as("%d s", seconds).isNotNull();
        } else {
          assertThatThrownBy(() -> Widget.metric().period(period)).as("%d s", seconds)
              .isInstanceOf(ValidationException.class)
              .hasMessage("Invalid widget.properties.period: '" + period + "'. Allowed: 1, 5, 10 or 30 seconds "
                  + "(high-resolution metrics) or a positive multiple of 60 seconds up to 2147483640");
        }
      }
    }

    @Test
    void aMetricWidgetNeedsAMetric() {
      assertThatThrownBy(() -> Widget.metric().region("us-east-1").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.metrics: '0 metrics'. Allowed: 1 to 100 metrics");
      Widget.MetricBuilder many = Widget.metric().region("us-east-1");
      for (int i = 0; i < 100; i++) {
        many.metric("AWS/EC2", "CPUUtilization", "InstanceId", "i-" + i);
      }
      assertThat(((List<?>) many.build().properties().get("metrics"))).hasSize(100);
      assertThatThrownBy(() -> many.metric("AWS/EC2", "CPUUtilization").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.metrics: '101 metrics'. Allowed: 1 to 100 metrics");
      assertThat(Widget.of("custom", Map.of("endpoint", "arn:aws:lambda:us-east-1:123456789012:function:w")).type())
          .isEqualTo("custom");
      assertThatThrownBy(() -> Widget.of("custom", Map.of("params", Map.of("since", Duration.ofHours(1)))))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid widget.properties.params.since: 'java.time.Duration'. Allowed: plain JSON values: "
              + "String, Number, Boolean, List, Map or null");
    }
  }
}
