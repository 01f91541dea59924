package dev.opskit.kubernetes.access;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The status of an EKS cluster, as {@code DescribeCluster} reports it ({@code cluster.status}).
 *
 * <p>An open set: {@link #of(String)} never throws; a status EKS adds later keeps its text ({@link #isKnown()}
 * false), and one EKS did not report is {@link #UNKNOWN}. Only {@link #ACTIVE} clusters can be connected.
 */
public final class EksClusterStatus {
  /** {@code CREATING}: being created; no endpoint yet. */
  public static final EksClusterStatus CREATING = new EksClusterStatus("CREATING", true);
  /** {@code ACTIVE}: ready; the only status a client can connect in. */
  public static final EksClusterStatus ACTIVE = new EksClusterStatus("ACTIVE", true);
  /** {@code DELETING}: being deleted. */
  public static final EksClusterStatus DELETING = new EksClusterStatus("DELETING", true);
  /** {@code FAILED}: could not be created. */
  public static final EksClusterStatus FAILED = new EksClusterStatus("FAILED", true);
  /** {@code UPDATING}: a version or configuration update is running. */
  public static final EksClusterStatus UPDATING = new EksClusterStatus("UPDATING", true);
  /** {@code PENDING}: waiting (EKS Anywhere and local clusters on Outposts). */
  public static final EksClusterStatus PENDING = new EksClusterStatus("PENDING", true);
  /** EKS reported no status. */
  public static final EksClusterStatus UNKNOWN = new EksClusterStatus("unknown", false);

  private static final List<EksClusterStatus> DOCUMENTED = List.of(CREATING, ACTIVE, DELETING, FAILED, UPDATING, PENDING);

  private final String value;
  private final boolean known;

  private EksClusterStatus(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  /**
   * The status of EKS's text.
   *
   * @param value EKS's text, such as {@code ACTIVE}; null or blank when EKS reported none
   * @return the documented constant (matched exactly, as EKS spells them), an unknown status keeping the text, or
   *     {@link #UNKNOWN}
   */
  public static EksClusterStatus of(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    for (EksClusterStatus status : DOCUMENTED) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    return new EksClusterStatus(value, false);
  }

  /**
   * The documented statuses.
   *
   * @return them, in the order of this class
   */
  public static List<EksClusterStatus> documented() {
    return DOCUMENTED;
  }

  /** {@return EKS's text for the status, such as {@code ACTIVE}; {@code unknown} when EKS reported none} */
  public String value() {
    return value;
  }

  /** {@return whether this is a status EKS documents; false for one added later, or none reported} */
  public boolean isKnown() {
    return known;
  }

  /** Equal when the texts are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EksClusterStatus that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** EKS's text, such as {@code ACTIVE}. */
  @Override
  public String toString() {
    return value;
  }
}
