package dev.opskit.kubernetes.access;

import dev.opskit.core.ValidationException;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.access.internal.ClusterNames;
import java.time.Duration;
import java.time.Instant;

/**
 * An EKS bearer token ({@code k8s-aws-v1.…}), as {@code aws eks get-token} makes it. The token is a credential:
 * it is held as a {@link SecretValue} and never shown ({@link #toString()} leaves it out).
 *
 * <p>EKS accepts the token for {@link #VALIDITY} after it was signed (the presigned URL's {@code X-Amz-Date},
 * whatever its {@code X-Amz-Expires}); OpsKit makes a new one after {@link #REFRESH_AFTER}, well before that.
 *
 * @param clusterName the cluster the token is for (signed in its {@code x-k8s-aws-id} header)
 * @param token the token; {@link SecretValue#reveal()} gives the text to send as {@code Authorization: Bearer}
 * @param issuedAt when it was signed (its {@code X-Amz-Date}, whole seconds)
 */
public record EksToken(String clusterName, SecretValue token, Instant issuedAt) {
  /** How long EKS accepts a token after it was signed: 15 minutes. */
  public static final Duration VALIDITY = Duration.ofMinutes(15);

  /** When a client using the token makes a new one: 10 minutes after signing, 5 before it expires. */
  public static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

  /**
   * Checks the parts.
   *
   * @param clusterName the cluster the token is for
   * @param token the token
   * @param issuedAt when it was signed
   * @throws ValidationException when the cluster name is not an EKS cluster name, or token or issuedAt is null
   */
  public EksToken {
    ClusterNames.check("clusterName", clusterName);
    Checks.present("token", token, "the token");
    Checks.present("issuedAt", issuedAt, "when the token was signed");
  }

  /** {@return when EKS stops accepting the token: {@link #issuedAt()} plus {@link #VALIDITY}} */
  public Instant expiresAt() {
    return issuedAt.plus(VALIDITY);
  }

  /** {@return when a new token should be made: {@link #issuedAt()} plus {@link #REFRESH_AFTER}} */
  public Instant refreshAt() {
    return issuedAt.plus(REFRESH_AFTER);
  }

  /**
   * Whether a new token should be made at {@code now}.
   *
   * @param now the time, from the context's clock
   * @return true from {@link #refreshAt()} on
   */
  public boolean isDueForRefresh(Instant now) {
    return !now.isBefore(refreshAt());
  }

  /** The cluster and times, never the token. */
  @Override
  public String toString() {
    return "EksToken[clusterName=" + clusterName + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt() + "]";
  }
}
