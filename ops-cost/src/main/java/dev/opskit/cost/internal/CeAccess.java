package dev.opskit.cost.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.cost.CostOptions;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/** The context's Cost Explorer client and the run's options, shared by the explorer, reports and recommendations. */
final class CeAccess {
  private final OpsContext ctx;
  private final CostOptions options;

  CeAccess(OpsContext ctx, CostOptions options) {
    this.ctx = ctx;
    this.options = options;
  }

  CostExplorerClient costExplorer() {
    return ctx.client(CostExplorerClient.class, CostExplorerClient::builder);
  }

  CostOptions options() {
    return options;
  }
}
