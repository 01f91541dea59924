package dev.opskit.monitoring.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmHistoryItem;
import dev.opskit.monitoring.alarm.AlarmHistoryType;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.PausedActions;
import dev.opskit.monitoring.alarm.ManagedBy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** CloudWatch at the HTTP level, for what moto lacks: composite alarms, alarm actions, real paging and throttling. */
class AlarmsHttpTest {
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");
  private static final String COMPOSITE_RULE = "(ALARM(\"HighCPUUtilization\") AND ALARM(\"HighMemoryUsage\"))";

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    if (ctx != null) {
      ctx.close();
    }
    server.stop();
  }

  private OpsContext context(RateLimitPolicy limits) {
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .rateLimitPolicy(limits)
        .auditSink(audit)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    return ctx;
  }

  private void answer(String action, String body) {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
  }

  private List<String> bodies(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action))).stream()
        .map(LoggedRequest::getBodyAsString).map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  @Nested
  class CompositeAlarms {
    private final CompositeAlarmDefinition composite = Alarms.defineComposite("HostUnderPressure")
        .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage")))
        .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
        .build();

    @Test
    void areCreatedWithPutCompositeAlarmAfterTheMetricAlarmsAndTagged() {
      answer("DescribeAlarms", CloudWatchXml.describeAlarms(List.of(), List.of(), null));
      answer("PutMetricAlarm", CloudWatchXml.empty("PutMetricAlarm"));
      answer("PutCompositeAlarm", CloudWatchXml.empty("PutCompositeAlarm"));
      Alarms alarms = Alarms.using(context(RateLimitPolicy.DEFAULT));

      alarms.apply(alarms.plan(List.<AlarmSpec>of(composite, AlarmPresets.highCpuUtilization()), MANAGED));

      List<String> actions = server.getAllServeEvents().stream()
          .map(e -> e.getRequest().getBodyAsString().replaceAll("^Action=([A-Za-z]+).*", "$1"))
          .collect(Collectors.toList());
      assertThat(actions).as("most recent first").containsExactly("PutCompositeAlarm", "PutMetricAlarm", "DescribeAlarms");
      String put = bodies("PutCompositeAlarm").get(0);
      assertThat(put).contains("AlarmName=HostUnderPressure", "AlarmRule=" + COMPOSITE_RULE,
          "AlarmActions.member.1=arn:aws:sns:us-east-1:123456789012:critical-alerts",
          "Tags.member.1.Key=managed-by", "Tags.member.1.Value=opskit", "ActionsEnabled=true", "Version=2010-08-01");
    }

    @Test
    void thatAreAsDefinedAreUnchangedAndARuleChangeIsAOneFieldUpdate() {
      answer("DescribeAlarms", CloudWatchXml.describeAlarms(List.of(), List.of(
          CloudWatchXml.compositeAlarm("HostUnderPressure", "ALARM(\"HighCPUUtilization\")")), null));
      Alarms alarms = Alarms.using(context(RateLimitPolicy.DEFAULT));
      CompositeAlarmDefinition asLive = composite.toBuilder().rule(AlarmRule.alarm("HighCPUUtilization")).clearActions()
          .build();

      assertThat(alarms.plan(List.of(asLive), MANAGED).isEmpty()).isTrue();
      Plan plan = alarms.plan(List.of(asLive.toBuilder().rule(composite.alarmRule()).build()), MANAGED);

      assertThat(plan.changes(ResourceChange.Kind.UPDATE)).singleElement().satisfies(c -> assertThat(c.diffs())
          .containsExactly(new FieldDiff("AlarmRule", "ALARM(\"HighCPUUtilization\")", COMPOSITE_RULE)));
      AlarmStatus status = alarms.list().toList().get(0);
      assertThat(status.composite()).isTrue();
      assertThat(status.state()).isSameAs(AlarmState.ALARM);
      assertThat(status.definition()).contains(asLive);
      List<String> describe = bodies("DescribeAlarms");
      assertThat(describe.get(0)).contains("AlarmTypes.member.1=MetricAlarm", "AlarmTypes.member.2=CompositeAlarm",
          "MaxRecords=100");
    }
  }

  @Nested
  class ThrottledPaging {
    @Test
    void aPlanOverFiveHundredAlarmsReadsEveryPageThroughThrottling() {
      List<String> names = IntStream.range(0, 500).mapToObj(i -> String.format("cpu-%03d", i)).collect(Collectors.toList());
      for (int page = 0; page < 5; page++) {
        String token = page == 4 ? null : "page-" + (page + 1);
        String body = CloudWatchXml.describeAlarms(
            CloudWatchXml.metricAlarms(names.subList(page * 100, page * 100 + 100)), List.of(), token);
        int throttles = page == 2 ? 2 : page % 2;   // pages 1 and 3 once, page 2 twice
        String scenario = "page-" + page;
        int p = page;
        Supplier<MappingBuilder> request = () -> post(urlEqualTo("/"))
            .withRequestBody(containing("Action=DescribeAlarms"))
            .withRequestBody(p == 0 ? notContaining("NextToken") : containing("NextToken=page-" + p));
        String state = Scenario.STARTED;
        for (int t = 0; t < throttles; t++) {
          String next = "throttled-" + (t + 1);
          server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next)
              .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                  .withBody(CloudWatchXml.throttling())));
          state = next;
        }
        server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
      }
      Alarms alarms = Alarms.using(context(RateLimitPolicy.perSecond(5)));
      List<AlarmDefinition> definitions = names.stream()
          .map(n -> AlarmPresets.highCpuUtilization().toBuilder().name(n).build()).collect(Collectors.toList());
      long start = System.nanoTime();

      Plan plan = alarms.plan(definitions, MANAGED);

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(plan.isEmpty()).isTrue();
      assertThat(plan.changes(ResourceChange.Kind.UNCHANGED)).hasSize(500);
      List<String> requests = bodies("DescribeAlarms");
      assertThat(requests).hasSize(5 + 4);
      assertThat(requests).allMatch(b -> b.contains("MaxRecords=100"));
      assertThat(requests.stream().filter(b -> b.contains("NextToken=page-2"))).hasSize(3);
      assertThat(bodies("ListTagsForResource")).isEmpty();
      // The limiter's bucket holds one second of permits (5): the 4 requests past it wait 0.2 s each.
      assertThat(took).as("9 requests at 5 per second wait for the rate limiter").isGreaterThan(Duration.ofMillis(750));
    }
  }

  @Nested
  class Maintenance {
    @Test
    void disablesThenEnablesExactlyTheAlarmsThatHadActionsEnabled() {
      answer("DescribeAlarms", CloudWatchXml.describeAlarms(List.of(
          CloudWatchXml.metricAlarm("HighCPUUtilization", 80.0, true),
          CloudWatchXml.metricAlarm("HighMemoryUsage", 70.0, false)), List.of(), null));
      answer("DisableAlarmActions", CloudWatchXml.empty("DisableAlarmActions"));
      answer("EnableAlarmActions", CloudWatchXml.empty("EnableAlarmActions"));
      Alarms alarms = Alarms.using(context(RateLimitPolicy.DEFAULT));

      try (PausedActions paused = alarms.pauseActions("HighCPUUtilization", "HighMemoryUsage")) {
        assertThat(paused.alarms()).containsExactly(AlarmName.of("HighCPUUtilization"));
      }

      assertThat(bodies("DisableAlarmActions")).singleElement().asString()
          .contains("AlarmNames.member.1=HighCPUUtilization").doesNotContain("HighMemoryUsage");
      assertThat(bodies("EnableAlarmActions")).singleElement().asString()
          .contains("AlarmNames.member.1=HighCPUUtilization").doesNotContain("HighMemoryUsage");
      assertThat(audit.events()).extracting(e -> e.operation())
          .containsExactly("cloudwatch:DisableAlarmActions", "cloudwatch:EnableAlarmActions");
    }
  }

  @Nested
  class History {
    private String item(String summary, String time, String type) {
      return "<member><AlarmName>HighCPUUtilization</AlarmName><AlarmType>MetricAlarm</AlarmType>"
          + "<Timestamp>" + time + "</Timestamp><HistoryItemType>" + type + "</HistoryItemType>"
          + "<HistorySummary>" + summary + "</HistorySummary>"
          + "<HistoryData>{&quot;version&quot;:&quot;1.0&quot;}</HistoryData></member>";
    }

    private String page(String items, String next) {
      return "<DescribeAlarmHistoryResponse xmlns=\"" + CloudWatchXml.NS + "\"><DescribeAlarmHistoryResult>"
          + "<AlarmHistoryItems>" + items + "</AlarmHistoryItems>"
          + (next == null ? "" : "<NextToken>" + next + "</NextToken>")
          + "</DescribeAlarmHistoryResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
          + "</DescribeAlarmHistoryResponse>";
    }

    @Test
    void readsEveryPageNewestFirst() {
      server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarmHistory"))
          .withRequestBody(notContaining("NextToken")).willReturn(aResponse().withStatus(200).withBody(
              page(item("Alarm updated from OK to ALARM", "2026-11-26T11:00:00.000Z", "StateUpdate"), "h2"))));
      server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("NextToken=h2"))
          .willReturn(aResponse().withStatus(200).withBody(
              page(item("Alarm \"HighCPUUtilization\" created", "2026-11-26T09:00:00.000Z", "ConfigurationUpdate"), null))));
      Alarms alarms = Alarms.using(context(RateLimitPolicy.DEFAULT));

      List<AlarmHistoryItem> history = alarms.history("HighCPUUtilization", NOW.minus(Duration.ofDays(1))).toList();

      assertThat(history).extracting(AlarmHistoryItem::type)
          .containsExactly(AlarmHistoryType.STATE_UPDATE, AlarmHistoryType.CONFIGURATION_UPDATE);
      assertThat(history.get(0).summary()).isEqualTo("Alarm updated from OK to ALARM");
      assertThat(history.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
      assertThat(history.get(0).data()).isEqualTo("{\"version\":\"1.0\"}");
      assertThat(bodies("DescribeAlarmHistory")).hasSize(2).first().asString().contains(
          "AlarmName=HighCPUUtilization", "StartDate=2026-11-25T12:00:00Z", "EndDate=2026-11-26T12:00:00Z",
          "ScanBy=TimestampDescending", "MaxRecords=100");
    }
      @Test
    void isReadLazilyAndAnErrorOnALaterPageComesOutAsAnOpsKitException() {
      server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarmHistory"))
          .withRequestBody(notContaining("NextToken")).willReturn(aResponse().withStatus(200).withBody(
              page(item("Alarm updated from OK to ALARM", "2026-11-26T11:00:00.000Z", "AlarmMuted"), "h2"))));
      server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("NextToken=h2"))
          .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
              "<ErrorResponse xmlns=\"" + CloudWatchXml.NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                  + "<Message>not allowed</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
      Alarms alarms = Alarms.using(context(RateLimitPolicy.DEFAULT));

      List<AlarmHistoryItem> first;
      try (var history = alarms.history(q -> q.alarmName("HighCPUUtilization").since(NOW.minus(Duration.ofDays(1)))
          .type(AlarmHistoryType.STATE_UPDATE))) {
        first = history.limit(1).toList();
      }

      assertThat(first).singleElement().satisfies(i -> {
        assertThat(i.type().isUnknown()).isTrue();
        assertThat(i.type().value()).isEqualTo("AlarmMuted");
      });
      assertThat(bodies("DescribeAlarmHistory")).as("one page read for one item").singleElement().asString()
          .contains("HistoryItemType=StateUpdate");
      assertThatThrownBy(() -> alarms.history("HighCPUUtilization", NOW.minus(Duration.ofDays(1))).toList())
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageStartingWith("cloudwatch:DescribeAlarmHistory on HighCPUUtilization:");
    }
  }

}
