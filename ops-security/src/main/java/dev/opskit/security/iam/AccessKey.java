package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.KeyIds;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One of a user's access keys, as {@code ListAccessKeys} and {@code GetAccessKeyLastUsed} describe it. No
 * secret: IAM shows a secret access key only once, when it is created.
 *
 * @param id the access key id (not a secret; OpsKit still shows only its last four characters in audit)
 * @param userName the user it belongs to
 * @param status active or inactive
 * @param createdAt when it was created
 * @param lastUsed when it last signed a request, as IAM reports it (hours late at times); null when never
 *     used or not asked
 * @param lastUsedService the service of that request, or null ({@code N/A} from IAM counts as null)
 */
public record AccessKey(String id, String userName, KeyStatus status, Instant createdAt,
    @Nullable Instant lastUsed, @Nullable String lastUsedService) {

  /**
   * Validates.
   *
   * @param id the access key id
   * @param userName the user
   * @param status the status
   * @param createdAt when it was created
   * @param lastUsed when it was last used, or null
   * @param lastUsedService the service of that use, or null
   */
  public AccessKey {
    Checks.present("id", id, "an access key id");
    Checks.present("userName", userName, "a user name");
    Checks.present("status", status, "a key status");
    Checks.present("createdAt", createdAt, "the creation time");
  }

  /** {@return when the key last signed a request, if IAM knows} */
  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsed);
  }

  /** {@code ****WXYZ Active created 2026-...}: the id masked to its last four characters. */
  @Override
  public String toString() {
    return KeyIds.mask(id) + " " + status + " created " + createdAt
        + (lastUsed == null ? "" : " last used " + lastUsed + (lastUsedService == null ? "" : " by " + lastUsedService));
  }
}
