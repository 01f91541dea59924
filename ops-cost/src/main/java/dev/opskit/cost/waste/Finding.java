package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.util.Map;

/**
 * One piece of waste the finder found.
 *
 * @param kind what kind of waste
 * @param resourceId the resource's id as AWS's tagging call takes it (volume, allocation, snapshot and instance
 *     ids; a load balancer's and a DB snapshot's ARN)
 * @param detail why it counts as waste, in words
 * @param estimate its estimated monthly cost and where the price came from
 * @param tags the resource's tags, as AWS reported them
 */
public record Finding(WasteKind kind, String resourceId, String detail, CostEstimate estimate, Map<String, String> tags) {
  /**
   * Validates and copies.
   *
   * @param kind what kind of waste
   * @param resourceId the resource's id as AWS's tagging call takes it (volume, allocation, snapshot and instance
   *     ids; a load balancer's and a DB snapshot's ARN)
   * @param detail why it counts as waste, in words
   * @param estimate its estimated monthly cost and where the price came from
   * @param tags the resource's tags, as AWS reported them
   * @throws dev.opskit.core.ValidationException when a part is missing
   */
  public Finding {
    Checks.present("kind", kind, "a WasteKind");
    Checks.length("resourceId", resourceId, 1, 2048);
    Checks.present("detail", detail, "why the resource counts as waste");
    Checks.present("estimate", estimate, "a CostEstimate");
    tags = Checks.map("tags", tags, "the resource's tags");
  }
}
