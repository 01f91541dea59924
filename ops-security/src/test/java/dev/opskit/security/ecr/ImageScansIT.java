package dev.opskit.security.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/** ECR scanning against moto: the guide's app-repo scan-on-push as desired state, and a scan started. */
@OpsEmulatorTest
class ImageScansIT {

  private static void repository(Emulator emulator, OpsContext ctx, String name) {
    emulator.reset();
    ctx.client(EcrClient.class, EcrClient::builder).createRepository(r -> r.repositoryName(name));
  }

  @Test
  void scanOnPushPassesTheDesiredStateContract(OpsContext ctx, InMemoryAuditSink audit, Emulator emulator) {
    repository(emulator, ctx, "app-repo");

    DesiredStateContract.of(ImageScans.using(ctx).scanOnPush(), ImageScans.using(ctx.withDryRun(true)).scanOnPush(), audit)
        .firstPlan(ResourceChange.Kind.UPDATE)
        .definitions(List.of(ScanOnPush.enabled("app-repo")))
        .changed(List.of(ScanOnPush.disabled("app-repo")), "scanOnPush")
        .check();

    assertThat(ctx.client(EcrClient.class, EcrClient::builder).describeRepositories(r -> r.repositoryNames("app-repo"))
        .repositories().get(0).imageScanningConfiguration().scanOnPush()).isTrue();
  }

  @Test
  void aMissingRepositoryFailsThePlanNamingIt(OpsContext ctx) {
    assertThatThrownBy(() -> ImageScans.using(ctx).scanOnPush().plan(List.of(ScanOnPush.enabled("no-such-repo"))))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("no-such-repo");
  }

  @Test
  void aScanStartedInADryRunIsOnlyPlanned(OpsContext ctx, InMemoryAuditSink audit, Emulator emulator) {
    repository(emulator, ctx, "app-repo");

    ChangeResult<ScanStatus> result = ImageScans.using(ctx.withDryRun(true))
        .startScan(RepositoryName.of("app-repo"), ImageRef.tag("latest"));

    assertThat(result.isPlanned()).isTrue();
    assertThat(result.call().operation()).isEqualTo("ecr:StartImageScan");
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("ecr:StartImageScan"));
  }
}
