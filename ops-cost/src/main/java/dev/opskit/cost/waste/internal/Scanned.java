package dev.opskit.cost.waste.internal;

import dev.opskit.cost.waste.Finding;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One resource a scan listed: its id, its tags, and the finding when it is waste.
 *
 * @param id the id the tagging call takes
 * @param tags its tags
 * @param finding the finding, or null when it is in use
 */
record Scanned(String id, Map<String, String> tags, @Nullable Finding finding) {
  Scanned {
    tags = Map.copyOf(tags);
  }
}
