package dev.opskit.monitoring.health.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.TableName;
import dev.opskit.monitoring.health.DynamoDbSnapshot;
import dev.opskit.monitoring.health.Health;
import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.health.LambdaSnapshot;
import dev.opskit.monitoring.health.RdsSnapshot;
import dev.opskit.monitoring.health.ServiceEvent;
import dev.opskit.monitoring.internal.Inputs;
import dev.opskit.monitoring.metrics.GuideMetrics;
import dev.opskit.monitoring.metrics.MetricSeries;
import dev.opskit.monitoring.metrics.Metrics;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.Stat;
import dev.opskit.monitoring.metrics.TimeRange;
import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeEventsRequest;
import software.amazon.awssdk.services.rds.model.SourceType;

/** Lambda, RDS and DynamoDB snapshots: one describe call each, plus their recent metrics. */
final class ServiceHealth {
  private static final Duration PERIOD = Duration.ofMinutes(5);

  private final OpsContext ctx;
  private final Metrics metrics;

  ServiceHealth(OpsContext ctx, Metrics metrics) {
    this.ctx = ctx;
    this.metrics = metrics;
  }

  private TimeRange window() {
    return TimeRange.last(Health.WINDOW, ctx.clock().instant());
  }

  LambdaSnapshot lambda(String functionName) {
    HealthTarget target = HealthTarget.lambda(Checks.length("functionName", functionName, 1, 170));
    LambdaClient lambda = ctx.client(LambdaClient.class, LambdaClient::builder);
    FunctionConfiguration c = Reads.read("lambda:GetFunction", functionName,
        () -> lambda.getFunction(GetFunctionRequest.builder().functionName(functionName).build()).configuration());
    List<MetricSeries> series = metrics.data(List.of(
        GuideMetrics.lambda(functionName, "Duration", Stat.AVERAGE, PERIOD).withId("duration"),
        GuideMetrics.lambda(functionName, "Errors", Stat.SUM, PERIOD).withId("errors"),
        GuideMetrics.lambda(functionName, "Throttles", Stat.SUM, PERIOD).withId("throttles")), window());
    return new LambdaSnapshot(target, Objects.requireNonNullElse(c.stateAsString(), "(none)"), c.stateReason(),
        c.lastUpdateStatusAsString(), c.runtimeAsString(), zero(c.memorySize()), zero(c.timeout()),
        lastModified(c.lastModified()), series.get(0), series.get(1), series.get(2));
  }

  RdsSnapshot rds(String dbInstanceId) {
    String id = Inputs.named("dbInstanceId", dbInstanceId, DbInstanceId::of).value();
    RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
    DBInstance db = Reads.read("rds:DescribeDBInstances", id, () -> rds.describeDBInstances(
        DescribeDbInstancesRequest.builder().dbInstanceIdentifier(id).build()).dbInstances().get(0));
    List<ServiceEvent> events = Reads.read("rds:DescribeEvents", id, () -> rds.describeEventsPaginator(
            DescribeEventsRequest.builder().sourceIdentifier(id).sourceType(SourceType.DB_INSTANCE).duration(60).build())
        .events().stream().map(e -> new ServiceEvent(e.date(), Objects.requireNonNullElse(e.message(), ""))).toList());
    MetricSeries cpu = metrics.data(List.of(GuideMetrics.rdsCpu(id).withId("cpu")), window()).get(0);
    return new RdsSnapshot(HealthTarget.rds(id), Objects.requireNonNullElse(db.dbInstanceStatus(), "(none)"),
        db.endpoint() == null ? null : db.endpoint().address(), db.endpoint() == null ? null : db.endpoint().port(),
        Objects.requireNonNullElse(db.engine(), "(none)"), Objects.requireNonNullElse(db.engineVersion(), "(none)"),
        Objects.requireNonNullElse(db.dbInstanceClass(), "(none)"), events, cpu);
  }

  DynamoDbSnapshot dynamoDb(String tableName) {
    String name = Inputs.named("tableName", tableName, TableName::of).value();
    DynamoDbClient dynamo = ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
    TableDescription t = Reads.read("dynamodb:DescribeTable", name,
        () -> dynamo.describeTable(DescribeTableRequest.builder().tableName(name).build()).table());
    String mode = t.billingModeSummary() == null || t.billingModeSummary().billingModeAsString() == null
        ? "PROVISIONED" : t.billingModeSummary().billingModeAsString();
    Long read = t.provisionedThroughput() == null ? null : positive(t.provisionedThroughput().readCapacityUnits());
    Long write = t.provisionedThroughput() == null ? null : positive(t.provisionedThroughput().writeCapacityUnits());
    List<SeriesQuery> queries = List.of(GuideMetrics.dynamoDbConsumedReads(name).withId("reads"),
        GuideMetrics.dynamoDbConsumedWrites(name).withId("writes"));
    List<MetricSeries> series = metrics.data(queries, window());
    return new DynamoDbSnapshot(HealthTarget.dynamoDb(name), Objects.requireNonNullElse(t.tableStatusAsString(), "(none)"),
        mode, read, write, series.get(0), series.get(1));
  }

  private static @Nullable Long positive(@Nullable Long v) {
    return v == null || v <= 0 ? null : v;
  }

  private static int zero(@Nullable Integer i) {
    return i == null ? 0 : i;
  }

  /** Lambda's {@code LastModified} is ISO 8601 with an offset such as {@code +0000}. */
  private static @Nullable Instant lastModified(@Nullable String text) {
    if (text == null || text.length() > 40) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx"))
          .toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
