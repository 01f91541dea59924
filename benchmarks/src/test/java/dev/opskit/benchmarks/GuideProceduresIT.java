package dev.opskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Row 6 compares like with like: each procedure's OpsKit side does the guide's work, read back from moto with
 * the raw SDK, and the guide's CLI commands leave the same state (where the machine has the AWS CLI).
 */
@OpsEmulatorTest
class GuideProceduresIT {

  @Test
  void replicationTurnsVersioningOnBothBucketsAndConfiguresTheGuidesRule(Emulator moto) {
    Procedures.Procedure p = Procedures.named("replication");

    bothSides(moto, p, direct -> {
      S3Client s3 = direct.client(S3Client.class, S3Client::builder);
      assertThat(s3.getBucketVersioning(r -> r.bucket(Procedures.SOURCE_BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
      assertThat(s3.getBucketVersioning(r -> r.bucket(Procedures.REPLICA_BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
      ReplicationConfiguration config = s3.getBucketReplication(r -> r.bucket(Procedures.SOURCE_BUCKET)).replicationConfiguration();
      assertThat(config.role()).isEqualTo(Procedures.REPLICATION_ROLE);
      assertThat(config.rules()).singleElement().satisfies(rule -> {
        assertThat(rule.id()).isEqualTo("replicate_all");
        assertThat(rule.statusAsString()).isEqualTo("Enabled");
        assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::" + Procedures.REPLICA_BUCKET);
        assertThat(rule.destination().storageClass()).isEqualTo(StorageClass.STANDARD_IA);
      });
      assertThat(config.rules()).extracting(ReplicationRule::priority).containsExactly(1);
    });
  }

  @Test
  void logRetentionMakesBothGroupsAndKeepsTheFirstThirtyDays(Emulator moto) {
    Procedures.Procedure p = Procedures.named("log retention");

    bothSides(moto, p, direct -> {
      Map<String, Integer> retention = direct.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder)
          .describeLogGroups(r -> r.logGroupNamePrefix("/aws/")).logGroups().stream()
          .collect(Collectors.toMap(LogGroup::logGroupName, g -> g.retentionInDays() == null ? 0 : g.retentionInDays()));
      assertThat(retention).containsOnly(Map.entry(Procedures.API_LOG_GROUP, 30), Map.entry(Procedures.LAMBDA_LOG_GROUP, 0));
    });
  }

  @Test
  void pitrRestoreLeavesAnAvailableInstanceOnBothSides(Emulator moto) {
    Procedures.Procedure p = Procedures.named("PITR restore");

    bothSides(moto, p, direct -> assertThat(direct.client(RdsClient.class, RdsClient::builder)
        .describeDBInstances(r -> r.dbInstanceIdentifier("recovered-database")).dbInstances())
        .singleElement().satisfies(i -> assertThat(i.dbInstanceStatus()).isEqualTo("available")));
  }

  /** The procedure through OpsKit, then (when there is a CLI) the guide's commands, each checked from a fresh moto. */
  private static void bothSides(Emulator moto, Procedures.Procedure p, Consumer<OpsContext> readBack) {
    moto.reset();
    try (OpsContext ctx = moto.contextBuilder().build()) {
      p.setup().accept(ctx);
      p.opskit().accept(ctx);
      readBack.accept(ctx);
    }
    Assumptions.assumeTrue(GuideRow.cliPath().isPresent(), "no AWS CLI on this machine: only OpsKit's side checked");
    moto.reset();
    try (OpsContext ctx = moto.contextBuilder().build()) {
      p.setup().accept(ctx);
      GuideRow.cliTimed0(moto, p);
      readBack.accept(ctx);
    }
  }
}
