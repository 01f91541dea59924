package dev.opskit.monitoring.metrics.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.metrics.Datapoint;
import dev.opskit.monitoring.metrics.MetricSeries;
import dev.opskit.monitoring.metrics.Metrics;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.SeriesStatus;
import dev.opskit.monitoring.metrics.Stat;
import dev.opskit.monitoring.metrics.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** {@link Metrics} on a CloudWatch client: reads only. */
public final class MetricsImpl implements Metrics {
  private final CloudWatchClient cloudWatch;
  private final Clock clock;

  /**
   * Binds to a client.
   *
   * @param cloudWatch the client
   * @param clock the clock the range's age is measured on
   */
  public MetricsImpl(CloudWatchClient cloudWatch, Clock clock) {
    this.cloudWatch = cloudWatch;
    this.clock = clock;
  }

  /**
   * The operations on the context's own client.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Metrics of(OpsContext ctx) {
    return new MetricsImpl(ctx.client(CloudWatchClient.class, CloudWatchClient::builder), ctx.clock());
  }

  @Override
  public MetricSeries statistics(SeriesQuery query, TimeRange range) {
    Checks.present("query", query, "a metric query");
    Checks.present("range", range, "a time range");
    Checks.require(!query.isExpression(), "query", query, "a metric, not an expression (use data(...) for metric math)");
    PeriodRules.check("query.period", query.period(), range, clock.instant());
    long points = PeriodRules.datapoints(query.period(), range);
    Checks.require(points <= MAX_STATISTICS_DATAPOINTS, "range", range + " (" + points + " datapoints)",
        "at most " + MAX_STATISTICS_DATAPOINTS + " datapoints per GetMetricStatistics call: a shorter range or a"
            + " longer period");
    Stat stat = Objects.requireNonNull(query.stat());
    GetMetricStatisticsRequest.Builder b = GetMetricStatisticsRequest.builder()
        .namespace(query.namespace()).metricName(query.metricName()).dimensions(dimensions(query.dimensions()))
        .startTime(range.start()).endTime(range.end()).period((int) query.period().toSeconds());
    if (stat.isPercentile()) {
      b.extendedStatistics(stat.value());
    } else {
      b.statisticsWithStrings(stat.value());
    }
    if (query.unit() != null) {
      b.unit(query.unit());
    }
    GetMetricStatisticsRequest request = b.build();
    GetMetricStatisticsResponse response = Reads.read("cloudwatch:GetMetricStatistics", query.namespace() + "/"
        + query.metricName(), () -> cloudWatch.getMetricStatistics(request));
    List<Datapoint> out = new ArrayList<>();
    String unit = query.unit();
    for (software.amazon.awssdk.services.cloudwatch.model.Datapoint d : response.datapoints()) {
      Double v = value(d, stat);
      if (v != null && d.timestamp() != null) {
        out.add(new Datapoint(d.timestamp(), v));
        if (d.unitAsString() != null) {
          unit = d.unitAsString();
        }
      }
    }
    String label = Objects.requireNonNullElse(response.label(), Objects.requireNonNull(query.metricName()));
    return new MetricSeries(Objects.requireNonNullElse(query.id(), "m0"), label, out, unit, SeriesStatus.COMPLETE,
        List.of());
  }

  private static @Nullable Double value(software.amazon.awssdk.services.cloudwatch.model.Datapoint d, Stat stat) {
    return switch (stat.value()) {
      case "Average" -> d.average();
      case "Sum" -> d.sum();
      case "Minimum" -> d.minimum();
      case "Maximum" -> d.maximum();
      case "SampleCount" -> d.sampleCount();
      default -> d.hasExtendedStatistics() ? d.extendedStatistics().get(stat.value()) : null;
    };
  }

  @Override
  public List<List<String>> batches(Collection<SeriesQuery> queries, TimeRange range) {
    Prepared p = prepare(queries, range);
    return p.calls.stream().map(call -> call.stream().map(p.ids::get).toList()).toList();
  }

  @Override
  public List<MetricSeries> data(Collection<SeriesQuery> queries, TimeRange range) {
    Prepared p = prepare(queries, range);
    Map<String, Merged> merged = new LinkedHashMap<>();
    for (int i = 0; i < p.queries.size(); i++) {
      if (p.queries.get(i).returnData()) {
        merged.put(p.ids.get(i), new Merged(p.queries.get(i), p.ids.get(i)));
      }
    }
    for (List<Integer> call : p.calls) {
      List<MetricDataQuery> sdk = call.stream().map(i -> toSdk(p.queries.get(i), p.ids.get(i))).toList();
      GetMetricDataRequest request = GetMetricDataRequest.builder()
          .startTime(range.start()).endTime(range.end()).scanBy(ScanBy.TIMESTAMP_ASCENDING)
          .metricDataQueries(sdk).build();
      String target = p.ids.get(call.get(0)) + ".." + p.ids.get(call.get(call.size() - 1));
      Reads.read("cloudwatch:GetMetricData", target, () -> {
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
          List<String> pageMessages = page.messages().stream().map(MetricsImpl::text).toList();
          for (MetricDataResult r : page.metricDataResults()) {
            Merged m = merged.get(r.id());
            if (m != null) {
              m.add(r);
            }
          }
          if (!pageMessages.isEmpty()) {
            call.stream().map(p.ids::get).map(merged::get).filter(Objects::nonNull)
                .forEach(m -> m.messages.addAll(pageMessages));
          }
        }
        return null;
      });
    }
    return merged.values().stream().map(Merged::series).toList();
  }

  private Prepared prepare(Collection<SeriesQuery> queries, TimeRange range) {
    List<SeriesQuery> list = Values.list("queries", queries, "metric queries");
    Checks.require(!list.isEmpty(), "queries", "[]", "at least one metric query");
    Checks.present("range", range, "a time range");
    Instant now = clock.instant();
    for (int i = 0; i < list.size(); i++) {
      PeriodRules.check("queries[" + i + "].period", list.get(i).period(), range, now);
    }
    List<String> ids = MetricIds.assign(list);
    return new Prepared(list, ids, MetricBatches.plan(list, ids, range));
  }

  private record Prepared(List<SeriesQuery> queries, List<String> ids, List<List<Integer>> calls) {}

  private static MetricDataQuery toSdk(SeriesQuery q, String id) {
    MetricDataQuery.Builder b = MetricDataQuery.builder().id(id).returnData(q.returnData());
    if (q.label() != null) {
      b.label(q.label());
    }
    if (q.expression() != null) {
      return b.expression(q.expression()).period((int) q.period().toSeconds()).build();
    }
    MetricStat.Builder stat = MetricStat.builder()
        .metric(Metric.builder().namespace(q.namespace()).metricName(q.metricName())
            .dimensions(dimensions(q.dimensions())).build())
        .period((int) q.period().toSeconds()).stat(Objects.requireNonNull(q.stat()).value());
    if (q.unit() != null) {
      stat.unit(q.unit());
    }
    return b.metricStat(stat.build()).build();
  }

  private static List<Dimension> dimensions(Map<String, String> dims) {
    return dims.entrySet().stream().map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static String text(MessageData m) {
    return Objects.requireNonNullElse(m.code(), "") + (m.value() == null ? "" : ": " + m.value());
  }

  /** One series being merged across pages. */
  private static final class Merged {
    private final SeriesQuery query;
    private final String id;
    private @Nullable String label;
    private final List<Datapoint> points = new ArrayList<>();
    private @Nullable String status;
    private final List<String> messages = new ArrayList<>();

    Merged(SeriesQuery query, String id) {
      this.query = query;
      this.id = id;
    }

    void add(MetricDataResult r) {
      if (label == null) {
        label = r.label();
      }
      int n = Math.min(r.timestamps().size(), r.values().size());
      for (int i = 0; i < n; i++) {
        Instant t = r.timestamps().get(i);
        Double v = r.values().get(i);
        if (t != null && v != null) {
          points.add(new Datapoint(t, v));
        }
      }
      status = r.statusCodeAsString();
      r.messages().forEach(m -> messages.add(text(m)));
    }

    MetricSeries series() {
      String name = label != null ? label
          : Objects.requireNonNullElse(query.label(), Objects.requireNonNullElse(query.metricName(), id));
      if (status == null) {
        return new MetricSeries(id, name, points, query.unit(), SeriesStatus.of(null),
            List.of("GetMetricData returned no result for this query"));
      }
      return new MetricSeries(id, name, points, query.unit(), SeriesStatus.of(status), messages);
    }
  }

}
