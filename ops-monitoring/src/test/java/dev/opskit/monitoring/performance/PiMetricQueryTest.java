package dev.opskit.monitoring.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's metric query in the typed API, and the guide's mistake refused with what to write instead. */
class PiMetricQueryTest {
  /** The guide's {@code --metric-queries}, as printed. */
  static final String GUIDE = """
      [{
        "Metric": "db.SQL.Select.Avg_timer_wait.avg",
        "GroupBy": {"Group": "db.sql_tokenized.statement"}
      }]""";

  @Test
  void theGuidesMistakeIsRefusedSayingWhatToWriteInstead() {
    assertThatThrownBy(() -> PiMetricQuery.listFromJson(GUIDE))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid MetricQueries[0].GroupBy.Group: 'db.sql_tokenized.statement'. Allowed: a dimension group,"
            + " not a dimension: db.sql_tokenized.statement is a dimension of the group db.sql_tokenized; write"
            + " \"GroupBy\": {\"Group\": \"db.sql_tokenized\", \"Dimensions\": [\"db.sql_tokenized.statement\"]}"
            + " (in Java: DimensionGroup.of(\"db.sql_tokenized\").dimensions(\"db.sql_tokenized.statement\"))");
    assertThatThrownBy(() -> DimensionGroup.of("db.sql_tokenized.statement"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("write \"GroupBy\": {\"Group\": \"db.sql_tokenized\"");
  }

  @Test
  void theCorrectedJsonReadsAsTheTypedGuideQuery() {
    List<PiMetricQuery> queries = PiMetricQuery.listFromJson("""
        [{"Metric": "db.SQL.Select.Avg_timer_wait.avg",
          "GroupBy": {"Group": "db.sql_tokenized", "Dimensions": ["db.sql_tokenized.statement"]}}]""");

    assertThat(queries).containsExactly(PiMetricQuery.guideSlowSelects());
    PiMetricQuery q = PiMetricQuery.guideSlowSelects();
    assertThat(q.metric()).isEqualTo("db.SQL.Select.Avg_timer_wait.avg");
    assertThat(q.groupBy()).isEqualTo(new GroupBy(DimensionGroup.SQL, List.of("db.sql_tokenized.statement"), null));
  }

  @Test
  void rangesAndResourceIdsAreChecked() {
    java.time.Instant t = java.time.Instant.parse("2026-11-30T12:00:00Z");
    assertThatThrownBy(() -> new PiRange(t, t.plusSeconds(3600), java.time.Duration.ofSeconds(30)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid PeriodInSeconds: '30'. Allowed: 1, 60, 300, 3600 or 86400 seconds");
    assertThatThrownBy(() -> new PiRange(t, t, java.time.Duration.ofMinutes(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid EndTime: '2026-11-30T12:00:00Z'. Allowed: after StartTime (2026-11-30T12:00:00Z)");
    assertThatThrownBy(() -> DbiResourceId.of("prod-database"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid DbiResourceId: 'prod-database'. Allowed: db- followed by upper-case letters and digits,"
            + " such as db-ABCDEFGHIJKLMNOPQRSTU1VW2X");
  }

  @Test
  void groupsDimensionsMetricsAndLimitsAreChecked() {
    assertThatThrownBy(() -> DimensionGroup.WAITS.dimensions("db.sql.statement"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid Dimensions: 'db.sql.statement'. Allowed: dimensions of the group db.wait_event, such as db.wait_event.id");
    assertThatThrownBy(() -> PiMetricQuery.of("db.load"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid Metric: 'db.load'. Allowed: a PI metric and statistic, such as db.load.avg or"
            + " db.SQL.Select.Avg_timer_wait.avg (ending .avg, .min, .max or .sum)");
    assertThatThrownBy(() -> DimensionGroup.SQL.all().withLimit(26))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid Limit: '26'. Allowed: 1 to 25 items");
    assertThatThrownBy(() -> PiMetricQuery.listFromJson("[{\"Metric\": \"db.load.avg\", \"GroupBy\": {\"Group\": \"db.wait_event\", \"Limit\": 0}}]"))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid MetricQueries[0].GroupBy.Limit: '0'. Allowed: 1 to 25 items");
    assertThat(PiMetricQuery.listFromJson("[{\"Metric\": \"db.load.avg\", \"Filter\": {\"db.user.name\": \"app\"}}]"))
        .containsExactly(PiMetricQuery.of("db.load.avg").filtered("db.user.name", "app"));
    assertThat(PiMetricQuery.of("db.load.avg").filtered("db.user.name", "app").filter()).isEqualTo(Map.of("db.user.name", "app"));
  }
}
