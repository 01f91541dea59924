package dev.opskit.backup.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.backup.Backups;
import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.RestorableWindow;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.DbInstanceId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The restorable window comes from DescribeDBInstanceAutomatedBackups' {@code RestoreWindow}. moto 5.2 answers
 * that call without a {@code RestoreWindow} (see docs/EMULATOR-NOTES.md), so WireMock serves the shape of the
 * AWS API reference in RDS's query protocol (form-encoded requests, XML answers).
 */
class RestoreWindowWireMockTest {
  @RegisterExtension
  static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String RESOURCE_ID = "db-PRODDATABASE7ABCDEFGHIJ";
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private OpsContext ctx;

  @BeforeEach
  void context() {
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(URI.create(AWS.baseUrl()))
        .clock(new TestClock(NOW))
        .auditSink(audit)
        .build();
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody(
            "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type>"
                + "<Code>DBInstanceNotFound</Code><Message>DBInstance not found.</Message></Error>"
                + "<RequestId>req-not-found</RequestId></ErrorResponse>")));
    sourceInstance(NOW.minusSeconds(300));
  }

  /** The source instance {@code prod-database}; a null latest time leaves out {@code LatestRestorableTime}. */
  private static void sourceInstance(Instant latestRestorableTime) {
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
        .withRequestBody(matching(".*DBInstanceIdentifier=prod-database(&.*)?"))
        .willReturn(xml("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<DescribeDBInstancesResult><DBInstances>"
            + instance("prod-database", RESOURCE_ID, latestRestorableTime)
            + "</DBInstances></DescribeDBInstancesResult>"
            + "<ResponseMetadata><RequestId>req-instances</RequestId></ResponseMetadata></DescribeDBInstancesResponse>")));
  }

  private static String instance(String id, String resourceId, Instant latestRestorableTime) {
    return "<DBInstance>"
        + "<DBInstanceIdentifier>" + id + "</DBInstanceIdentifier><DBInstanceClass>db.t3.micro</DBInstanceClass>"
        + "<Engine>postgres</Engine><DBInstanceStatus>available</DBInstanceStatus><AllocatedStorage>20</AllocatedStorage>"
        + "<InstanceCreateTime>" + NOW.minus(Duration.ofDays(30)) + "</InstanceCreateTime>"
        + "<BackupRetentionPeriod>7</BackupRetentionPeriod>"
        + (latestRestorableTime == null ? "" : "<LatestRestorableTime>" + latestRestorableTime + "</LatestRestorableTime>")
        + "<DbiResourceId>" + resourceId + "</DbiResourceId>"
        + "<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:" + id + "</DBInstanceArn>"
        + "</DBInstance>";
  }

  /**
   * {@code recovered-database}: not found until RestoreDBInstanceToPointInTime is answered, available after
   * (the AWS API reference's shapes of both answers).
   */
  private static void restoreToPointInTime() {
    restoreToPointInTime("creating");
  }

  /** As {@link #restoreToPointInTime()}, the restore's answer reporting the new instance in {@code answeredStatus}. */
  private static void restoreToPointInTime(String answeredStatus) {
    String restored = instance("recovered-database", "db-RECOVEREDDATABASE1234567", null);
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=RestoreDBInstanceToPointInTime"))
        .inScenario("restore").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("restored")
        .willReturn(xml("<RestoreDBInstanceToPointInTimeResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<RestoreDBInstanceToPointInTimeResult>" + restored.replace("available", answeredStatus)
            + "</RestoreDBInstanceToPointInTimeResult>"
            + "<ResponseMetadata><RequestId>req-restore</RequestId></ResponseMetadata>"
            + "</RestoreDBInstanceToPointInTimeResponse>")));
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
        .withRequestBody(matching(".*DBInstanceIdentifier=recovered-database(&.*)?"))
        .inScenario("restore").whenScenarioStateIs("restored")
        .willReturn(xml("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<DescribeDBInstancesResult><DBInstances>" + restored + "</DBInstances></DescribeDBInstancesResult>"
            + "<ResponseMetadata><RequestId>req-restored</RequestId></ResponseMetadata></DescribeDBInstancesResponse>")));
  }

  private static int requests(String action) {
    return AWS.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))).size();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** One DBInstanceAutomatedBackup element; a null earliest leaves out the RestoreWindow. */
  private static String backup(String resourceId, String status, Instant earliest, Instant latest) {
    return "<DBInstanceAutomatedBackup>"
        + "<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:prod-database</DBInstanceArn>"
        + "<DbiResourceId>" + resourceId + "</DbiResourceId><Region>us-east-1</Region>"
        + "<DBInstanceIdentifier>prod-database</DBInstanceIdentifier>"
        + (earliest == null ? "" : "<RestoreWindow><EarliestTime>" + earliest + "</EarliestTime>"
            + "<LatestTime>" + latest + "</LatestTime></RestoreWindow>")
        + "<AllocatedStorage>20</AllocatedStorage><Status>" + status + "</Status><Port>5432</Port>"
        + "<Engine>postgres</Engine><EngineVersion>16.3</EngineVersion><BackupRetentionPeriod>7</BackupRetentionPeriod>"
        + "<DBInstanceAutomatedBackupsArn>arn:aws:rds:us-east-1:123456789012:auto-backup:ab-" + resourceId.substring(3)
        + "</DBInstanceAutomatedBackupsArn><StorageType>gp3</StorageType><Encrypted>false</Encrypted>"
        + "</DBInstanceAutomatedBackup>";
  }

  private static void automatedBackups(String markerInRequest, String nextMarker, String... backups) {
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstanceAutomatedBackups"))
        .withRequestBody(markerInRequest == null ? notContaining("Marker=") : containing("Marker=" + markerInRequest))
        .willReturn(xml("<DescribeDBInstanceAutomatedBackupsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<DescribeDBInstanceAutomatedBackupsResult>"
            + (nextMarker == null ? "" : "<Marker>" + nextMarker + "</Marker>")
            + "<DBInstanceAutomatedBackups>" + String.join("", backups) + "</DBInstanceAutomatedBackups>"
            + "</DescribeDBInstanceAutomatedBackupsResult>"
            + "<ResponseMetadata><RequestId>req-backups</RequestId></ResponseMetadata>"
            + "</DescribeDBInstanceAutomatedBackupsResponse>")));
  }

  @Test
  void theWindowIsTheRestoreWindowOfTheInstancesAutomatedBackup() {
    // Retention was raised from 2 to 7 days yesterday: the backups reach back 2 days, not "now minus 7 days".
    automatedBackups(null, null, backup(RESOURCE_ID, "active", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(240)));

    RestorableWindow window = Backups.using(ctx).rds("prod-database").restorableWindow();

    assertThat(window).isEqualTo(new RestorableWindow(NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(240)));
    AWS.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstanceAutomatedBackups"))
        .withRequestBody(containing("DbiResourceId=" + RESOURCE_ID)));
  }

  @Test
  void aTimeBeforeTheRestoreWindowIsRefusedBeforeTheRestore() {
    automatedBackups(null, null, backup(RESOURCE_ID, "active", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(240)));
    Instant threeDaysAgo = NOW.minus(Duration.ofDays(3));

    assertThatThrownBy(() -> Backups.using(ctx).rds("prod-database").restoreToPointInTime(threeDaysAgo, "prod-database-copy"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid restoreTime: '" + threeDaysAgo + "'. Allowed: a time inside the restorable window ["
            + NOW.minus(Duration.ofDays(2)) + ", " + NOW.minusSeconds(240) + "] of prod-database");
    AWS.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=RestoreDBInstanceToPointInTime")));
    // A time needs the window's earliest end, which only the automated backup reports.
    assertThat(requests("DescribeDBInstanceAutomatedBackups")).isEqualTo(1);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void onlyTheBackupOfThisInstanceCountsAcrossEveryPage() {
    // A retained backup of an earlier instance of the same name reaches further back; it is not this instance's.
    automatedBackups(null, "page2", backup("db-EARLIERINSTANCEOFSAMENAME", "retained", NOW.minus(Duration.ofDays(6)),
        NOW.minus(Duration.ofDays(5))));
    automatedBackups("page2", null, backup(RESOURCE_ID, "active", NOW.minus(Duration.ofDays(4)), NOW.minusSeconds(240)));

    RestorableWindow window = Backups.using(ctx).rds("prod-database").restorableWindow();

    assertThat(window).isEqualTo(new RestorableWindow(NOW.minus(Duration.ofDays(4)), NOW.minusSeconds(240)));
    AWS.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstanceAutomatedBackups")));
  }

  @Test
  void withoutARestoreWindowTheWindowIsEstimatedFromTheRetentionPeriod() {
    // What moto answers, and AWS while the first automated backup is still being made: no RestoreWindow.
    automatedBackups(null, null, backup(RESOURCE_ID, "creating", null, null));

    RestorableWindow window = Backups.using(ctx).rds("prod-database").restorableWindow();

    assertThat(window).isEqualTo(new RestorableWindow(NOW.minus(Duration.ofDays(7)), NOW.minusSeconds(300)));
  }

  @Test
  void withNoAutomatedBackupReportedTheWindowIsEstimatedFromTheRetentionPeriod() {
    automatedBackups(null, null);

    RestorableWindow window = Backups.using(ctx).rds("prod-database").restorableWindow();

    assertThat(window).isEqualTo(new RestorableWindow(NOW.minus(Duration.ofDays(7)), NOW.minusSeconds(300)));
  }
  @Test
  void aLatestTimeRestoreOfAnInstanceReportingItsLatestRestorableTimeReadsNoAutomatedBackups() {
    automatedBackups(null, null, backup(RESOURCE_ID, "active", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(240)));
    restoreToPointInTime();

    DatabaseInstance restored = Backups.using(ctx).rds("prod-database").restoreToLatestRestorableTime("recovered-database")
        .orElseThrow();

    assertThat(restored.id()).isEqualTo(DbInstanceId.of("recovered-database"));
    assertThat(restored.isAvailable()).isTrue();
    // The source, the new id (free), the restore, the wait's one read: four requests, none for the window.
    assertThat(requests("DescribeDBInstanceAutomatedBackups")).isZero();
    assertThat(requests("DescribeDBInstances")).isEqualTo(3);
    assertThat(requests("RestoreDBInstanceToPointInTime")).isEqualTo(1);
    assertThat(AWS.findAll(anyRequestedFor(anyUrl()))).hasSize(4);
  }

  @Test
  void aLatestTimeRestoreOfAnInstanceReportingNoLatestRestorableTimeTakesItFromTheAutomatedBackup() {
    sourceInstance(null);
    automatedBackups(null, null, backup(RESOURCE_ID, "active", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(240)));
    restoreToPointInTime();

    DatabaseInstance restored = Backups.using(ctx).rds("prod-database").restoreToLatestRestorableTime("recovered-database")
        .orElseThrow();

    assertThat(restored.isAvailable()).isTrue();
    assertThat(requests("DescribeDBInstanceAutomatedBackups")).isEqualTo(1);
    assertThat(requests("RestoreDBInstanceToPointInTime")).isEqualTo(1);
  }

  @Test
  void aLatestTimeRestoreWithNoLatestRestorableTimeAnywhereIsRefusedBeforeTheRestore() {
    sourceInstance(null);
    automatedBackups(null, null, backup(RESOURCE_ID, "creating", null, null));
    restoreToPointInTime();

    assertThatThrownBy(() -> Backups.using(ctx).rds("prod-database").restoreToLatestRestorableTime("recovered-database"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("rds:RestoreDBInstanceToPointInTime on prod-database: RDS reports no latest restorable time yet;"
            + " the first automated backup may still be running. Try again later or restore from a snapshot");
    assertThat(requests("RestoreDBInstanceToPointInTime")).isZero();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void aRestoreAnsweredAvailableIsNotWaitedFor() {
    restoreToPointInTime("available");

    DatabaseInstance restored = Backups.using(ctx).rds("prod-database").restoreToLatestRestorableTime("recovered-database")
        .orElseThrow();

    assertThat(restored.isAvailable()).isTrue();
    // The source and the new id (free) are read; the restore's answer already says available: no wait.
    assertThat(requests("DescribeDBInstances")).isEqualTo(2);
    assertThat(AWS.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
  }
}
