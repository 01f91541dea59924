package dev.opskit.security.patch;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ssm.model.PatchFilterKey;

/**
 * One filter of an approval rule: {@code {"Key": "CLASSIFICATION", "Values": ["Security"]}}.
 *
 * @param key the key, one of SSM's patch filter keys ({@code CLASSIFICATION}, {@code SEVERITY}, {@code
 *     PRODUCT}...)
 * @param values 1 to 20 values of 1 to 256 characters
 */
public record PatchFilter(String key, List<String> values) {
  /** The keys SSM knows. */
  public static final Set<String> KEYS;

  static {
    Set<String> keys = new TreeSet<>();
    for (PatchFilterKey k : PatchFilterKey.knownValues()) {
      keys.add(k.toString());
    }
    KEYS = java.util.Collections.unmodifiableSet(keys);
  }

  /**
   * Validates and copies.
   *
   * @param key the key
   * @param values 1 to 20 values of 1 to 256 characters
   */
  public PatchFilter {
    Checks.length("PatchFilter.Key", key, 1, 64);
    if (!KEYS.contains(key)) {
      throw ValidationException.of("PatchFilter.Key", key, "one of " + KEYS);
    }
    values = Checks.list("PatchFilter.Values", values, "1 to 20 values");
    Checks.range("PatchFilter.Values", values.size(), 1, 20, "1 to 20 values");
    values.forEach(v -> Checks.length("PatchFilter.Values", v, 1, 256));
  }

  /**
   * A filter.
   *
   * @param key the key
   * @param values the values
   * @return the filter
   */
  public static PatchFilter of(String key, String... values) {
    return new PatchFilter(key, Checks.elements("PatchFilter.Values", "1 to 20 values", values));
  }
}
