package dev.opskit.monitoring.alarm;

import dev.opskit.monitoring.internal.PresetTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alarm presets of one monitored resource, such as {@code AlarmPresets.rds("prod-database")}. Each
 * preset is a complete {@link AlarmDefinition} named {@code <resource>-<preset>} (for example
 * {@code prod-database-high-cpu}); adjust it with {@link AlarmDefinition#toBuilder()}.
 */
public final class ServicePresets {
  private final String service;
  private final Map<String, String> dimensions;

  ServicePresets(String service, Map<String, String> dimensions) {
    this.service = service;
    this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /** {@return the service, such as {@code rds}} */
  public String service() {
    return service;
  }

  /** {@return the resource's dimensions, such as {@code DBInstanceIdentifier=prod-database}} */
  public Map<String, String> dimensions() {
    return dimensions;
  }

  /** {@return the names of the presets, such as {@code highCpu}, {@code lowFreeStorage}} */
  public Set<String> keys() {
    return PresetTable.keys(service);
  }

  /**
   * One preset.
   *
   * @param key one of {@link #keys()}
   * @return the definition
   * @throws dev.opskit.core.ValidationException for an unknown key
   */
  public AlarmDefinition get(String key) {
    return PresetTable.preset(service, dimensions, key);
  }

  /** {@return every preset of the service, for this resource} */
  public List<AlarmDefinition> all() {
    return keys().stream().map(this::get).collect(Collectors.toList());
  }

  /** {@return the CPU preset ({@code highCpu}) of EC2, RDS and ECS; node CPU ({@code nodeCpu}) for EKS} */
  public AlarmDefinition highCpu() {
    return get(service.equals("eks") ? "nodeCpu" : "highCpu");
  }

  @Override
  public String toString() {
    return service + " presets for " + dimensions + ": " + keys();
  }
}
