package dev.opskit.security.guardduty;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One GuardDuty finding, typed.
 *
 * @param id the finding id
 * @param type the finding type, such as {@code Recon:EC2/PortProbeUnprotectedPort}
 * @param severity the severity number GuardDuty reports
 * @param level the level of that number
 * @param title the title
 * @param resourceType the affected resource's type, such as {@code Instance}
 * @param resourceId the affected resource (instance id, bucket, cluster, access key id...), or its type when
 *     GuardDuty names none
 * @param accountId the account
 * @param region the region
 * @param firstSeen when the activity was first seen, or null
 * @param lastSeen when it was last seen, or null
 * @param count how many times it was seen
 * @param archived whether the finding is archived
 */
public record Finding(String id, String type, double severity, SeverityLevel level, String title, String resourceType,
    String resourceId, String accountId, String region, @Nullable Instant firstSeen, @Nullable Instant lastSeen,
    int count, boolean archived) {
  /**
   * Validates.
   *
   * @param id the finding id
   * @param type the finding type
   * @param severity the severity number GuardDuty reports
   * @param level the level of that number
   * @param title the title
   * @param resourceType the affected resource's type
   * @param resourceId the affected resource
   * @param accountId the account
   * @param region the region
   * @param firstSeen when the activity was first seen, or null
   * @param lastSeen when it was last seen, or null
   * @param count how many times it was seen
   * @param archived whether the finding is archived
   */
  public Finding {
    Checks.present("id", id, "a finding id");
    Checks.present("type", type, "a finding type");
    Checks.present("level", level, "a severity level");
    Checks.present("title", title, "a title");
    Checks.present("resourceType", resourceType, "a resource type");
    Checks.present("resourceId", resourceId, "a resource");
    Checks.present("accountId", accountId, "an account");
    Checks.present("region", region, "a region");
  }
}
