package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alarm presets as data: the guide's alarm blocks, and one small table per service
 * ({@code service-presets.json}: namespace, dimension names, and PutMetricAlarm fields per preset).
 */
public final class PresetTable {
  private static final JsonNode SERVICES = Resources.json("/dev/opskit/monitoring/alarm/service-presets.json");
  private static final List<AlarmDefinition> GUIDE = readGuide();

  private PresetTable() {}

  private static List<AlarmDefinition> readGuide() {
    List<AlarmDefinition> out = new ArrayList<>();
    Resources.json("/dev/opskit/monitoring/alarm/guide-alarms.json")
        .forEach(node -> out.add((AlarmDefinition) AlarmJson.read(node)));
    return List.copyOf(out);
  }

  /**
   * The guide's three alarms, read from its JSON blocks.
   *
   * @return HighCPUUtilization, DatabaseConnectionFailures, HighMemoryUsage
   */
  public static List<AlarmDefinition> guide() {
    return GUIDE;
  }

  /**
   * The dimension names of a service's presets.
   *
   * @param service such as {@code rds}
   * @return the names, such as {@code [DBInstanceIdentifier]}
   */
  public static List<String> dimensionNames(String service) {
    List<String> out = new ArrayList<>();
    SERVICES.path(service).path("Dimensions").forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The preset keys of a service.
   *
   * @param service such as {@code rds}
   * @return the keys in table order
   */
  public static Set<String> keys(String service) {
    Set<String> out = new LinkedHashSet<>();
    SERVICES.path(service).path("Alarms").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /**
   * One preset for one resource.
   *
   * @param service such as {@code rds}
   * @param dimensions the resource's dimension values by name
   * @param key the preset, such as {@code highCpu}
   * @return the definition, named {@code <dimension values>-<key in kebab case>}
   */
  public static AlarmDefinition preset(String service, Map<String, String> dimensions, String key) {
    JsonNode table = SERVICES.path(service);
    JsonNode row = table.path("Alarms").get(key);
    if (row == null) {
      throw ValidationException.of(service + ".preset", key, "one of " + keys(service));
    }
    ObjectNode json = ((ObjectNode) row).deepCopy();
    json.put("AlarmName", String.join("-", dimensions.values()) + "-" + kebab(key));
    json.put("Namespace", table.path("Namespace").asText());
    json.set("Dimensions", JsonFields.pairsNode(new LinkedHashMap<>(dimensions), "Name", "Value"));
    AlarmSpec spec = AlarmJson.read(json);
    return (AlarmDefinition) spec;
  }

  private static String kebab(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
