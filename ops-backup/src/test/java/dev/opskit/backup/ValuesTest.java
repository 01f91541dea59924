package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.StorageClass;

class ValuesTest {

  @Nested
  class Prune {
    @Test
    void aPolicyNeedsARule() {
      assertThatThrownBy(() -> new PrunePolicy(null, null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid prunePolicy: null. Allowed: a maximum age, a number of snapshots to keep, or both");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void keepLastIsAtLeastOne(int count) {
      assertThatThrownBy(() -> PrunePolicy.keepLast(count))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid keepLast: '" + count + "'. Allowed: 1 or more");
    }

    @Test
    void combinesAgeAndCount() {
      assertThat(PrunePolicy.olderThan(Duration.ofDays(30)).keepingLast(5)).isEqualTo(new PrunePolicy(Duration.ofDays(30), 5));
    }
  }

  @Nested
  class Options {
    @Test
    void snapshotOptionsValidateTheNameAndRoundTripThroughTheirBuilder() {
      SnapshotOptions o = SnapshotOptions.builder().name("Before-Upgrade").tag("reason", "upgrade").waitUntilAvailable(false).build();
      assertThat(o.name()).map(Object::toString).contains("before-upgrade");
      assertThat(o.toBuilder().build()).isEqualTo(o);
      assertThatThrownBy(() -> SnapshotOptions.builder().name("ends-with-"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid name: 'ends-with-'. Allowed: no hyphen as the last character");
      assertThatThrownBy(() -> SnapshotOptions.builder().tag("aws:reserved", "x"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid tags.key: 'aws:reserved'");
    }

    @Test
    void anAbsentRestorePointOrTrafficSwitchIsAValidationError() {
      assertThatThrownBy(() -> RecoveryRequest.builder().restorePoint(null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid restorePoint: null. Allowed: a restore point: RestorePoint.snapshot(id), RestorePoint.at(time)"
              + " or RestorePoint.latest()");
      assertThatThrownBy(() -> RecoveryRequest.builder().trafficSwitch(null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid trafficSwitch: null. Allowed: a traffic switch hook");
      assertThatThrownBy(() -> new RestorePoint.FromSnapshot(null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid snapshotId: null. Allowed: a DB snapshot identifier");
      assertThatThrownBy(() -> SnapshotOptions.builder().tags(null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid tags: null. Allowed: a map of tag keys to values (may be empty)");
    }

    @Test
    void aWaitLongerThanAPollerWaitsIsRejectedBeforeAnythingIsSent() {
      Duration tooLong = Duration.ofDays(366);
      String message = "Invalid timeout: '" + tooLong + "'. Allowed: a positive duration of at most 365 days";

      assertThatThrownBy(() -> RecoveryRequest.builder().timeout(tooLong))
          .isExactlyInstanceOf(ValidationException.class).hasMessage(message);
      assertThatThrownBy(() -> SnapshotOptions.builder().timeout(tooLong))
          .isExactlyInstanceOf(ValidationException.class).hasMessage(message);
      assertThat(SnapshotOptions.builder().timeout(Duration.ofDays(365)).build().timeout()).contains(Duration.ofDays(365));
    }

    @Test
    void recoveryNeedsANewInstanceId() {
      assertThatThrownBy(() -> RecoveryRequest.builder().build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid newInstanceId: null. Allowed: the identifier of the instance to restore into");
      RecoveryRequest r = RecoveryRequest.builder().newInstanceId("db-recovered").restorePoint(RestorePoint.snapshot("snap-1")).build();
      assertThat(r.toBuilder().build().restorePoint()).isEqualTo(RestorePoint.snapshot("snap-1"));
    }
  }

  @Nested
  class Replication {
    private final Arn role = Arn.parse("arn:aws:iam::123456789012:role/replication");

    @Test
    void ruleIdsAreUniqueAndTheRoleIsAnIamRole() {
      BucketReplicationRule rule = BucketReplicationRule.of("replicate_all", "replica-bucket", StorageClass.STANDARD_IA);
      assertThatThrownBy(() -> new ReplicationDefinition(role, List.of(rule, rule)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("unique rule ids");
      assertThatThrownBy(() -> ReplicationDefinition.of(Arn.parse("arn:aws:s3:::bucket"), rule))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid replication.role: 'arn:aws:s3:::bucket'");
      assertThatThrownBy(() -> BucketReplicationRule.of("r", "Bad_Bucket", StorageClass.STANDARD))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid bucketName: 'Bad_Bucket'");
    }
  }

  @Nested
  class Statuses {
    @Test
    void everyDocumentedValueIsAConstantAndAnUnknownOneIsKeptNeverAnError() {
      assertThat(BackupJobDetails.State.of("RUNNING")).isSameAs(BackupJobDetails.State.RUNNING);
      assertThat(BackupJobDetails.State.of("COMPLETED").hasEnded()).isTrue();
      assertThat(BackupJobDetails.State.of("RUNNING").hasEnded()).isFalse();
      BackupJobDetails.State later = BackupJobDetails.State.of("VALIDATING");
      assertThat(later.isKnown()).isFalse();
      assertThat(later.value()).isEqualTo("VALIDATING");
      assertThat(later.hasEnded()).isFalse();
      assertThat(later).isEqualTo(BackupJobDetails.State.of("VALIDATING")).hasToString("VALIDATING");
      assertThat(BackupJobDetails.State.of(null).value()).isEmpty();

      assertThat(RecoveryPoint.Status.of("AVAILABLE")).isSameAs(RecoveryPoint.Status.AVAILABLE);
      assertThat(RecoveryPoint.Status.of("ARCHIVED").isKnown()).isFalse();
      assertThat(RecoveryPoint.Status.of("ARCHIVED").value()).isEqualTo("ARCHIVED");

      assertThat(BucketVersioning.Status.of("Enabled")).isSameAs(BucketVersioning.Status.ENABLED);
      assertThat(BucketVersioning.Status.of(null)).isSameAs(BucketVersioning.Status.NEVER_ENABLED);
      assertThat(BucketVersioning.Status.of("")).isSameAs(BucketVersioning.Status.NEVER_ENABLED);
      assertThat(new BucketVersioning(BucketVersioning.Status.of(null))).hasToString("versioning never enabled");
      assertThat(BucketVersioning.Status.of("Paused").isKnown()).isFalse();
      assertThat(BucketVersioning.Status.of("Paused").description()).isEqualTo("Paused");

      assertThat(BucketReplicationRule.Status.of("Disabled")).isSameAs(BucketReplicationRule.Status.DISABLED);
      assertThat(BucketReplicationRule.Status.of("Paused").isKnown()).isFalse();
    }
  }

  @Nested
  class Selections {
    @Test
    void resultValuesMadeWithoutTheirRequiredPartsAreValidationErrors() {
      assertThatThrownBy(() -> new BackupVault(null, null, 0))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid name: null. Allowed: a value (required)");
      assertThatThrownBy(() -> new BackupPlanSummary("p", "id", null, "v1"))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid arn: null. Allowed: a value (required)");
      assertThatThrownBy(() -> new RestorableWindow(null, java.time.Instant.EPOCH))
          .isExactlyInstanceOf(ValidationException.class).hasMessage("Invalid earliest: null. Allowed: a value (required)");
    }

    @Test
    void absentPartsAreValidationErrors() {
      Arn role = Arn.parse("arn:aws:iam::123456789012:role/backup");
      assertThatThrownBy(() -> new BackupSelectionDefinition("s", role, null, Map.of()))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid resources: null. Allowed: resource ARNs (may be empty when tags select)");
      assertThatThrownBy(() -> BackupSelectionDefinition.byResources("s", role, (Arn) null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid resources: '[null]'. Allowed: resource ARNs (may be empty when tags select), without null elements");
      assertThatThrownBy(() -> BackupSelectionDefinition.byTag("s", role, "Backup", null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid tags.Backup: null. Allowed: tag conditions as key/value pairs (may be empty when resources are"
              + " given), without a null value");
      assertThatThrownBy(() -> new BucketReplicationRule("r", BucketReplicationRule.Status.ENABLED, null, StorageClass.STANDARD))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid replicationRule.destinationBucket: null. Allowed: the destination bucket's name");
      assertThatThrownBy(() -> ReplicationDefinition.of(Arn.parse("arn:aws:iam::123456789012:role/replication"),
              (BucketReplicationRule[]) null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid replication.rules: null. Allowed: 1 to 1000 rules");
      assertThatThrownBy(() -> BackupJobRequest.builder().backupVaultName("efs-backup-vault").iamRoleArn(role).build())
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid resourceArn: null. Allowed: the ARN of the resource to back up");
    }

    @Test
    void aSelectionSelectsSomething() {
      Arn role = Arn.parse("arn:aws:iam::123456789012:role/backup");
      assertThatThrownBy(() -> new BackupSelectionDefinition("empty", role, List.of(), Map.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid selection: 'empty'. Allowed: at least one resource ARN or tag condition");
    }

    @Test
    void vaultDefinitionsTakeTheCoreTagRuleAndOnlyKmsKeys() {
      assertThatThrownBy(() -> BackupVaultDefinition.of("efs-backup-vault").withTags(Map.of("AWS:team", "storage")))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid backupVaultTags.key: 'AWS:team'. Allowed: a key not starting with aws: (in any case), which AWS"
              + " reserves");
      Arn notAKey = Arn.parse("arn:aws:iam::123456789012:role/backup");
      assertThatThrownBy(() -> BackupVaultDefinition.of("efs-backup-vault").withEncryptionKey(notAKey))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid encryptionKeyArn: '" + notAKey + "'. Allowed: a KMS key ARN, arn:aws:kms:<region>:<account>:key/<id>");
    }
  }

  @Nested
  class Reports {
    @Test
    void coverageTextAndJsonNameEachGap() {
      CoverageReport report = new CoverageReport(java.time.Instant.parse("2026-01-01T00:00:00Z"), "us-east-1", 1, 0, 0,
          List.of(new CoverageGap(CoverageGap.Kind.RDS_INSTANCE, "prod-database", "automated backups off (retention 0)")));
      assertThat(report.toText()).isEqualTo("""
          Backup coverage in us-east-1 at 2026-01-01T00:00:00Z
          Scanned: 1 RDS instances, 0 DynamoDB tables, 0 S3 buckets
          1 gap:
            RDS instance prod-database: automated backups off (retention 0)
          """);
      assertThat(report.toJson().replaceAll("\\s", "")).isEqualTo("{\"scannedAt\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\","
          + "\"scanned\":{\"rdsInstances\":1,\"dynamoDbTables\":0,\"s3Buckets\":0},\"gaps\":[{\"kind\":\"RDS_INSTANCE\","
          + "\"resource\":\"prod-database\",\"problem\":\"automatedbackupsoff(retention0)\"}]}");
      assertThat(new CoverageReport(report.scannedAt(), "us-east-1", 0, 0, 0, List.of()).toText())
          .endsWith("Every scanned resource is protected.\n");
    }
  }
}
