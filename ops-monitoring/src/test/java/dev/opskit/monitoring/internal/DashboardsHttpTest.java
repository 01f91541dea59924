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
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardName;
import dev.opskit.monitoring.dashboard.DashboardPresets;
import dev.opskit.monitoring.dashboard.DashboardSummary;
import dev.opskit.monitoring.dashboard.Dashboards;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Dashboards at the HTTP level: ListDashboards pages, GetDashboard's not-found answer, PutDashboard's body. */
class DashboardsHttpTest {
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private OpsContext ctx;
  private Dashboards dashboards;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .build();
    dashboards = Dashboards.using(ctx);
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private static String entry(String name) {
    return "<member><DashboardName>" + name + "</DashboardName>"
        + "<DashboardArn>arn:aws:cloudwatch::123456789012:dashboard/" + name + "</DashboardArn>"
        + "<LastModified>2026-11-26T10:00:00Z</LastModified><Size>420</Size></member>";
  }

  private static String listPage(String entries, String next) {
    return "<ListDashboardsResponse xmlns=\"" + CloudWatchXml.NS + "\"><ListDashboardsResult>"
        + "<DashboardEntries>" + entries + "</DashboardEntries>"
        + (next == null ? "" : "<NextToken>" + next + "</NextToken>")
        + "</ListDashboardsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListDashboardsResponse>";
  }

  private static String error(String code, String message) {
    return "<ErrorResponse xmlns=\"" + CloudWatchXml.NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
        + "<Message>" + message + "</Message></Error><RequestId>r</RequestId></ErrorResponse>";
  }

  @Test
  void listsEveryPage() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListDashboards"))
        .withRequestBody(notContaining("NextToken"))
        .willReturn(aResponse().withStatus(200).withBody(listPage(entry("a") + entry("b"), "d2"))));
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("NextToken=d2"))
        .willReturn(aResponse().withStatus(200).withBody(listPage(entry("c"), null))));

    List<DashboardSummary> all = dashboards.list().toList();

    assertThat(all).extracting(d -> d.name().value()).containsExactly("a", "b", "c");
    assertThat(all.get(0)).isEqualTo(new DashboardSummary(DashboardName.of("a"), "arn:aws:cloudwatch::123456789012:dashboard/a",
        Instant.parse("2026-11-26T10:00:00Z"), 420L));
  }

  @Test
  void listingIsLazyAndAnErrorOnALaterPageIsAnOpsKitException() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListDashboards"))
        .withRequestBody(notContaining("NextToken"))
        .willReturn(aResponse().withStatus(200).withBody(listPage(entry("a") + entry("b"), "d2"))));
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("NextToken=d2"))
        .willReturn(aResponse().withStatus(403).withBody(error("AccessDenied", "not allowed"))));

    try (java.util.stream.Stream<DashboardSummary> first = dashboards.list()) {
      assertThat(first.limit(2)).extracting(d -> d.name().value()).containsExactly("a", "b");
    }
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListDashboards"))))
        .as("two entries need one page").hasSize(1);
    assertThatThrownBy(() -> dashboards.list().toList())
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("cloudwatch:ListDashboards:");
  }

  @Test
  void aMissingDashboardIsCreatedWithTheExactBody() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetDashboard"))
        .willReturn(aResponse().withStatus(404).withBody(error("ResourceNotFound",
            "Dashboard infrastructure-overview does not exist"))));
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=PutDashboard"))
        .willReturn(aResponse().withStatus(200).withBody("<PutDashboardResponse xmlns=\"" + CloudWatchXml.NS
            + "\"><PutDashboardResult><DashboardValidationMessages/></PutDashboardResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PutDashboardResponse>")));

    assertThat(dashboards.get("infrastructure-overview")).isEmpty();
    Plan plan = dashboards.plan(List.of(DashboardPresets.coreMetrics()));
    dashboards.apply(plan);

    assertThat(plan.changes()).extracting(ResourceChange::kind).containsExactly(ResourceChange.Kind.CREATE);
    String put = URLDecoder.decode(server.findAll(postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=PutDashboard"))).get(0).getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(put).contains("DashboardName=infrastructure-overview",
        "DashboardBody=" + DashboardPresets.coreMetrics().bodyJson());
  }

  @Test
  void otherErrorsAreMappedNotSwallowed() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetDashboard"))
        .willReturn(aResponse().withStatus(403).withBody(error("AccessDenied", "not allowed"))));

    assertThatThrownBy(() -> dashboards.get("infrastructure-overview"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("cloudwatch:GetDashboard on infrastructure-overview:");
  }

  private void putAnswers(String name, int status, String body) {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=PutDashboard"))
        .withRequestBody(containing("DashboardName=" + name + "&"))
        .willReturn(aResponse().withStatus(status).withBody(body)));
  }

  private static final String PUT_OK = "<PutDashboardResponse xmlns=\"" + CloudWatchXml.NS
      + "\"><PutDashboardResult><DashboardValidationMessages/></PutDashboardResult>"
      + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PutDashboardResponse>";

  @Test
  void aFailurePartWaySaysWhichDashboardsWereApplied() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetDashboard"))
        .willReturn(aResponse().withStatus(404).withBody(error("ResourceNotFound", "Dashboard does not exist"))));
    putAnswers("first", 200, PUT_OK);
    putAnswers("second", 400, error("InvalidParameterInput", "The field DashboardBody must be a valid JSON object"));
    String body = DashboardPresets.coreMetrics().bodyJson();
    List<DashboardDefinition> three = List.of(
        DashboardDefinition.fromBodyJson("first", body),
        DashboardDefinition.fromBodyJson("second", body),
        DashboardDefinition.fromBodyJson("third", body));

    assertThatThrownBy(() -> dashboards.apply(three))
        .isInstanceOf(PartialApplyException.class)
        .hasMessageStartingWith("cloudwatch:PutDashboard on second: apply failed part-way at create dashboard second (")
        .hasMessageContaining("Applied 1: [first]; not attempted 1: [third].")
        .satisfies(e -> assertThat(((PartialApplyException) e).applied()).extracting(a -> a.change().resource())
            .containsExactly("first"));
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=PutDashboard"))
        .withRequestBody(containing("DashboardName=third")))).isEmpty();
  }

  @Test
  void badInputIsRejectedBeforeAnyCall() {
    DashboardDefinition core = DashboardPresets.coreMetrics();

    assertThatThrownBy(() -> dashboards.apply(List.of(core, core)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: 'infrastructure-overview'. Allowed: definitions with unique dashboard names");
    assertThatThrownBy(() -> dashboards.get("Infrastructure Overview"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid dashboardName: 'Infrastructure Overview'. Allowed: 1 to 255 letters, digits, hyphens");
    assertThatThrownBy(() -> dashboards.delete("ok", "not ok"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid dashboardNames: 'not ok'");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void deletesInBatchesOfAHundred() {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DeleteDashboards"))
        .willReturn(aResponse().withStatus(200).withBody("<DeleteDashboardsResponse xmlns=\"" + CloudWatchXml.NS
            + "\"><DeleteDashboardsResult/><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</DeleteDashboardsResponse>")));

    dashboards.delete(IntStream.range(0, 201).mapToObj(i -> "d" + i).toArray(String[]::new));

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteDashboards"))))
        .extracting(r -> r.getBodyAsString().split("DashboardNames.member.", -1).length - 1)
        .containsExactly(100, 100, 1);
  }
}
