package dev.opskit.cost.lifecycle;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.lifecycle.internal.SnapshotLifecycleImpl;
import java.util.Optional;

/**
 * EBS snapshot lifecycle (Data Lifecycle Manager) policies as desired state: {@link #plan} finds each definition's
 * live policy by its {@value SnapshotLifecyclePolicy#NAME_TAG} tag and says whether {@code CreateLifecyclePolicy}
 * (tagged with the name) or {@code UpdateLifecyclePolicy} would make it so. Two live policies with the same name tag
 * are refused rather than guessed between; policies without the tag are never touched.
 *
 * <pre>{@code
 * SnapshotLifecycle dlm = SnapshotLifecycle.using(ctx);
 * dlm.apply(List.of(SnapshotLifecyclePolicy.guide(role)));
 * SnapshotLifecyclePolicy live = dlm.read("ebs-snapshots").orElseThrow();
 * }</pre>
 */
public interface SnapshotLifecycle extends DesiredState<SnapshotLifecyclePolicy> {
  /**
   * The operations on the context's DLM.
   *
   * @param ctx the context
   * @return the operations
   */
  static SnapshotLifecycle using(OpsContext ctx) {
    Checks.present("ctx", ctx, "an OpsContext");
    return new SnapshotLifecycleImpl(ctx);
  }

  /**
   * Reads back the live policy of a name.
   *
   * @param name the policy's name
   * @return the live policy as a definition, or empty when none carries the name
   * @throws dev.opskit.core.ResourceStateException when several policies carry it
   */
  Optional<SnapshotLifecyclePolicy> read(String name);
}
