package dev.opskit.backup.internal;

import dev.opskit.core.Reads;
import dev.opskit.backup.BucketReplicationRule;
import dev.opskit.backup.BucketVersioning;
import dev.opskit.backup.CoverageGap;
import dev.opskit.backup.CoverageReport;
import dev.opskit.backup.PitrStatus;
import dev.opskit.backup.ReplicationDefinition;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;

/**
 * Scans RDS, DynamoDB and S3 (every page) for resources without backups. S3 lists every bucket of the
 * account whatever the region, and a bucket of another region cannot be read through this region's
 * endpoint, so only the buckets of the context's region are listed ({@code BucketRegion}). A bucket that an
 * enabled replication rule of another scanned bucket copies into is covered by that replication.
 */
final class CoverageScanner {
  private final OpsContext ctx;
  private final RdsClient rds;
  private final DynamoDbClient dynamo;
  private final S3Client s3;

  CoverageScanner(OpsContext ctx, RdsClient rds, DynamoDbClient dynamo, S3Client s3) {
    this.ctx = ctx;
    this.rds = rds;
    this.dynamo = dynamo;
    this.s3 = s3;
  }

  CoverageReport scan() {
    List<CoverageGap> gaps = new ArrayList<>();
    // Instances and tables are read page by page as they are checked: constant memory, whatever the account holds.
    int[] instances = {0};
    try (Stream<DBInstance> all = Reads.stream("rds:DescribeDBInstances", null, () ->
        rds.describeDBInstancesPaginator(DescribeDbInstancesRequest.builder().build()).dbInstances().stream())) {
      all.forEach(i -> {
        instances[0]++;
        if (i.backupRetentionPeriod() == null || i.backupRetentionPeriod() == 0) {
          gaps.add(new CoverageGap(CoverageGap.Kind.RDS_INSTANCE, i.dbInstanceIdentifier(), "automated backups off (retention 0)"));
        }
      });
    }
    int[] tables = {0};
    try (Stream<String> all = Reads.stream("dynamodb:ListTables", null, () ->
        dynamo.listTablesPaginator(ListTablesRequest.builder().build()).tableNames().stream())) {
      all.forEach(table -> {
        tables[0]++;
        try {
          PitrStatus pitr = DynamoDbBackupsImpl.pitrStatus(dynamo, table);
          if (!PitrStatus.ENABLED.equals(pitr)) {
            gaps.add(new CoverageGap(CoverageGap.Kind.DYNAMODB_TABLE, table, "point-in-time recovery " + pitr));
          }
        } catch (ResourceNotFoundException e) {
          // deleted while scanning: nothing to protect
        }
      });
    }
    // Buckets are few (an account's quota) and needed twice: to read each, then to see what replicates into which.
    List<String> buckets = Reads.read("s3:ListBuckets", null, () ->
        s3.listBucketsPaginator(ListBucketsRequest.builder().bucketRegion(ctx.region().id()).build()).buckets().stream().map(Bucket::name).toList());
    gaps.addAll(bucketGaps(buckets));
    gaps.sort(Comparator.comparing(CoverageGap::kind).thenComparing(CoverageGap::resource));
    return new CoverageReport(ctx.clock().instant(), ctx.region().id(), instances[0], tables[0], buckets.size(), gaps);
  }

  /**
   * Versioning and replication of each bucket. A bucket is replicated when one of its own rules is enabled, or
   * when an enabled rule of another scanned bucket copies into it (it holds the copies: the destination of a
   * live replication is covered by it). A disabled rule covers neither end.
   */
  private List<CoverageGap> bucketGaps(List<String> buckets) {
    List<CoverageGap> gaps = new ArrayList<>();
    Map<String, Optional<ReplicationDefinition>> replication = new LinkedHashMap<>();
    for (String bucket : buckets) {
      S3ProtectionImpl protection = new S3ProtectionImpl(ctx, s3, bucket);
      try {
        BucketVersioning versioning = protection.versioning().live();
        if (!versioning.isEnabled()) {
          gaps.add(new CoverageGap(CoverageGap.Kind.S3_BUCKET, bucket, versioning.toString()));
        }
        replication.put(bucket, protection.replication().live());
      } catch (ResourceNotFoundException e) {
        // deleted while scanning
      }
    }
    Set<String> replicatedInto = new HashSet<>();
    replication.forEach((bucket, definition) -> definition.ifPresent(d -> d.rules().stream()
        .filter(BucketReplicationRule::isEnabled)
        .map(r -> r.destinationBucket().value())
        .filter(destination -> !destination.equals(bucket))
        .forEach(replicatedInto::add)));
    replication.forEach((bucket, definition) -> {
      if (replicatedInto.contains(bucket)) {
        return;
      }
      if (definition.isEmpty()) {
        gaps.add(new CoverageGap(CoverageGap.Kind.S3_BUCKET, bucket, "no replication"));
      } else if (definition.get().rules().stream().noneMatch(BucketReplicationRule::isEnabled)) {
        gaps.add(new CoverageGap(CoverageGap.Kind.S3_BUCKET, bucket, "replication disabled (no enabled rule)"));
      }
    });
    return gaps;
  }
}
