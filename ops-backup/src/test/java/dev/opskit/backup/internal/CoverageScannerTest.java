package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.opskit.backup.CoverageGap;
import dev.opskit.backup.CoverageReport;
import dev.opskit.core.OpsContext;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Destination;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The coverage scan follows every page of every listing and counts replication into a bucket (stubbed SDK clients, real SDK paginators). */
class CoverageScannerTest {
  private final RdsClient rds = mock(RdsClient.class);
  private final DynamoDbClient dynamo = mock(DynamoDbClient.class);
  private final S3Client s3 = mock(S3Client.class);
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(new TestClock(Instant.parse("2026-01-01T00:00:00Z"))).build();

  @AfterEach
  void close() {
    ctx.close();
  }

  @Test
  void scansEveryPageOfInstancesTablesAndBuckets() {
    when(rds.describeDBInstancesPaginator(any(DescribeDbInstancesRequest.class))).thenCallRealMethod();
    when(rds.describeDBInstances(argThat((DescribeDbInstancesRequest r) -> r != null && r.marker() == null)))
        .thenReturn(DescribeDbInstancesResponse.builder().dbInstances(db("a-db", 7), db("b-db", 0)).marker("m2").build());
    when(rds.describeDBInstances(argThat((DescribeDbInstancesRequest r) -> r != null && "m2".equals(r.marker()))))
        .thenReturn(DescribeDbInstancesResponse.builder().dbInstances(db("c-db", 0)).build());
    when(dynamo.listTablesPaginator(any(ListTablesRequest.class))).thenCallRealMethod();
    when(dynamo.listTables(argThat((ListTablesRequest r) -> r != null && r.exclusiveStartTableName() == null)))
        .thenReturn(ListTablesResponse.builder().tableNames("t1").lastEvaluatedTableName("t1").build());
    when(dynamo.listTables(argThat((ListTablesRequest r) -> r != null && "t1".equals(r.exclusiveStartTableName()))))
        .thenReturn(ListTablesResponse.builder().tableNames("t2").build());
    when(dynamo.describeContinuousBackups(argThat((DescribeContinuousBackupsRequest r) -> r != null && r.tableName().equals("t1"))))
        .thenReturn(pitr("ENABLED"));
    when(dynamo.describeContinuousBackups(argThat((DescribeContinuousBackupsRequest r) -> r != null && r.tableName().equals("t2"))))
        .thenReturn(pitr("DISABLED"));
    when(s3.listBucketsPaginator(any(ListBucketsRequest.class))).thenCallRealMethod();
    when(s3.listBuckets(argThat((ListBucketsRequest r) -> r != null && r.continuationToken() == null)))
        .thenReturn(ListBucketsResponse.builder().buckets(Bucket.builder().name("bucket-one").build()).continuationToken("c2").build());
    when(s3.listBuckets(argThat((ListBucketsRequest r) -> r != null && "c2".equals(r.continuationToken()))))
        .thenReturn(ListBucketsResponse.builder().buckets(Bucket.builder().name("bucket-two").build()).build());
    when(s3.getBucketVersioning(any(GetBucketVersioningRequest.class)))
        .thenReturn(GetBucketVersioningResponse.builder().status("Enabled").build(), GetBucketVersioningResponse.builder().status("Suspended").build());
    when(s3.getBucketReplication(any(GetBucketReplicationRequest.class))).thenThrow(S3Exception.builder().statusCode(404)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ReplicationConfigurationNotFoundError").errorMessage("none").build()).build());

    CoverageReport report = new CoverageScanner(ctx, rds, dynamo, s3).scan();

    assertThat(report.rdsInstances()).isEqualTo(3);
    assertThat(report.dynamoDbTables()).isEqualTo(2);
    assertThat(report.s3Buckets()).isEqualTo(2);
    assertThat(report.gaps()).extracting(g -> g.kind() + " " + g.resource() + ": " + g.problem()).containsExactly(
        "RDS_INSTANCE b-db: automated backups off (retention 0)",
        "RDS_INSTANCE c-db: automated backups off (retention 0)",
        "DYNAMODB_TABLE t2: point-in-time recovery DISABLED",
        "S3_BUCKET bucket-one: no replication",
        "S3_BUCKET bucket-two: versioning suspended",
        "S3_BUCKET bucket-two: no replication");
    assertThat(report.gaps(CoverageGap.Kind.S3_BUCKET)).hasSize(3);
    // S3 lists the buckets of every region; only this region's can be read through this region's endpoint.
    org.mockito.Mockito.verify(s3, org.mockito.Mockito.times(2))
        .listBuckets(argThat((ListBucketsRequest r) -> r != null && "us-east-1".equals(r.bucketRegion())));
  }

  @Test
  void aBucketThatAnEnabledRuleOfAScannedBucketReplicatesIntoIsCoveredByIt() {
    when(rds.describeDBInstancesPaginator(any(DescribeDbInstancesRequest.class))).thenCallRealMethod();
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(DescribeDbInstancesResponse.builder().build());
    when(dynamo.listTablesPaginator(any(ListTablesRequest.class))).thenCallRealMethod();
    when(dynamo.listTables(any(ListTablesRequest.class))).thenReturn(ListTablesResponse.builder().build());
    when(s3.listBucketsPaginator(any(ListBucketsRequest.class))).thenCallRealMethod();
    when(s3.listBuckets(any(ListBucketsRequest.class))).thenReturn(ListBucketsResponse.builder().buckets(
        Stream.of("app-data", "app-data-replica", "logs", "logs-replica", "lonely").map(n -> Bucket.builder().name(n).build()).toList())
        .build());
    when(s3.getBucketVersioning(any(GetBucketVersioningRequest.class))).thenReturn(GetBucketVersioningResponse.builder().status("Enabled").build());
    when(s3.getBucketReplication(any(GetBucketReplicationRequest.class))).thenAnswer(call -> {
      String bucket = call.getArgument(0, GetBucketReplicationRequest.class).bucket();
      return switch (bucket) {
        case "app-data" -> replication(rule("to-replica", ReplicationRuleStatus.ENABLED, "arn:aws:s3:::app-data-replica"),
            rule("to-elsewhere", ReplicationRuleStatus.ENABLED, "arn:aws:s3:::not-scanned"));
        case "logs" -> replication(rule("paused", ReplicationRuleStatus.DISABLED, "arn:aws:s3:::logs-replica"));
        default -> throw S3Exception.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("ReplicationConfigurationNotFoundError").errorMessage("none").build()).build();
      };
    });

    CoverageReport report = new CoverageScanner(ctx, rds, dynamo, s3).scan();

    assertThat(report.s3Buckets()).isEqualTo(5);
    assertThat(report.gaps()).extracting(g -> g.resource() + ": " + g.problem()).containsExactly(
        "logs: replication disabled (no enabled rule)",
        "logs-replica: no replication",
        "lonely: no replication");
  }

  private static GetBucketReplicationResponse replication(ReplicationRule... rules) {
    return GetBucketReplicationResponse.builder().replicationConfiguration(ReplicationConfiguration.builder()
        .role("arn:aws:iam::123456789012:role/replication").rules(rules).build()).build();
  }

  private static ReplicationRule rule(String id, ReplicationRuleStatus status, String destination) {
    return ReplicationRule.builder().id(id).status(status).destination(Destination.builder().bucket(destination).build()).build();
  }

  private static DBInstance db(String id, int retention) {
    return DBInstance.builder().dbInstanceIdentifier(id).backupRetentionPeriod(retention).build();
  }

  private static DescribeContinuousBackupsResponse pitr(String status) {
    return DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
        .continuousBackupsStatus("ENABLED")
        .pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus(status).build()).build())
        .build();
  }
}
