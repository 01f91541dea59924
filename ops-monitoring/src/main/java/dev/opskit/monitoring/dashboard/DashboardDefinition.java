package dev.opskit.monitoring.dashboard;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.DashboardJson;
import dev.opskit.monitoring.internal.Inputs;
import dev.opskit.monitoring.internal.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudWatch dashboard as a value: its name and its body, in exactly CloudWatch's dashboard body
 * structure ({@code widgets}, and top-level options such as {@code start}, {@code periodOverride} or
 * {@code variables}).
 *
 * <pre>{@code
 * DashboardDefinition overview = Dashboards.define("infrastructure-overview")
 *     .widget(Widget.text("# Production"))
 *     .widget(Widget.metric().title("Infrastructure Overview").metric("AWS/EC2", "CPUUtilization")
 *         .stat("Average").period(Duration.ofMinutes(5)).region("us-east-1").build())
 *     .build();
 * }</pre>
 *
 * <p>{@link #fromBodyJson} reads a body (such as the guide's core-metrics block) as it is, and
 * {@link #bodyJson()} writes a body equal to it as a JSON tree.
 */
public final class DashboardDefinition {
  private static final int MAX_WIDGETS = 500;
  private static final int DEFAULT_SIZE = 6;

  private final String name;
  private final List<Widget> widgets;
  private final Map<String, Object> options;

  private DashboardDefinition(String name, List<Widget> widgets, Map<String, ?> options) {
    Inputs.named("DashboardName", name, DashboardName::of);
    Checks.require(widgets.size() <= MAX_WIDGETS, "widgets", widgets.size(), "at most " + MAX_WIDGETS + " widgets");
    Checks.require(!options.containsKey("widgets"), "options", options.keySet(), "top-level options other than widgets");
    this.name = name;
    this.widgets = List.copyOf(widgets);
    this.options = JsonValues.freeze("options", options);
  }

  /**
   * Starts a dashboard.
   *
   * @param name 1 to 255 letters, digits, hyphens and underscores
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Starts a dashboard.
   *
   * @param name the dashboard name
   * @return a builder
   */
  public static Builder builder(DashboardName name) {
    return new Builder(Checks.present("DashboardName", name, "a dashboard name").value());
  }

  /**
   * Reads a dashboard body as CloudWatch stores it, such as the guide's core-metrics block.
   *
   * @param name the dashboard name
   * @param bodyJson the body: an object with {@code widgets}
   * @return the definition, with the widgets exactly as given (no layout added)
   * @throws dev.opskit.core.ValidationException when the body is not a dashboard body
   */
  public static DashboardDefinition fromBodyJson(String name, String bodyJson) {
    DashboardJson.Body body = DashboardJson.read(bodyJson);
    return new DashboardDefinition(name, body.widgets(), body.options());
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the name, typed} */
  public DashboardName dashboardName() {
    return DashboardName.of(name);
  }

  /** {@return the widgets, in order} */
  public List<Widget> widgets() {
    return widgets;
  }

  /**
   * {@return top-level body options other than widgets ({@code start}, {@code periodOverride}...), as plain JSON values}
   */
  public Map<String, Object> options() {
    return options;
  }

  /** {@return the body JSON as CloudWatch's PutDashboard takes it} */
  public String bodyJson() {
    return DashboardJson.write(widgets, options);
  }

  /**
   * A builder with this dashboard's widgets and options. Its widgets stay as they are, placed or not
   * (so {@code toBuilder().build()} equals this dashboard); {@link Builder#build()} places only the
   * widgets added to the builder.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.widgets.addAll(widgets);
    b.kept = widgets.size();
    b.options.putAll(options);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DashboardDefinition d && name.equals(d.name) && widgets.equals(d.widgets)
        && options.equals(d.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, widgets, options);
  }

  @Override
  public String toString() {
    return "DashboardDefinition[" + name + ", " + widgets.size() + " widgets]";
  }

  /** Builds a {@link DashboardDefinition}; widgets without a position are laid out on build. */
  public static final class Builder {
    private final String name;
    private final List<Widget> widgets = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    /** How many of the first widgets came from {@link DashboardDefinition#toBuilder()} and stay as they are. */
    private int kept;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds a widget.
     *
     * @param widget the widget
     * @return this builder
     */
    public Builder widget(Widget widget) {
      widgets.add(Checks.present("widget", widget, "a widget"));
      return this;
    }

    /**
     * Sets a top-level body option, such as {@code periodOverride} ({@code auto} or {@code inherit}) or
     * {@code start} ({@code -PT6H}).
     *
     * @param key the option
     * @param value a plain JSON value
     * @return this builder
     */
    public Builder option(String key, Object value) {
      Checks.present("options", key, "an option name, such as periodOverride");
      options.put(key, Checks.present("options." + key, value, "a plain JSON value"));
      return this;
    }

    /**
     * Builds the dashboard. Widgets added without a position are placed left to right, then top to bottom, on
     * the 24-column grid below the placed ones, with CloudWatch's default size (6 × 6) unless sized.
     *
     * @return the definition
     */
    public DashboardDefinition build() {
      return new DashboardDefinition(name, layout(widgets, kept), options);
    }

    private static List<Widget> layout(List<Widget> given, int kept) {
      long top = given.stream().filter(w -> w.y() != null)
          .mapToLong(w -> (long) w.y() + (w.height() == null ? DEFAULT_SIZE : w.height())).max().orElse(0);
      int x = 0;
      long y = top;
      int rowHeight = 0;
      List<Widget> out = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        Widget w = given.get(i);
        if (i < kept || (w.x() != null && w.y() != null)) {
          out.add(w);
          continue;
        }
        int width = w.width() == null ? DEFAULT_SIZE : w.width();
        int height = w.height() == null ? DEFAULT_SIZE : w.height();
        if (x + width > Widget.COLUMNS) {
          x = 0;
          y += rowHeight;
          rowHeight = 0;
        }
        Checks.require(y <= Integer.MAX_VALUE, "widget.y", y, "a row the grid can hold (at most " + Integer.MAX_VALUE + ")");
        out.add(w.size(width, height).at(x, (int) y));
        x += width;
        rowHeight = Math.max(rowHeight, height);
      }
      return out;
    }
  }
}
