package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.monitoring.dashboard.Widget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The dashboard body JSON, exactly CloudWatch's structure. */
public final class DashboardJson {
  private static final Set<String> WIDGET_FIELDS = Set.of("type", "x", "y", "width", "height", "properties");

  private DashboardJson() {}

  /**
   * A parsed body.
   *
   * @param widgets the widgets
   * @param options the other top-level fields
   */
  public record Body(List<Widget> widgets, Map<String, Object> options) {}

  /**
   * Reads a body.
   *
   * @param json the body JSON
   * @return the widgets and options
   */
  public static Body read(String json) {
    JsonNode tree = JsonValues.parse(json, "DashboardBody");
    JsonFields body = JsonFields.of(tree, "DashboardBody", "");
    List<Widget> widgets = new ArrayList<>();
    int i = 0;
    for (JsonNode node : body.array("widgets")) {
      JsonFields w = JsonFields.of(node, "widgets", "widgets[" + i + "].");
      w.onlyKnown(WIDGET_FIELDS);
      String propertiesField = "widgets[" + i + "].properties";
      Map<String, Object> properties = w.has("properties")
          ? JsonValues.fromTree(propertiesField, JsonFields.of(node.get("properties"), "properties", propertiesField + ".").node())
          : Map.of();
      Widget widget = Widget.of(w.requiredText("type"), properties);
      Integer x = w.integer("x");
      Integer y = w.integer("y");
      Integer width = w.integer("width");
      Integer height = w.integer("height");
      if (width != null || height != null) {
        if (width == null || height == null) {
          throw ValidationException.of("widgets[" + i + "].width", width + "x" + height,
              "width and height together (OpsKit keeps a widget's size whole)");
        }
        widget = widget.size(width, height);
      }
      if (x != null || y != null) {
        if (x == null || y == null) {
          throw ValidationException.of("widgets[" + i + "].x", x + "," + y, "x and y together");
        }
        widget = widget.at(x, y);
      }
      widgets.add(widget);
      i++;
    }
    if (!body.has("widgets")) {
      throw ValidationException.of("widgets", null, "an array of widgets (required in a dashboard body)");
    }
    ObjectNode rest = body.node().deepCopy();
    rest.remove("widgets");
    return new Body(widgets, JsonValues.fromTree("DashboardBody", rest));
  }

  /**
   * Writes a body.
   *
   * @param widgets the widgets
   * @param options the other top-level fields
   * @return the body JSON
   */
  public static String write(List<Widget> widgets, Map<String, Object> options) {
    return Json.write(tree(widgets, options));
  }

  static ObjectNode tree(List<Widget> widgets, Map<String, Object> options) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("widgets");
    for (Widget w : widgets) {
      ObjectNode n = array.addObject();
      n.put("type", w.type());
      putIfPresent(n, "x", w.x());
      putIfPresent(n, "y", w.y());
      putIfPresent(n, "width", w.width());
      putIfPresent(n, "height", w.height());
      n.set("properties", JsonValues.toTree(new LinkedHashMap<>(w.properties())));
    }
    options.forEach((k, v) -> body.set(k, JsonValues.toTree(v)));
    return body;
  }

  private static void putIfPresent(ObjectNode n, String field, @Nullable Integer value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
