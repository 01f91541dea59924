package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/** Derived contexts against the emulator: another region, and an assumed role through STS. */
@OpsEmulatorTest
class DerivedContextIT {

  @Test
  void anotherRegionSeesItsOwnResources(OpsContext ctx, InMemoryAuditSink audit) {
    Rds.create(ctx, Rds.postgres("east-db", "East-Pa55word-1"));
    try (OpsContext west = ctx.forRegion(Region.EU_WEST_1)) {
      Rds.create(west, Rds.postgres("west-db", "West-Pa55word-1"));
      assertThat(ids(west)).containsExactly("west-db");
    }
    assertThat(ids(ctx)).containsExactly("east-db");
    // The derived context audits to the same sink.
    assertThat(audit.events()).extracting(e -> e.target()).containsExactly("east-db", "west-db");
  }

  @Test
  void assumedRoleContextCallsAwsAsTheRole(OpsContext ctx) {
    String role = "arn:aws:iam::123456789012:role/opskit-operator";
    try (OpsContext asRole = ctx.assumeRole(role, "opskit-it")) {
      String arn = asRole.client(StsClient.class, StsClient::builder)
          .getCallerIdentity(GetCallerIdentityRequest.builder().build()).arn();
      assertThat(arn).isEqualTo("arn:aws:sts::123456789012:assumed-role/opskit-operator/opskit-it");
    }
    String own = ctx.client(StsClient.class, StsClient::builder)
        .getCallerIdentity(GetCallerIdentityRequest.builder().build()).arn();
    assertThat(own).doesNotContain("assumed-role");
  }

  private static List<String> ids(OpsContext ctx) {
    return ctx.client(RdsClient.class, RdsClient::builder).describeDBInstances().dbInstances().stream()
        .map(DBInstance::dbInstanceIdentifier).toList();
  }
}
