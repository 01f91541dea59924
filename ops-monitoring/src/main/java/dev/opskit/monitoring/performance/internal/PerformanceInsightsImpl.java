package dev.opskit.monitoring.performance.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.monitoring.performance.DbiResourceId;
import dev.opskit.monitoring.performance.DimensionGroup;
import dev.opskit.monitoring.performance.MetricSeries;
import dev.opskit.monitoring.performance.PerformanceInsights;
import dev.opskit.monitoring.performance.PiDataPoint;
import dev.opskit.monitoring.performance.PiMetricQuery;
import dev.opskit.monitoring.performance.PiRange;
import dev.opskit.monitoring.performance.PiSettings;
import dev.opskit.monitoring.performance.TopSql;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.pi.PiClient;
import software.amazon.awssdk.services.pi.model.DescribeDimensionKeysRequest;
import software.amazon.awssdk.services.pi.model.DescribeDimensionKeysResponse;
import software.amazon.awssdk.services.pi.model.DetailStatus;
import software.amazon.awssdk.services.pi.model.DimensionKeyDescription;
import software.amazon.awssdk.services.pi.model.GetDimensionKeyDetailsRequest;
import software.amazon.awssdk.services.pi.model.GetResourceMetricsRequest;
import software.amazon.awssdk.services.pi.model.MetricKeyDataPoints;
import software.amazon.awssdk.services.pi.model.MetricQuery;
import software.amazon.awssdk.services.pi.model.ServiceType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;

/** {@link PerformanceInsights} on PI and RDS clients; the one change (ModifyDBInstance) through the gate. */
public final class PerformanceInsightsImpl implements PerformanceInsights {
  /** PI cuts SQL text at this many bytes. */
  static final int TRUNCATED_AT = 500;
  static final String RESOURCE_TYPE = "DB instance";
  private static final String SQL_ID = "db.sql_tokenized.id";
  private static final String SQL_TEXT = "db.sql_tokenized.statement";
  private static final String WAIT_NAME = "db.wait_event.name";

  private final OpsContext ctx;
  private final PiClient pi;
  private final RdsClient rds;

  /**
   * Binds to clients.
   *
   * @param ctx the context (its gate)
   * @param pi the Performance Insights client
   * @param rds the RDS client
   */
  public PerformanceInsightsImpl(OpsContext ctx, PiClient pi, RdsClient rds) {
    this.ctx = ctx;
    this.pi = pi;
    this.rds = rds;
  }

  /**
   * The operations on the context's own clients.
   *
   * @param ctx the context
   * @return the operations
   */
  public static PerformanceInsights of(OpsContext ctx) {
    return new PerformanceInsightsImpl(ctx, ctx.client(PiClient.class, PiClient::builder),
        ctx.client(RdsClient.class, RdsClient::builder));
  }

  private DBInstance instance(DbInstanceId id) {
    DescribeDbInstancesRequest request = DescribeDbInstancesRequest.builder().dbInstanceIdentifier(id.value()).build();
    return Reads.read("rds:DescribeDBInstances", id.value(), () -> rds.describeDBInstances(request).dbInstances().stream()
        .filter(db -> id.value().equalsIgnoreCase(db.dbInstanceIdentifier())).findFirst()
        .orElseThrow(() -> new dev.opskit.core.ResourceNotFoundException("DB instance " + id + " does not exist.",
            "rds:DescribeDBInstances", id.value(), null)));
  }

  @Override
  public DbiResourceId resourceId(DbInstanceId instance) {
    Checks.present("instance", instance, "a DB instance identifier, such as prod-database");
    return DbiResourceId.of(instance(instance).dbiResourceId());
  }

  @Override
  public Plan plan(Collection<? extends PiSettings> definitions) {
    List<PiSettings> settings = Checks.list("definitions", definitions, "Performance Insights settings");
    Set<DbInstanceId> seen = new HashSet<>();
    List<ResourceChange> changes = new ArrayList<>();
    for (PiSettings s : settings) {
      Checks.require(seen.add(s.instance()), "definitions", s.instance(), "one setting per DB instance");
      DBInstance live = instance(s.instance());
      List<FieldDiff> diffs = new ArrayList<>();
      boolean enabled = Boolean.TRUE.equals(live.performanceInsightsEnabled());
      if (!enabled) {
        diffs.add(FieldDiff.of("PerformanceInsightsEnabled", false, true));
      }
      Integer retention = enabled ? live.performanceInsightsRetentionPeriod() : null;
      if (!Objects.equals(retention, s.retention().days())) {
        diffs.add(FieldDiff.of("PerformanceInsightsRetentionPeriod", retention, s.retention().days()));
      }
      String id = s.instance().value();
      if (diffs.isEmpty()) {
        changes.add(ResourceChange.unchanged(RESOURCE_TYPE, id));
        continue;
      }
      ModifyDbInstanceRequest request = ModifyDbInstanceRequest.builder().dbInstanceIdentifier(id)
          .enablePerformanceInsights(true).performanceInsightsRetentionPeriod(s.retention().days())
          .applyImmediately(true).build();
      Change<?> change = Change.of("rds:ModifyDBInstance", id, request, rds::modifyDBInstance)
          .retryWhen(PerformanceInsightsImpl::instanceBusy).build();
      changes.add(ResourceChange.update(RESOURCE_TYPE, id, diffs, List.of(change)));
    }
    return Plan.of("Performance Insights settings", changes);
  }

  static boolean instanceBusy(OpsException e) {
    return "InvalidDBInstanceState".equals(e.awsErrorCode());
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from PerformanceInsights.plan"));
  }

  @Override
  public List<MetricSeries> metrics(DbInstanceId instance, List<PiMetricQuery> queries, PiRange range) {
    List<PiMetricQuery> all = Checks.list("queries", queries, "metric queries");
    Checks.require(!all.isEmpty(), "queries", "[]", "at least one metric query");
    Checks.present("range", range, "a PiRange");
    DbiResourceId id = resourceId(instance);
    List<MetricSeries> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX_QUERIES_PER_CALL) {
      List<PiMetricQuery> chunk = all.subList(from, Math.min(all.size(), from + MAX_QUERIES_PER_CALL));
      GetResourceMetricsRequest request = GetResourceMetricsRequest.builder().serviceType(ServiceType.RDS)
          .identifier(id.value()).metricQueries(chunk.stream().map(PerformanceInsightsImpl::toSdk).toList())
          .startTime(range.start()).endTime(range.end()).periodInSeconds((int) range.period().toSeconds()).build();
      Map<String, SeriesBuilder> merged = new LinkedHashMap<>();
      Reads.read("pi:GetResourceMetrics", id.value(), () -> {
        pi.getResourceMetricsPaginator(request).stream().forEach(page -> {
          for (MetricKeyDataPoints m : page.metricList()) {
            String metric = m.key() == null ? "" : Objects.requireNonNullElse(m.key().metric(), "");
            Map<String, String> dims = m.key() == null ? Map.of() : m.key().dimensions();
            merged.computeIfAbsent(metric + " " + new java.util.TreeMap<>(dims), k -> new SeriesBuilder(metric, dims))
                .add(m);
          }
        });
        return null;
      });
      merged.values().forEach(b -> out.add(b.build()));
    }
    return List.copyOf(out);
  }

  /** One series gathered over pages. */
  private static final class SeriesBuilder {
    private final String metric;
    private final Map<String, String> dimensions;
    private final List<PiDataPoint> points = new ArrayList<>();

    SeriesBuilder(String metric, Map<String, String> dimensions) {
      this.metric = metric;
      this.dimensions = dimensions;
    }

    void add(MetricKeyDataPoints m) {
      m.dataPoints().stream().filter(p -> p.timestamp() != null)
          .forEach(p -> points.add(new PiDataPoint(p.timestamp(), p.value())));
    }

    MetricSeries build() {
      return new MetricSeries(metric, dimensions,
          points.stream().sorted(Comparator.comparing(PiDataPoint::timestamp)).toList());
    }
  }

  private static MetricQuery toSdk(PiMetricQuery q) {
    MetricQuery.Builder b = MetricQuery.builder().metric(q.metric());
    if (q.groupBy() != null) {
      b.groupBy(toSdk(q.groupBy()));
    }
    if (!q.filter().isEmpty()) {
      b.filter(q.filter());
    }
    return b.build();
  }

  private static software.amazon.awssdk.services.pi.model.DimensionGroup toSdk(dev.opskit.monitoring.performance.GroupBy g) {
    var b = software.amazon.awssdk.services.pi.model.DimensionGroup.builder().group(g.group().name());
    if (!g.dimensions().isEmpty()) {
      b.dimensions(g.dimensions());
    }
    return b.limit(g.limit()).build();
  }

  @Override
  public List<MetricSeries> dbLoad(DbInstanceId instance, DimensionGroup group, PiRange range) {
    Checks.present("group", group, "a dimension group such as DimensionGroup.WAITS");
    return metrics(instance, List.of(PiMetricQuery.of(PiMetricQuery.DB_LOAD), PiMetricQuery.dbLoadBy(group)), range);
  }

  @Override
  public List<TopSql> topSql(DbInstanceId instance, PiRange range, int limit) {
    Checks.range("limit", limit, 1, 25, "1 to 25 statements");
    Checks.present("range", range, "a PiRange");
    DbiResourceId id = resourceId(instance);
    DescribeDimensionKeysRequest request = DescribeDimensionKeysRequest.builder().serviceType(ServiceType.RDS)
        .identifier(id.value()).startTime(range.start()).endTime(range.end())
        .periodInSeconds((int) range.period().toSeconds()).metric(PiMetricQuery.DB_LOAD)
        .groupBy(g -> g.group(DimensionGroup.SQL.name()).dimensions(SQL_ID, SQL_TEXT).limit(limit))
        .partitionBy(g -> g.group(DimensionGroup.WAITS.name()).dimensions(WAIT_NAME))
        .maxResults(limit).build();
    List<TopSql> found = new ArrayList<>();
    Reads.read("pi:DescribeDimensionKeys", id.value(), () -> {
      pi.describeDimensionKeysPaginator(request).stream().forEach(page -> found.addAll(digests(page)));
      return null;
    });
    List<TopSql> top = found.stream().sorted(Comparator.comparingDouble(TopSql::load).reversed()).limit(limit).toList();
    List<TopSql> out = new ArrayList<>();
    for (TopSql t : top) {
      out.add(t.truncated() ? fullText(id, range, t).map(text -> new TopSql(t.id(), text, true, true, t.load(), t.waits()))
          .orElse(t) : t);
    }
    return List.copyOf(out);
  }

  private static List<TopSql> digests(DescribeDimensionKeysResponse page) {
    List<String> waits = page.partitionKeys().stream()
        .map(k -> Objects.requireNonNullElse(k.dimensions().get(WAIT_NAME), String.valueOf(k.dimensions()))).toList();
    List<TopSql> out = new ArrayList<>();
    for (DimensionKeyDescription key : page.keys()) {
      String sqlId = key.dimensions().get(SQL_ID);
      if (sqlId == null) {
        continue;
      }
      String text = Objects.requireNonNullElse(key.dimensions().get(SQL_TEXT), "");
      Map<String, Double> byWait = new LinkedHashMap<>();
      List<Double> partitions = key.partitions();
      for (int i = 0; i < Math.min(waits.size(), partitions.size()); i++) {
        if (partitions.get(i) != null) {
          byWait.put(waits.get(i), partitions.get(i));
        }
      }
      boolean truncated = text.getBytes(StandardCharsets.UTF_8).length >= TRUNCATED_AT;
      out.add(new TopSql(sqlId, text, truncated, false, Objects.requireNonNullElse(key.total(), 0.0), byWait));
    }
    return out;
  }

  /**
   * The full text of a digest: its heaviest statement ({@code db.sql} filtered by {@code db.sql.tokenized_id}), whose
   * {@code db.sql.statement} GetDimensionKeyDetails returns in full; empty when PI has none available.
   */
  private Optional<String> fullText(DbiResourceId id, PiRange range, TopSql digest) {
    DescribeDimensionKeysRequest child = DescribeDimensionKeysRequest.builder().serviceType(ServiceType.RDS)
        .identifier(id.value()).startTime(range.start()).endTime(range.end()).metric(PiMetricQuery.DB_LOAD)
        .groupBy(g -> g.group(DimensionGroup.SQL_STATEMENTS.name()).dimensions("db.sql.id").limit(1))
        .filter(Map.of("db.sql.tokenized_id", digest.id())).maxResults(1).build();
    Optional<String> sqlId = Reads.read("pi:DescribeDimensionKeys", id.value(), () -> pi.describeDimensionKeys(child)
        .keys().stream().map(k -> k.dimensions().get("db.sql.id")).filter(Objects::nonNull).findFirst());
    if (sqlId.isEmpty()) {
      return Optional.empty();
    }
    GetDimensionKeyDetailsRequest details = GetDimensionKeyDetailsRequest.builder().serviceType(ServiceType.RDS)
        .identifier(id.value()).group(DimensionGroup.SQL_STATEMENTS.name()).groupIdentifier(sqlId.get())
        .requestedDimensions("statement").build();
    return Reads.read("pi:GetDimensionKeyDetails", id.value(), () -> pi.getDimensionKeyDetails(details).dimensions()
        .stream().filter(d -> d.status() == DetailStatus.AVAILABLE && d.value() != null)
        .filter(d -> "db.sql.statement".equals(d.dimension()) || "statement".equals(d.dimension()))
        .map(d -> d.value()).findFirst());
  }

}
