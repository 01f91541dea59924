package dev.opskit.cost.eks.internal;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.cost.eks.CapacityType;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.ScalingConfig;
import java.util.Set;

/** EKS's CreateNodegroup JSON shape of {@link NodeGroupDefinition} (the members OpsKit compares). */
public final class NodeGroupJson {
  private NodeGroupJson() {}

  /**
   * Writes a definition.
   *
   * @param d the definition
   * @return the JSON text
   */
  public static String write(NodeGroupDefinition d) {
    ObjectNode root = Json.object();
    root.put("clusterName", d.cluster());
    root.put("nodegroupName", d.name());
    root.put("capacityType", d.capacityType().value());
    ArrayNode types = root.putArray("instanceTypes");
    d.instanceTypes().forEach(types::add);
    root.putObject("scalingConfig").put("minSize", d.scaling().minSize()).put("maxSize", d.scaling().maxSize())
        .put("desiredSize", d.scaling().desiredSize());
    return Json.write(root);
  }

  /**
   * Reads a definition.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when the text is not a definition
   */
  public static NodeGroupDefinition read(String json) {
    JsonFields root = JsonFields.parse(json, "node group JSON");
    root.onlyKnown(Set.of("clusterName", "nodegroupName", "capacityType", "instanceTypes", "scalingConfig"));
    JsonFields scaling = root.object("scalingConfig");
    scaling.onlyKnown(Set.of("minSize", "maxSize", "desiredSize"));
    return new NodeGroupDefinition(root.requiredText("clusterName"), root.requiredText("nodegroupName"),
        CapacityType.of(root.requiredText("capacityType")), root.texts("instanceTypes"),
        new ScalingConfig(size(scaling, "minSize"), size(scaling, "desiredSize"), size(scaling, "maxSize")));
  }

  private static int size(JsonFields scaling, String field) {
    Integer v = scaling.integer(field);
    if (v == null) {
      throw ValidationException.of(scaling.name(field), null, "a whole number of nodes");
    }
    return v;
  }
}
