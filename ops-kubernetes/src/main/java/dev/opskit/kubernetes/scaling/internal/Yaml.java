package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.ValidationException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.jspecify.annotations.Nullable;

/** YAML through fabric8's serialization, its failures as {@link ValidationException}s. */
public final class Yaml {
  /** The longest text read (a definition is small; this bounds the parser's work). */
  public static final int MAX_LENGTH = 1 << 20;
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Yaml() {}

  /**
   * Reads a {@code resources:} block.
   *
   * @param field the parameter, as the message names it
   * @param text the text
   * @return the requirements, or null when the block is empty
   * @throws ValidationException when the text is not such a block
   */
  public static @Nullable ResourceRequirements resources(String field, @Nullable String text) {
    Container c = read(field, text, Container.class,
        "YAML text of a container's resources: block, such as resources: {requests: {cpu: \"250m\"}}");
    return c.getResources();
  }

  /**
   * Reads one autoscaling/v2 HorizontalPodAutoscaler.
   *
   * @param field the parameter, as the message names it
   * @param text the text
   * @return the object
   * @throws ValidationException when the text is not one
   */
  public static HorizontalPodAutoscaler hpa(String field, @Nullable String text) {
    HorizontalPodAutoscaler h = read(field, text, HorizontalPodAutoscaler.class,
        "YAML text of one autoscaling/v2 HorizontalPodAutoscaler");
    if (!"autoscaling/v2".equals(h.getApiVersion()) || !"HorizontalPodAutoscaler".equals(h.getKind())) {
      throw ValidationException.of(field + ".apiVersion/kind", h.getApiVersion() + "/" + h.getKind(),
          "autoscaling/v2/HorizontalPodAutoscaler");
    }
    return h;
  }

  private static <T> T read(String field, @Nullable String text, Class<T> type, String allowed) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw ValidationException.of(field, text == null ? null : abbreviated(text),
          allowed + ", of at most " + MAX_LENGTH + " characters");
    }
    T value;
    try {
      value = SERIALIZATION.unmarshal(text, type);
    } catch (RuntimeException e) {
      // Jackson's and the YAML parser's messages quote the input; the field and what is allowed say enough.
      throw ValidationException.of(field, abbreviated(text), allowed);
    }
    if (value == null) {
      throw ValidationException.of(field, abbreviated(text), allowed);
    }
    return value;
  }

  private static String abbreviated(@Nullable String text) {
    String s = String.valueOf(text).strip();
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
