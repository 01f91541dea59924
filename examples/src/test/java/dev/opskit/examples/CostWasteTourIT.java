package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.NodeGroups;
import dev.opskit.cost.waste.Cleanup;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;

/** The cost section of the tour finds the orphaned volume, marks it after a dry run, and corrects the node group. */
@OpsEmulatorTest
class CostWasteTourIT {

  private static String run(OpsContext ctx) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CostWasteExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void findsPricesMarksAndCorrectsAndASecondRunChangesNothingMore(Emulator emulator, OpsContext ctx,
      InMemoryAuditSink audit) {
    emulator.reset();
    String out = run(ctx);

    assertThat(out).contains("UNATTACHED_VOLUME vol-").contains("USD 10.00/month (PRICE_TABLE: 100 GB gp2 × USD 0.10 per"
        + " GB_MONTH)").contains("would call ec2:CreateTags vol-").contains("notify: 1 marked (dry run)")
        .contains("today the sweep waits; nothing is due").contains("scalingConfig.maxSize: 5 -> 10");
    Volume volume = ctx.client(Ec2Client.class, Ec2Client::builder).describeVolumes().volumes().stream()
        .filter(v -> v.tags().stream().anyMatch(t -> t.value().equals(CostWasteExample.VOLUME_NAME))).findFirst()
        .orElseThrow();
    assertThat(volume.tags()).anyMatch(t -> t.key().equals(Cleanup.MARK_TAG));
    assertThat(NodeGroups.using(ctx).plan(NodeGroupDefinition.guideSpotNodes(CostWasteExample.CLUSTER)).isEmpty()).isTrue();
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);

    audit.clear();
    String again = run(ctx);
    assertThat(again).doesNotContain("created an orphaned").doesNotContain("created EKS cluster").contains("notify: 0 marked");
    assertThat(audit.events(e -> e.outcome() == Outcome.SUCCEEDED)).isEmpty();
  }
}
