package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.time.LocalDate;

/**
 * A resource carrying the cleanup mark: the date after which it may go.
 *
 * @param kind the kind of waste it was marked as
 * @param resourceId the resource's id (as in {@link Finding#resourceId()})
 * @param deleteAfter the date (UTC) from which the sweep deletes it if it is still waste
 */
public record MarkedResource(WasteKind kind, String resourceId, LocalDate deleteAfter) {
  /**
   * Validates.
   *
   * @param kind the kind of waste it was marked as
   * @param resourceId the resource's id (as in {@link Finding#resourceId()})
   * @param deleteAfter the date (UTC) from which the sweep deletes it if it is still waste
   * @throws dev.opskit.core.ValidationException when a part is missing
   */
  public MarkedResource {
    Checks.present("kind", kind, "a WasteKind");
    Checks.length("resourceId", resourceId, 1, 2048);
    Checks.present("deleteAfter", deleteAfter, "a date");
  }
}
