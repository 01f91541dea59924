package dev.opskit.backup;

import dev.opskit.core.change.DesiredState;
import java.util.List;
import java.util.Optional;

/**
 * One bucket's replication configuration as desired state. {@link #plan} takes at most one definition (a bucket
 * has one configuration; none means "no replication", and a live one is then deleted with
 * {@code DeleteBucketReplication}) and compares it with the live configuration rule by rule, in S3's member names
 * ({@code Role}, {@code Rules[replicate_all].Destination.StorageClass}, {@code Rules[replicate_all].Status}...): one
 * {@code PutBucketReplication} makes the whole configuration. Missing prerequisites (versioning off on the source
 * or a destination, a destination that does not exist or is the source) are named in the plan's title, and
 * {@link #apply} refuses such a plan with a {@link dev.opskit.core.ValidationException} before any change: it reads
 * them again, so a plan made before versioning was enabled applies once it is. Planning and applying in one step
 * ({@code apply(definitions)}) reads them once.
 */
public interface S3Replication extends DesiredState<ReplicationDefinition> {

  /** {@return the live replication configuration; empty when none is configured. Reads only} */
  Optional<ReplicationDefinition> live();

  /**
   * What must be fixed before the definition can be applied, such as
   * {@code versioning is not enabled on source bucket app-data}. Reads only.
   *
   * @param definition the desired replication
   * @return the missing prerequisites; empty when ready
   */
  List<String> missingPrerequisites(ReplicationDefinition definition);
}
