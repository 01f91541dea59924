package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesNames;
import java.util.Map;

/**
 * How OpsKit recognises the HPAs it manages, so that a plan deletes only those: a label it puts on every HPA it
 * creates or updates (ops-monitoring's {@code ManagedBy} tag, as a Kubernetes label). Live HPAs carrying the label
 * that no definition names are deleted; HPAs without it are never touched unless a definition names them.
 *
 * @param key the label key, such as {@code app.kubernetes.io/managed-by}
 * @param value the label value, such as {@code opskit}
 */
public record ManagedBy(String key, String value) {
  /** {@code app.kubernetes.io/managed-by=opskit}, Kubernetes' recommended label. */
  public static final ManagedBy OPSKIT = new ManagedBy("app.kubernetes.io/managed-by", "opskit");

  /**
   * Validates the label as Kubernetes does.
   *
   * @param key the key
   * @param value the value
   * @throws ValidationException unless {@code key=value} is a valid label
   */
  public ManagedBy {
    Checks.present("managedBy.key", key, "a label key, such as app.kubernetes.io/managed-by");
    Checks.present("managedBy.value", value, "a label value, such as opskit");
    KubernetesNames.labelSelector("managedBy", key + "=" + value);
    if (value.isEmpty() || key.contains(",") || key.contains("=") || value.contains(",")
        || value.contains("=") || key.contains(" ") || value.contains(" ") || key.startsWith("!")) {
      throw ValidationException.of("managedBy", key + "=" + value,
          "one label key=value with a non-empty value, as Kubernetes' label rules allow");
    }
  }

  /** {@return the label, as a map} */
  public Map<String, String> labels() {
    return Map.of(key, value);
  }

  /**
   * Whether a live HPA's labels mark it as managed.
   *
   * @param labels its labels, or an empty map
   * @return whether it carries the label
   */
  public boolean manages(Map<String, String> labels) {
    return value.equals(labels.get(key));
  }

  /** {@code app.kubernetes.io/managed-by=opskit}. */
  @Override
  public String toString() {
    return key + "=" + value;
  }
}
