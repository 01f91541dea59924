package dev.opskit.cost.explorer;

import java.util.stream.Collectors;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/** The Cost Explorer dimensions the SDK knows, for messages. */
final class Dimensions {
  private Dimensions() {}

  static String allowed() {
    return Dimension.knownValues().stream().map(Dimension::toString).sorted().collect(Collectors.joining(", "));
  }
}
