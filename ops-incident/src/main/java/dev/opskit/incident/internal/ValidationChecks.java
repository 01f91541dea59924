package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import org.jspecify.annotations.Nullable;

/** Small argument checks of the runner's entry points. */
final class ValidationChecks {
  private ValidationChecks() {}

  static void present(String field, @Nullable Object value) {
    if (value == null) {
      throw ValidationException.of(field, null, "a value (required)");
    }
  }
}
