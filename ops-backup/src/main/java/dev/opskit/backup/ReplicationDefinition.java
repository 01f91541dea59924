package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * An S3 bucket's replication configuration as desired state: the IAM role S3 replicates as, and the rules.
 * The guide's:
 *
 * <pre>{@code
 * ReplicationDefinition.of(Arn.parse("arn:aws:iam::123456789012:role/replication"),
 *     BucketReplicationRule.of("replicate_all", "app-data-replica", StorageClass.STANDARD_IA));
 * }</pre>
 *
 * @param role the IAM role ARN ({@code Role})
 * @param rules the rules ({@code Rules}), 1 to 1000, ids unique
 */
public record ReplicationDefinition(Arn role, List<BucketReplicationRule> rules) {

  /**
   * Validates and copies.
   *
   * @param role the IAM role ARN ({@code Role})
   * @param rules the rules ({@code Rules}), 1 to 1000, ids unique
   */
  public ReplicationDefinition {
    Checks.iamRole("replication.role", role);
    rules = Checks.list("replication.rules", rules, "1 to 1000 rules");
    if (rules.isEmpty() || rules.size() > 1000) {
      throw ValidationException.of("replication.rules", rules.size(), "1 to 1000 rules");
    }
    if (new HashSet<>(rules.stream().map(BucketReplicationRule::id).toList()).size() != rules.size()) {
      throw ValidationException.of("replication.rules", rules.stream().map(BucketReplicationRule::id).toList(), "unique rule ids");
    }
  }

  /**
   * A definition.
   *
   * @param role the IAM role
   * @param rules the rules
   * @return the definition
   */
  public static ReplicationDefinition of(Arn role, BucketReplicationRule... rules) {
    return new ReplicationDefinition(role,
        Checks.list("replication.rules", rules == null ? null : Arrays.asList(rules), "1 to 1000 rules"));
  }
}
