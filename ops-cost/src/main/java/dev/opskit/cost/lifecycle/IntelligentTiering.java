package dev.opskit.cost.lifecycle;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.lifecycle.internal.IntelligentTieringImpl;
import java.util.List;

/**
 * S3 Intelligent-Tiering configurations as desired state: {@link #plan} compares definitions with the bucket's live
 * configurations of the same ids (others are left alone) and says what {@code PutBucketIntelligentTieringConfiguration}
 * calls would make them so; a plan that would take a bucket past {@value IntelligentTieringDefinition#MAX_PER_BUCKET}
 * configurations is refused.
 *
 * <pre>{@code
 * IntelligentTiering tiering = IntelligentTiering.using(ctx);
 * tiering.apply(List.of(IntelligentTieringDefinition.guide(BucketName.of("my-data"))));
 * }</pre>
 */
public interface IntelligentTiering extends DesiredState<IntelligentTieringDefinition> {
  /**
   * The operations on the context's S3.
   *
   * @param ctx the context
   * @return the operations
   */
  static IntelligentTiering using(OpsContext ctx) {
    Checks.present("ctx", ctx, "an OpsContext");
    return new IntelligentTieringImpl(ctx);
  }

  /**
   * Reads back a bucket's configurations (every page).
   *
   * @param bucket the bucket
   * @return its configurations, as definitions
   */
  List<IntelligentTieringDefinition> live(BucketName bucket);
}
