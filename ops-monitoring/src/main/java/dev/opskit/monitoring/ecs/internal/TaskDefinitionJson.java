package dev.opskit.monitoring.ecs.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.monitoring.ecs.ContainerDefinition;
import dev.opskit.monitoring.ecs.TaskDefinition;
import dev.opskit.monitoring.performance.internal.JsonMembers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The guide's task definition JSON (RegisterTaskDefinition's sizing members) to and from {@link TaskDefinition}. */
public final class TaskDefinitionJson {
  private static final Set<String> TASK = Set.of("family", "cpu", "memory", "containerDefinitions", "requiresCompatibilities");
  private static final Set<String> CONTAINER = Set.of("name", "image", "cpu", "memory", "memoryReservation", "essential");
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

  private TaskDefinitionJson() {}

  /**
   * Reads the JSON.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when it is not a valid task definition
   */
  public static TaskDefinition read(@Nullable String json) {
    JsonMembers m = JsonMembers.of(JsonMembers.parse("task definition", json, "a JSON object"), "", "task definition");
    m.onlyKnown(TASK);
    List<ContainerDefinition> containers = new ArrayList<>();
    int i = 0;
    for (JsonNode node : m.array("containerDefinitions")) {
      JsonMembers c = JsonMembers.of(node, "containerDefinitions[" + i++ + "]", "a container definition");
      c.onlyKnown(CONTAINER);
      containers.add(new ContainerDefinition(c.requiredText("name"), c.text("image"), c.integer("cpu"),
          c.integer("memory"), c.integer("memoryReservation"), c.bool("essential")));
    }
    return new TaskDefinition(m.requiredText("family"), units(m, "cpu", "CPU units as a string of digits, such as \"512\""),
        units(m, "memory", "MiB as a string of digits, such as \"1024\""), containers, m.texts("requiresCompatibilities"));
  }

  private static @Nullable Integer units(JsonMembers m, String member, String allowed) {
    String text = m.text(member);
    if (text == null) {
      return null;
    }
    if (!WHOLE.matcher(text).matches()) {
      throw ValidationException.of(member, Json.abbreviate(text), allowed);
    }
    return Integer.valueOf(text);
  }

  /**
   * Writes the JSON.
   *
   * @param t the definition
   * @return the text
   */
  public static String write(TaskDefinition t) {
    ObjectNode o = Json.object();
    o.put("family", t.family());
    if (!t.requiresCompatibilities().isEmpty()) {
      ArrayNode types = o.putArray("requiresCompatibilities");
      t.requiresCompatibilities().forEach(types::add);
    }
    if (t.cpu() != null) {
      o.put("cpu", String.valueOf(t.cpu()));
    }
    if (t.memory() != null) {
      o.put("memory", String.valueOf(t.memory()));
    }
    ArrayNode containers = o.putArray("containerDefinitions");
    for (ContainerDefinition c : t.containers()) {
      ObjectNode co = containers.addObject();
      co.put("name", c.name());
      if (c.image() != null) {
        co.put("image", c.image());
      }
      if (c.cpu() != null) {
        co.put("cpu", c.cpu());
      }
      if (c.memory() != null) {
        co.put("memory", c.memory());
      }
      if (c.memoryReservation() != null) {
        co.put("memoryReservation", c.memoryReservation());
      }
      if (c.essential() != null) {
        co.put("essential", c.essential());
      }
    }
    return Json.writePretty(o);
  }
}
