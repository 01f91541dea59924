package dev.opskit.backup.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opskit.backup.Backups;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.TableBackup;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Listing across several pages, at the HTTP level: moto ignores MaxRecords for DescribeDBSnapshots, so
 * WireMock serves AWS-shaped pages (RDS's query/XML protocol with {@code <Marker>}, DynamoDB's JSON
 * protocol with {@code LastEvaluatedBackupArn}).
 */
class PagingWireMockTest {
  @RegisterExtension
  static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private OpsContext ctx;

  @BeforeEach
  void context() {
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(URI.create(AWS.baseUrl()))
        .build();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private static String snapshotsPage(String marker, String... snapshots) {
    StringBuilder xml = new StringBuilder("<DescribeDBSnapshotsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
        + "<DescribeDBSnapshotsResult><DBSnapshots>");
    for (String s : snapshots) {
      String[] parts = s.split("@", -1);
      xml.append("<DBSnapshot><DBSnapshotIdentifier>").append(parts[0]).append("</DBSnapshotIdentifier>")
          .append("<DBInstanceIdentifier>prod-database</DBInstanceIdentifier>")
          .append("<SnapshotType>").append(parts[0].startsWith("rds:") ? "automated" : "manual").append("</SnapshotType>")
          .append("<Status>available</Status><SnapshotCreateTime>").append(parts[1]).append("</SnapshotCreateTime>")
          .append("<Engine>postgres</Engine><AllocatedStorage>20</AllocatedStorage>")
          .append("<TagList><Tag><Key>team</Key><Value>payments</Value></Tag></TagList></DBSnapshot>");
    }
    xml.append("</DBSnapshots>");
    if (marker != null) {
      xml.append("<Marker>").append(marker).append("</Marker>");
    }
    return xml.append("</DescribeDBSnapshotsResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
        + "</DescribeDBSnapshotsResponse>").toString();
  }

  private static void page(String markerInRequest, String body) {
    AWS.stubFor(post(urlEqualTo("/"))
        .withRequestBody(containing("Action=DescribeDBSnapshots"))
        .withRequestBody(markerInRequest == null ? notContaining("Marker=") : containing("Marker=" + markerInRequest))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
  }

  @Test
  void rdsSnapshotsAreListedAcrossEveryPageNewestFirst() {
    page(null, snapshotsPage("page2", "prod-database-manual-20260101@2026-01-01T02:00:00.000Z",
        "rds:prod-database-2026-01-03-03-00@2026-01-03T03:00:00.000Z"));
    page("page2", snapshotsPage("page3", "prod-database-manual-20260105@2026-01-05T02:00:00.000Z"));
    page("page3", snapshotsPage(null, "rds:prod-database-2026-01-02-03-00@2026-01-02T03:00:00.000Z"));

    List<DbSnapshot> inAwsOrder;
    try (Stream<DbSnapshot> listed = Backups.using(ctx).rds("prod-database").snapshots()) {
      inAwsOrder = listed.toList();
    }
    List<DbSnapshot> all = inAwsOrder.stream().sorted(DbSnapshot.NEWEST_FIRST).toList();

    assertThat(inAwsOrder).extracting(DbSnapshot::id).containsExactly("prod-database-manual-20260101",
        "rds:prod-database-2026-01-03-03-00", "prod-database-manual-20260105", "rds:prod-database-2026-01-02-03-00");
    assertThat(all).extracting(DbSnapshot::id).containsExactly(
        "prod-database-manual-20260105", "rds:prod-database-2026-01-03-03-00",
        "rds:prod-database-2026-01-02-03-00", "prod-database-manual-20260101");
    assertThat(all).extracting(DbSnapshot::type).containsExactly(
        DbSnapshot.Type.MANUAL, DbSnapshot.Type.AUTOMATED, DbSnapshot.Type.AUTOMATED, DbSnapshot.Type.MANUAL);
    assertThat(all.get(0).tags()).containsEntry("team", "payments");
    AWS.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DBInstanceIdentifier=prod-database")));
  }

  @Test
  void rdsSnapshotsAreReadLazilyAndAnErrorOnALaterPageIsAnOpsException() {
    page(null, snapshotsPage("page2", "prod-database-manual-20260101@2026-01-01T02:00:00.000Z"));
    page("page2", snapshotsPage("page3", "prod-database-manual-20260102@2026-01-02T02:00:00.000Z"));
    AWS.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBSnapshots"))
        .withRequestBody(containing("Marker=page3"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
            "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type>"
                + "<Code>AccessDenied</Code><Message>not allowed to read page 3</Message></Error>"
                + "<RequestId>req-3</RequestId></ErrorResponse>")));

    try (Stream<DbSnapshot> listed = Backups.using(ctx).rds("prod-database").snapshots()) {
      assertThat(listed.findFirst()).map(DbSnapshot::id).contains("prod-database-manual-20260101");
    }
    AWS.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBSnapshots")));

    try (Stream<DbSnapshot> listed = Backups.using(ctx).rds("prod-database").snapshots()) {
      assertThatThrownBy(listed::toList)
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageStartingWith("rds:DescribeDBSnapshots on prod-database: ")
          .hasMessageContaining("not allowed to read page 3");
    }
  }

  private static String backupsPage(String last, String... names) {
    StringBuilder json = new StringBuilder("{\"BackupSummaries\":[");
    for (int i = 0; i < names.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"TableName\":\"user-sessions\",\"BackupName\":\"").append(names[i])
          .append("\",\"BackupArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/user-sessions/backup/").append(names[i])
          .append("\",\"BackupStatus\":\"AVAILABLE\",\"BackupCreationDateTime\":").append(1767225600 + i * 3600 + names[i].length())
          .append(",\"BackupSizeBytes\":100}");
    }
    json.append("]");
    if (last != null) {
      json.append(",\"LastEvaluatedBackupArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/user-sessions/backup/").append(last).append("\"");
    }
    return json.append("}").toString();
  }

  @Test
  void dynamoDbBackupsAreListedAcrossEveryPage() {
    AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListBackups"))
        .withRequestBody(notContaining("ExclusiveStartBackupArn"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withBody(backupsPage("b2", "b1", "b2"))));
    AWS.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListBackups"))
        .withRequestBody(containing("\"ExclusiveStartBackupArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/user-sessions/backup/b2\""))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withBody(backupsPage(null, "b3"))));

    List<TableBackup> all;
    try (Stream<TableBackup> listed = Backups.using(ctx).dynamoDb("user-sessions").backups()) {
      all = listed.toList();
    }

    assertThat(all).extracting(TableBackup::name).containsExactly("b1", "b2", "b3");
    // b2 is an hour younger than b1 and b3, which were made in the same second.
    assertThat(all.stream().sorted(TableBackup.NEWEST_FIRST).findFirst()).map(TableBackup::name).contains("b2");
  }
}
