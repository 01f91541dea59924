package dev.opskit.monitoring.dashboard;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.JsonValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One widget of a dashboard, exactly as in CloudWatch's dashboard body: a {@code type}, an optional
 * position and size on the 24-column grid, and {@code properties}.
 *
 * <pre>{@code
 * Widget cpu = Widget.metric()
 *     .title("Infrastructure Overview")
 *     .metric("AWS/EC2", "CPUUtilization")
 *     .metric("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "prod-database")
 *     .stat("Average").period(Duration.ofMinutes(5)).region("us-east-1")
 *     .build()
 *     .size(12, 6);
 * }</pre>
 *
 * <p>Widgets without a position are placed by {@link DashboardDefinition.Builder#build()}.
 */
public final class Widget {
  /** Columns of the dashboard grid. */
  public static final int COLUMNS = 24;
  private static final int MAX_METRICS = 100;

  private final String type;
  private final @Nullable Integer x;
  private final @Nullable Integer y;
  private final @Nullable Integer width;
  private final @Nullable Integer height;
  private final Map<String, Object> properties;

  private Widget(String type, @Nullable Integer x, @Nullable Integer y, @Nullable Integer width,
      @Nullable Integer height, Map<String, ?> properties) {
    Checks.length("widget.type", type, 1, 64);
    Checks.require(width == null || (width >= 1 && width <= COLUMNS), "widget.width", width, "1 to 24 columns");
    Checks.require(height == null || (height >= 1 && height <= 1000), "widget.height", height, "1 to 1000 rows");
    Checks.require(x == null || (x >= 0 && x < COLUMNS), "widget.x", x, "0 to 23");
    Checks.require(y == null || y >= 0, "widget.y", y, "0 or more");
    Checks.require(x == null || x + (width == null ? 6 : width) <= COLUMNS, "widget.x", x,
        "x + width at most 24 (the grid has 24 columns)");
    this.type = type;
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
    this.properties = JsonValues.freeze("widget.properties", properties);
    if (type.equals("metric")) {
      Checks.require(this.properties.get("region") instanceof String, "widget.properties.region",
          this.properties.get("region"), "the metrics' region, such as us-east-1 (CloudWatch requires it)");
    }
  }

  /**
   * Any widget type CloudWatch knows ({@code metric}, {@code text}, {@code alarm}, {@code log},
   * {@code explorer}, {@code custom}...), with its properties as plain JSON values (String, Number,
   * Boolean, List, Map).
   *
   * @param type the widget type
   * @param properties the properties
   * @return the widget, without position
   */
  public static Widget of(String type, Map<String, ?> properties) {
    return new Widget(type, null, null, null, null, properties);
  }

  /**
   * A text widget.
   *
   * @param markdown the text, in Markdown
   * @return the widget
   */
  public static Widget text(String markdown) {
    Checks.length("widget.properties.markdown", markdown, 1, 100_000);
    return of("text", Map.of("markdown", markdown));
  }

  /**
   * An alarm status widget showing the state of alarms.
   *
   * @param title the title
   * @param alarms the alarms' ARNs (1 to 100)
   * @return the widget
   */
  public static Widget alarmStatus(String title, List<Arn> alarms) {
    List<Arn> arns = Checks.list("widget.properties.alarms", alarms, "1 to 100 alarm ARNs");
    Checks.require(!arns.isEmpty() && arns.size() <= 100, "widget.properties.alarms", arns, "1 to 100 alarm ARNs");
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("title", title);
    props.put("alarms", arns.stream().map(Arn::toString).collect(Collectors.toList()));
    return of("alarm", props);
  }

  /**
   * Starts a metric (graph) widget.
   *
   * @return a new, empty metric widget builder
   */
  public static MetricBuilder metric() {
    return new MetricBuilder();
  }

  /**
   * A copy at a position.
   *
   * @param column x, 0 to 23
   * @param row y, 0 or more
   * @return the copy
   */
  public Widget at(int column, int row) {
    return new Widget(type, column, row, width, height, properties);
  }

  /**
   * A copy with a size.
   *
   * @param columns width, 1 to 24
   * @param rows height, 1 to 1000
   * @return the copy
   */
  public Widget size(int columns, int rows) {
    return new Widget(type, x, y, columns, rows, properties);
  }

  /** {@return the type, such as {@code metric}} */
  public String type() {
    return type;
  }

  /** {@return the column, or null when not placed} */
  public @Nullable Integer x() {
    return x;
  }

  /** {@return the row, or null when not placed} */
  public @Nullable Integer y() {
    return y;
  }

  /** {@return the width in columns, or null for CloudWatch's default (6)} */
  public @Nullable Integer width() {
    return width;
  }

  /** {@return the height in rows, or null for CloudWatch's default (6)} */
  public @Nullable Integer height() {
    return height;
  }

  /** {@return the properties, as deeply immutable plain JSON values} */
  public Map<String, Object> properties() {
    return properties;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Widget w && type.equals(w.type) && Objects.equals(x, w.x) && Objects.equals(y, w.y)
        && Objects.equals(width, w.width) && Objects.equals(height, w.height) && properties.equals(w.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, x, y, width, height, properties);
  }

  @Override
  public String toString() {
    return type + "@" + x + "," + y + " " + width + "x" + height + " " + properties;
  }

  /** Builds a metric widget: a graph (or number, gauge...) of one or more metrics. */
  public static final class MetricBuilder {
    private final List<List<Object>> metrics = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private @Nullable String title;
    private @Nullable String stat;
    private @Nullable Duration period;
    private @Nullable String region;
    private @Nullable String view;

    private MetricBuilder() {}

    /**
     * Adds a metric, with dimensions as name/value pairs.
     *
     * @param namespace such as {@code AWS/EC2}
     * @param metricName such as {@code CPUUtilization}
     * @param dimensionNamesAndValues such as {@code "InstanceId", "i-0123"}
     * @return this builder
     */
    public MetricBuilder metric(String namespace, String metricName, String... dimensionNamesAndValues) {
      List<String> dimensions = Checks.elements("widget.properties.metrics", "dimension names and values in pairs",
          dimensionNamesAndValues);
      Checks.require(dimensions.size() % 2 == 0, "widget.properties.metrics",
          dimensions, "dimension names and values in pairs");
      List<Object> row = new ArrayList<>();
      row.add(Checks.length("widget.properties.metrics.namespace", namespace, 1, 255));
      row.add(Checks.length("widget.properties.metrics.metricName", metricName, 1, 255));
      row.addAll(dimensions);
      metrics.add(row);
      return this;
    }

    /**
     * The title.
     *
     * @param value the title
     * @return this builder
     */
    public MetricBuilder title(String value) {
      this.title = value;
      return this;
    }

    /**
     * The statistic of every metric, such as {@code Average} or {@code p99}.
     *
     * @param value the statistic
     * @return this builder
     */
    public MetricBuilder stat(String value) {
      this.stat = value;
      return this;
    }

    /**
     * The period.
     *
     * @param value a multiple of 60 seconds up to 2,147,483,640 (or 1, 5, 10, 30 s for high-resolution metrics)
     * @return this builder
     */
    public MetricBuilder period(Duration value) {
      long s = value == null || value.getNano() != 0 ? -1 : value.getSeconds();
      Checks.require(s == 1 || s == 5 || s == 10 || s == 30 || (s > 0 && s % 60 == 0 && s <= Integer.MAX_VALUE),
          "widget.properties.period", value,
          "1, 5, 10 or 30 seconds (high-resolution metrics) or a positive multiple of 60 seconds up to 2147483640");
      this.period = value;
      return this;
    }

    /**
     * The region of the metrics (required by CloudWatch).
     *
     * @param value such as {@code us-east-1}
     * @return this builder
     */
    public MetricBuilder region(String value) {
      this.region = value;
      return this;
    }

    /**
     * The view: {@code timeSeries} (default), {@code singleValue}, {@code gauge}, {@code bar} or {@code pie}.
     *
     * @param value the view
     * @return this builder
     */
    public MetricBuilder view(String value) {
      this.view = value;
      return this;
    }

    /**
     * Any other property of a metric widget (such as {@code stacked}, {@code yAxis}, {@code annotations}).
     *
     * @param name the property
     * @param value a plain JSON value
     * @return this builder
     */
    public MetricBuilder property(String name, Object value) {
      Checks.present("widget.properties", name, "a property name, such as stacked");
      extra.put(name, Checks.present("widget.properties." + name, value, "a plain JSON value"));
      return this;
    }

    /**
     * Builds the widget (without position).
     *
     * @return the widget
     */
    public Widget build() {
      Checks.require(!metrics.isEmpty() && metrics.size() <= MAX_METRICS, "widget.properties.metrics",
          metrics.size() + " metrics", "1 to " + MAX_METRICS + " metrics");
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("metrics", metrics);
      if (period != null) {
        props.put("period", (int) period.toSeconds());
      }
      putIfPresent(props, "stat", stat);
      putIfPresent(props, "region", region);
      putIfPresent(props, "title", title);
      putIfPresent(props, "view", view);
      props.putAll(extra);
      return of("metric", props);
    }

    private static void putIfPresent(Map<String, Object> props, String key, @Nullable String value) {
      if (value != null) {
        props.put(key, value);
      }
    }
  }
}
