package dev.opskit.monitoring.performance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.DbInstanceId;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Acceptance 2: Performance Insights at the HTTP level (moto has no PI): JSON 1.1 answers shaped like the PI API
 * reference ({@code X-Amz-Target: PerformanceInsightsv20180227.*}), RDS answering DescribeDBInstances in its query
 * XML, on one WireMock.
 */
class PerformanceInsightsHttpTest {
  private static final String RESOURCE_ID = "db-ABCDEFGHIJKLMNOPQRSTU1VW2X";
  private static final DbInstanceId PROD = DbInstanceId.of("prod-database");
  private static final Instant END = Instant.parse("2026-11-30T12:00:00Z");
  private static final PiRange HOUR = PiRange.last(END, Duration.ofHours(1), Duration.ofMinutes(5));
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String LONG_DIGEST = "SELECT u.id, u.name, s.started_at FROM users u JOIN sessions s ON s.user_id = u.id"
      + " WHERE u.tenant = ? AND s.state IN (?, ?, ?) " + "AND s.attribute_value = ? ".repeat(20);
  private static final String FULL_TEXT = LONG_DIGEST.replace("?", "'active'") + " ORDER BY s.started_at DESC LIMIT 50";

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
        .auditSink(audit).build();
    instance(false, null);
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private void instance(boolean piEnabled, Integer retention) {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceIdentifier>prod-database</DBInstanceIdentifier>"
                + "<DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>postgres</Engine>"
                + "<DBInstanceStatus>available</DBInstanceStatus><DbiResourceId>" + RESOURCE_ID + "</DbiResourceId>"
                + "<PerformanceInsightsEnabled>" + piEnabled + "</PerformanceInsightsEnabled>"
                + (retention == null ? "" : "<PerformanceInsightsRetentionPeriod>" + retention
                    + "</PerformanceInsightsRetentionPeriod>")
                + "</DBInstance></DBInstances></DescribeDBInstancesResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeDBInstancesResponse>")));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  private static String pi(String action) {
    return "PerformanceInsightsv20180227." + action;
  }

  private static JsonNode body(LoggedRequest r) {
    try {
      return MAPPER.readTree(r.getBodyAsString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<JsonNode> piRequests(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(pi(action))))
        .stream().map(PerformanceInsightsHttpTest::body).toList();
  }

  private static String points(long... epochValue) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < epochValue.length; i += 2) {
      sb.append(i == 0 ? "" : ",").append("{\"Timestamp\":").append(epochValue[i]).append(",\"Value\":")
          .append(epochValue[i + 1] / 10.0).append('}');
    }
    return sb.append(']').toString();
  }

  @Test
  void theInstanceNameResolvesToItsDbiResourceId() {
    assertThat(PerformanceInsights.using(ctx).resourceId(PROD)).isEqualTo(DbiResourceId.of(RESOURCE_ID));
    assertThat(PerformanceInsights.using(ctx).resourceId("prod-database")).isEqualTo(DbiResourceId.of(RESOURCE_ID));
    assertThatThrownBy(() -> PerformanceInsights.using(ctx).resourceId("prod_database"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("prod_database");
    server.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DBInstanceIdentifier=prod-database")));
  }

  @Test
  void dbLoadByWaitsIsOneSeriesPerItemGatheredFromEveryPage() {
    long t0 = HOUR.start().getEpochSecond();
    server.stubFor(post(urlEqualTo("/")).atPriority(5).withHeader("X-Amz-Target", equalTo(pi("GetResourceMetrics")))
        .willReturn(json("{\"Identifier\":\"" + RESOURCE_ID + "\",\"AlignedStartTime\":" + t0 + ",\"AlignedEndTime\":"
            + END.getEpochSecond() + ",\"MetricList\":["
            + "{\"Key\":{\"Metric\":\"db.load.avg\"},\"DataPoints\":" + points(t0, 25, t0 + 300, 30) + "},"
            + "{\"Key\":{\"Metric\":\"db.load.avg\",\"Dimensions\":{\"db.wait_event.name\":\"CPU\",\"db.wait_event.type\":\"CPU\"}},"
            + "\"DataPoints\":" + points(t0, 15, t0 + 300, 20) + "}],\"NextToken\":\"page-2\"}")));
    server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(pi("GetResourceMetrics")))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
        .willReturn(json("{\"Identifier\":\"" + RESOURCE_ID + "\",\"MetricList\":["
            + "{\"Key\":{\"Metric\":\"db.load.avg\"},\"DataPoints\":" + points(t0 + 600, 40) + "},"
            + "{\"Key\":{\"Metric\":\"db.load.avg\",\"Dimensions\":{\"db.wait_event.name\":\"IO:DataFileRead\","
            + "\"db.wait_event.type\":\"IO\"}},\"DataPoints\":" + points(t0 + 600, 12) + "}]}")));

    List<MetricSeries> load = PerformanceInsights.using(ctx).dbLoad(PROD, DimensionGroup.WAITS, HOUR);

    assertThat(load).extracting(s -> s.dimensions().getOrDefault("db.wait_event.name", "total"))
        .containsExactly("total", "CPU", "IO:DataFileRead");
    assertThat(load.get(0).points()).extracting(PiDataPoint::value).containsExactly(2.5, 3.0, 4.0);
    assertThat(load.get(0).points().get(2).timestamp()).isEqualTo(HOUR.start().plusSeconds(600));
    assertThat(load.get(1).average()).isEqualTo(1.75);
    List<JsonNode> calls = piRequests("GetResourceMetrics");
    assertThat(calls).hasSize(2);
    JsonNode first = calls.get(0);
    assertThat(first.get("Identifier").asText()).isEqualTo(RESOURCE_ID);
    assertThat(first.get("ServiceType").asText()).isEqualTo("RDS");
    assertThat(first.get("PeriodInSeconds").asInt()).isEqualTo(300);
    assertThat(first.get("MetricQueries").get(1).get("GroupBy").get("Group").asText()).isEqualTo("db.wait_event");
  }

  @Test
  void twentyQueriesAreSplitIntoTwoCallsOfAtMostFifteen() {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(pi("GetResourceMetrics")))
        .willReturn(json("{\"Identifier\":\"" + RESOURCE_ID + "\",\"MetricList\":[]}")));
    List<PiMetricQuery> twenty = IntStream.range(0, 20)
        .mapToObj(i -> PiMetricQuery.of("db.Counter.metric_" + i + ".avg")).toList();

    PerformanceInsights.using(ctx).metrics(PROD, twenty, HOUR);

    List<JsonNode> calls = piRequests("GetResourceMetrics");
    assertThat(calls).extracting(c -> c.get("MetricQueries").size()).containsExactly(15, 5);
    assertThat(calls.get(1).get("MetricQueries").get(0).get("Metric").asText()).isEqualTo("db.Counter.metric_15.avg");
  }

  @Test
  void topSqlReadsEveryPageWithWaitsAndExpandsTheTruncatedStatement() {
    assertThat(LONG_DIGEST.length()).isGreaterThanOrEqualTo(500);
    String partitions = "\"PartitionKeys\":[{\"Dimensions\":{\"db.wait_event.name\":\"CPU\"}},"
        + "{\"Dimensions\":{\"db.wait_event.name\":\"IO:DataFileRead\"}}]";
    server.stubFor(post(urlEqualTo("/")).atPriority(5).withHeader("X-Amz-Target", equalTo(pi("DescribeDimensionKeys")))
        .willReturn(json("{" + partitions + ",\"Keys\":[{\"Dimensions\":{\"db.sql_tokenized.id\":\"DIGEST1\","
            + "\"db.sql_tokenized.statement\":\"SELECT * FROM sessions WHERE id = ?\"},\"Total\":1.5,"
            + "\"Partitions\":[1.0,0.5]}],\"NextToken\":\"keys-2\"}")));
    server.stubFor(post(urlEqualTo("/")).atPriority(2).withHeader("X-Amz-Target", equalTo(pi("DescribeDimensionKeys")))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo("keys-2")))
        .willReturn(json("{" + partitions + ",\"Keys\":[{\"Dimensions\":{\"db.sql_tokenized.id\":\"DIGEST2\","
            + "\"db.sql_tokenized.statement\":\"" + LONG_DIGEST.substring(0, 500) + "\"},\"Total\":2.5,"
            + "\"Partitions\":[0.5,2.0]}]}")));
    server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(pi("DescribeDimensionKeys")))
        .withRequestBody(matchingJsonPath("$.GroupBy.Group", equalTo("db.sql")))
        .withRequestBody(matchingJsonPath("$.Filter['db.sql.tokenized_id']", equalTo("DIGEST2")))
        .willReturn(json("{\"Keys\":[{\"Dimensions\":{\"db.sql.id\":\"SQL2A\"},\"Total\":2.0}]}")));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(pi("GetDimensionKeyDetails")))
        .withRequestBody(matchingJsonPath("$.GroupIdentifier", equalTo("SQL2A")))
        .willReturn(json("{\"Dimensions\":[{\"Value\":\"" + FULL_TEXT + "\",\"Dimension\":\"db.sql.statement\","
            + "\"Status\":\"AVAILABLE\"}]}")));

    List<TopSql> top = PerformanceInsights.using(ctx).topSql(PROD, HOUR, 10);

    assertThat(top).extracting(TopSql::id).containsExactly("DIGEST2", "DIGEST1");
    TopSql heaviest = top.get(0);
    assertThat(heaviest.truncated()).isTrue();
    assertThat(heaviest.expanded()).isTrue();
    assertThat(heaviest.statement()).isEqualTo(FULL_TEXT);
    assertThat(heaviest.load()).isEqualTo(2.5);
    assertThat(heaviest.waits()).containsExactly(Map.entry("CPU", 0.5), Map.entry("IO:DataFileRead", 2.0));
    assertThat(top.get(1).truncated()).isFalse();
    assertThat(top.get(1).statement()).isEqualTo("SELECT * FROM sessions WHERE id = ?");
    List<JsonNode> describe = piRequests("DescribeDimensionKeys");
    assertThat(describe).hasSize(3);
    assertThat(describe.get(0).get("GroupBy").get("Group").asText()).isEqualTo("db.sql_tokenized");
    assertThat(describe.get(0).get("PartitionBy").get("Group").asText()).isEqualTo("db.wait_event");
    assertThat(describe.get(0).get("Metric").asText()).isEqualTo("db.load.avg");
    assertThat(piRequests("GetDimensionKeyDetails")).singleElement()
        .satisfies(r -> assertThat(r.get("Group").asText()).isEqualTo("db.sql"));
  }

  @Test
  void aTruncatedStatementWhoseFullTextIsNotAvailableStaysTruncatedAndSaysSo() {
    server.stubFor(post(urlEqualTo("/")).atPriority(5).withHeader("X-Amz-Target", equalTo(pi("DescribeDimensionKeys")))
        .willReturn(json("{\"PartitionKeys\":[{\"Dimensions\":{\"db.wait_event.name\":\"CPU\"}}],\"Keys\":[{\"Dimensions\":"
            + "{\"db.sql_tokenized.id\":\"DIGEST2\",\"db.sql_tokenized.statement\":\"" + LONG_DIGEST.substring(0, 500)
            + "\"},\"Total\":2.5,\"Partitions\":[2.5]}]}")));
    server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(pi("DescribeDimensionKeys")))
        .withRequestBody(matchingJsonPath("$.GroupBy.Group", equalTo("db.sql")))
        .willReturn(json("{\"Keys\":[{\"Dimensions\":{\"db.sql.id\":\"SQL2A\"},\"Total\":2.0}]}")));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(pi("GetDimensionKeyDetails")))
        .willReturn(json("{\"Dimensions\":[{\"Dimension\":\"db.sql.statement\",\"Status\":\"PROCESSING\"}]}")));

    TopSql only = PerformanceInsights.using(ctx).topSql(PROD, HOUR, 5).get(0);

    assertThat(only.truncated()).isTrue();
    assertThat(only.expanded()).isFalse();
    assertThat(only.statement()).isEqualTo(LONG_DIGEST.substring(0, 500));
  }

  @Test
  void aMissingInstanceIsResourceNotFound() {
    server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=DescribeDBInstances"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody(
            "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type>"
                + "<Code>DBInstanceNotFound</Code><Message>DBInstance prod-database not found.</Message></Error>"
                + "<RequestId>req-404</RequestId></ErrorResponse>")));

    assertThatThrownBy(() -> PerformanceInsights.using(ctx).dbLoad(PROD, DimensionGroup.HOSTS, HOUR))
        .isInstanceOf(dev.opskit.core.ResourceNotFoundException.class)
        .hasMessageContaining("rds:DescribeDBInstances on prod-database");
    assertThat(piRequests("GetResourceMetrics")).isEmpty();
  }

  @Test
  void enablingIsPlannedFieldByFieldAndAppliedAsOneModifyDbInstance() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ModifyDBInstance"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<ModifyDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><ModifyDBInstanceResult>"
                + "<DBInstance><DBInstanceIdentifier>prod-database</DBInstanceIdentifier></DBInstance>"
                + "</ModifyDBInstanceResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>"
                + "</ModifyDBInstanceResponse>")));
    PerformanceInsights pi = PerformanceInsights.using(ctx);

    Plan plan = pi.plan(List.of(new PiSettings(PROD, PiRetention.FREE_TIER)));
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).containsExactly(new FieldDiff("PerformanceInsightsEnabled", "false", "true"),
          new FieldDiff("PerformanceInsightsRetentionPeriod", null, "7"));
    });
    pi.enable(PROD, PiRetention.FREE_TIER);
    server.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyDBInstance"))
        .withRequestBody(containing("EnablePerformanceInsights=true"))
        .withRequestBody(containing("PerformanceInsightsRetentionPeriod=7")));
    assertThat(audit.events(e -> e.outcome() == Outcome.SUCCEEDED)).extracting(e -> e.operation())
        .containsExactly("rds:ModifyDBInstance");

    instance(true, 7);
    assertThat(pi.plan(List.of(new PiSettings(PROD, PiRetention.FREE_TIER))).isEmpty()).isTrue();
    assertThat(pi.drift(List.of(new PiSettings(PROD, PiRetention.months(3)))).changes()).singleElement()
        .satisfies(c -> assertThat(c.diffs()).containsExactly(new FieldDiff("PerformanceInsightsRetentionPeriod", "7", "93")));
  }

  @Test
  void piSettingsPassTheDesiredStateContract() {
    // WireMock answers like AWS would once the change is made: after a ModifyDBInstance, PI is enabled for 7 days.
    server.stubFor(post(urlEqualTo("/")).inScenario("pi").withRequestBody(containing("Action=ModifyDBInstance"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<ModifyDBInstanceResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><ModifyDBInstanceResult>"
                + "<DBInstance><DBInstanceIdentifier>prod-database</DBInstanceIdentifier></DBInstance>"
                + "</ModifyDBInstanceResult></ModifyDBInstanceResponse>"))
        .willSetStateTo("enabled"));
    server.stubFor(post(urlEqualTo("/")).inScenario("pi").whenScenarioStateIs("enabled").atPriority(1)
        .withRequestBody(containing("Action=DescribeDBInstances"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceIdentifier>prod-database</DBInstanceIdentifier>"
                + "<DbiResourceId>" + RESOURCE_ID + "</DbiResourceId><PerformanceInsightsEnabled>true"
                + "</PerformanceInsightsEnabled><PerformanceInsightsRetentionPeriod>7</PerformanceInsightsRetentionPeriod>"
                + "</DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")));

    dev.opskit.test.contract.DesiredStateContract.of(PerformanceInsights.using(ctx),
            PerformanceInsights.using(ctx.withDryRun(true)), audit)
        .firstPlan(ResourceChange.Kind.UPDATE)
        .definitions(List.of(new PiSettings(PROD, PiRetention.FREE_TIER)))
        .changed(List.of(new PiSettings(PROD, PiRetention.months(1))), "PerformanceInsightsRetentionPeriod")
        .check();
  }

  @Test
  void retentionIsValidatedBeforeAnyCall() {
    assertThatThrownBy(() -> PiRetention.days(30))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid PerformanceInsightsRetentionPeriod: '30'. Allowed: 7 (free tier), a whole number of months"
            + " 1 to 23 as days (31 x n: 31, 62, ... 713), or 731");
    assertThat(PiRetention.days(713)).isEqualTo(PiRetention.months(23));
    assertThat(PiRetention.days(731)).isEqualTo(PiRetention.TWO_YEARS);
    assertThatThrownBy(() -> PiRetention.months(24)).isInstanceOf(ValidationException.class)
        .hasMessage("Invalid months: '24'. Allowed: 1 to 23 months (24 months is TWO_YEARS, 731 days)");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
