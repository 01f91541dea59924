package dev.opskit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.monitoring.health.DynamoDbSnapshot;
import dev.opskit.monitoring.health.EcsServiceSnapshot;
import dev.opskit.monitoring.health.Health;
import dev.opskit.monitoring.health.HealthReport;
import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.health.LambdaSnapshot;
import dev.opskit.monitoring.health.RdsSnapshot;
import dev.opskit.monitoring.health.RolloutState;
import dev.opskit.monitoring.logs.InsightsQuery;
import dev.opskit.monitoring.logs.InsightsRow;
import dev.opskit.monitoring.logs.LogGroupDefinition;
import dev.opskit.monitoring.logs.LogGroupPresets;
import dev.opskit.monitoring.logs.LogGroupScope;
import dev.opskit.monitoring.logs.Logs;
import dev.opskit.monitoring.logs.QueryOutcome;
import dev.opskit.monitoring.metrics.GuideMetrics;
import dev.opskit.monitoring.metrics.MetricSeries;
import dev.opskit.monitoring.metrics.Metrics;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.Stat;
import dev.opskit.monitoring.metrics.TimeRange;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

/**
 * Monitoring part 2 against moto: the guide's log groups as desired state, a Logs Insights query over events
 * written to moto, service snapshots of resources made in moto, and GetMetricData over data put with
 * PutMetricData. (Test set-up calls the SDK directly; OpsKit's own code goes through the gate.)
 */
@OpsEmulatorTest
class MonitoringPart2IT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Nested
  class LogGroups {
    @Test
    void theGuideLogGroupsArePlannedAppliedAndDriftFreeOnASecondRun(OpsContext ctx, InMemoryAuditSink audit) {
      List<LogGroupDefinition> changed = List.of(LogGroupDefinition.of("/aws/ecs/api-service", 60),
          LogGroupDefinition.of("/aws/lambda/data-processor", 30));

      DesiredStateContract.of(Logs.using(ctx), Logs.using(ctx.withDryRun(true)), audit)
          .definitions(LogGroupPresets.guide())
          .changed(changed, "retentionInDays")
          .check();

      CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
      List<LogGroup> live = logs.describeLogGroups(DescribeLogGroupsRequest.builder().logGroupNamePrefix("/aws/").build())
          .logGroups();
      assertThat(live).extracting(LogGroup::logGroupName)
          .containsExactlyInAnyOrder("/aws/ecs/api-service", "/aws/lambda/data-processor");
    }

    @Test
    void aFirstPlanCreatesBothGroupsWithRetentionAndASecondFindsNothingToDo(OpsContext ctx) {
      Logs logs = Logs.using(ctx);
      Plan first = logs.plan(LogGroupPresets.guide());
      assertThat(first.changes(ResourceChange.Kind.CREATE)).hasSize(2);
      assertThat(first.changes().get(0).calls()).extracting(c -> c.operation())
          .containsExactly("logs:CreateLogGroup", "logs:PutRetentionPolicy");

      logs.apply(first);

      assertThat(logs.drift(LogGroupPresets.guide()).isEmpty()).isTrue();
      CloudWatchLogsClient client = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
      assertThat(client.describeLogGroups(DescribeLogGroupsRequest.builder().build()).logGroups())
          .allSatisfy(g -> assertThat(g.retentionInDays()).isEqualTo(30));
      Plan update = logs.plan(List.of(LogGroupDefinition.neverExpiring("/aws/ecs/api-service")));
      assertThat(update.changes().get(0).diffs()).containsExactly(new FieldDiff("retentionInDays", "30", null));
    }

    @Test
    void aScopeDeletesOnlyItsOwnTaggedGroups(OpsContext ctx) {
      CloudWatchLogsClient client = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
      client.createLogGroup(CreateLogGroupRequest.builder().logGroupName("/aws/ecs/someone-elses").build());
      Logs logs = Logs.using(ctx);
      LogGroupScope scope = LogGroupScope.managedUnder("/aws/ecs/");
      logs.apply(logs.plan(List.of(LogGroupDefinition.of("/aws/ecs/api-service", 30),
          LogGroupDefinition.of("/aws/ecs/old-service", 7)), scope));

      Plan plan = logs.plan(List.of(LogGroupDefinition.of("/aws/ecs/api-service", 30)), scope);

      assertThat(plan.changes(ResourceChange.Kind.DELETE)).extracting(ResourceChange::resource)
          .containsExactly("/aws/ecs/old-service");
      logs.apply(plan);
      assertThat(client.describeLogGroups(DescribeLogGroupsRequest.builder().logGroupNamePrefix("/aws/ecs/").build())
          .logGroups()).extracting(LogGroup::logGroupName)
          .containsExactlyInAnyOrder("/aws/ecs/api-service", "/aws/ecs/someone-elses");
    }
  }

  @Test
  void aLogsInsightsQueryOverEventsWrittenToMotoReturnsTypedRows(OpsContext ctx) {
    CloudWatchLogsClient client = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    client.createLogGroup(CreateLogGroupRequest.builder().logGroupName("/aws/ecs/api-service").build());
    client.createLogStream(CreateLogStreamRequest.builder().logGroupName("/aws/ecs/api-service")
        .logStreamName("api/1").build());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    client.putLogEvents(PutLogEventsRequest.builder().logGroupName("/aws/ecs/api-service").logStreamName("api/1")
        .logEvents(InputLogEvent.builder().timestamp(now.minusSeconds(120).toEpochMilli()).message("ERROR db timeout").build(),
            InputLogEvent.builder().timestamp(now.minusSeconds(60).toEpochMilli()).message("request ok").build())
        .build());

    QueryOutcome outcome = Logs.using(ctx).insights().run(InsightsQuery.of(
        "fields @timestamp, @message | sort @timestamp desc | limit 20",
        TimeRange.of(now.minus(Duration.ofHours(1)), now.plusSeconds(60)), "/aws/ecs/api-service"));

    assertThat(outcome).isInstanceOf(QueryOutcome.Complete.class);
    List<InsightsRow> rows = outcome.rowsOrThrow();
    assertThat(rows).extracting(r -> r.text("@message").orElseThrow()).containsExactly("request ok", "ERROR db timeout");
    assertThat(rows).extracting(r -> r.timestamp().orElseThrow())
        .containsExactly(now.minusSeconds(60), now.minusSeconds(120));
  }

  @Test
  void getMetricDataOverDataPutWithPutMetricDataReturnsTheSeries(OpsContext ctx) {
    CloudWatchClient cloudWatch = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    cloudWatch.putMetricData(PutMetricDataRequest.builder().namespace("OpsKit/Test").metricData(
        MetricDatum.builder().metricName("Latency").value(120.0).unit(StandardUnit.MILLISECONDS)
            .timestamp(now.minus(Duration.ofMinutes(10))).dimensions(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("Service").value("api").build()).build(),
        MetricDatum.builder().metricName("Latency").value(80.0).unit(StandardUnit.MILLISECONDS)
            .timestamp(now.minus(Duration.ofMinutes(5))).dimensions(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("Service").value("api").build()).build())
        .build());
    SeriesQuery latency = SeriesQuery.metric("OpsKit/Test", "Latency", Stat.AVERAGE, Duration.ofMinutes(1),
        Map.of("Service", "api"));

    List<MetricSeries> series = Metrics.using(ctx).data(List.of(latency, latency.withId("peak")
        .withLabel("peak latency")), TimeRange.of(now.minus(Duration.ofHours(1)), now));

    assertThat(series).hasSize(2);
    assertThat(series.get(0).id()).isEqualTo("m0");
    assertThat(series.get(0).values()).containsExactly(120.0, 80.0);
    assertThat(series.get(0).points().get(0).timestamp()).isEqualTo(now.minus(Duration.ofMinutes(10)));
    assertThat(series.get(0).isComplete()).isTrue();
    assertThat(series.get(1).id()).isEqualTo("peak");
    assertThat(series.get(1).values()).containsExactly(120.0, 80.0);
  }

  @Nested
  class Snapshots {
    @Test
    void anEcsServiceSnapshotCarriesCountsDeploymentsAndTheTaskDefinition(OpsContext ctx) {
      EcsClient ecs = ctx.client(EcsClient.class, EcsClient::builder);
      ecs.createCluster(CreateClusterRequest.builder().clusterName("prod-cluster").build());
      ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder().family("api-service").cpu("256").memory("512")
          .containerDefinitions(ContainerDefinition.builder().name("api").image("nginx").memory(512).build()).build());
      ecs.createService(CreateServiceRequest.builder().cluster("prod-cluster").serviceName("api-service")
          .taskDefinition("api-service").desiredCount(2).build());

      EcsServiceSnapshot s = Health.using(ctx).ecsService("prod-cluster", "api-service");

      assertThat(s.status()).isEqualTo("ACTIVE");
      assertThat(s.desired()).isEqualTo(2);
      assertThat(s.running() + s.pending()).isEqualTo(2);
      assertThat(s.deployments()).hasSize(1);
      assertThat(s.deployments().get(0).id()).startsWith("ecs-svc/");
      assertThat(s.deployments().get(0).isPrimary()).isTrue();
      assertThat(s.deployments().get(0).rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
      assertThat(s.taskDefinition()).isNotNull();
      assertThat(s.taskDefinition().family()).isEqualTo("api-service");
      assertThat(s.taskDefinition().revision()).isEqualTo(1);
      assertThat(s.taskDefinition().cpu()).isEqualTo("256");
      assertThat(s.taskDefinition().memory()).isEqualTo("512");
      assertThat(s.toText()).startsWith("ecs prod-cluster/api-service: ");
      assertThat(s.toJson()).contains("\"target\":\"ecs prod-cluster/api-service\"").contains("\"desiredCount\":2")
          .contains("\"family\":\"api-service\"");
    }

    @Test
    void aLambdaSnapshotCarriesStateConfigurationAndMetrics(OpsContext ctx) {
      IamClient iam = ctx.client(IamClient.class, IamClient::builder);
      String role = iam.createRole(CreateRoleRequest.builder().roleName("api-handler-role")
          .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
              + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").build()).role().arn();
      LambdaClient lambda = ctx.client(LambdaClient.class, LambdaClient::builder);
      lambda.createFunction(CreateFunctionRequest.builder().functionName("api-handler").runtime(Runtime.PYTHON3_12)
          .role(role).handler("handler.handle").memorySize(256).timeout(30)
          .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(zip())).build()).build());

      LambdaSnapshot s = Health.using(ctx).lambda("api-handler");

      assertThat(s.state()).isEqualTo("Active");
      assertThat(s.runtime()).isEqualTo("python3.12");
      assertThat(s.memoryMb()).isEqualTo(256);
      assertThat(s.timeoutSeconds()).isEqualTo(30);
      assertThat(s.duration().label()).isNotBlank();
      assertThat(s.errors().isComplete()).isTrue();
      assertThat(s.throttles().points()).isEmpty();
      assertThat(s.healthy()).as(s.toText()).isTrue();
      assertThat(s.toJson()).contains("\"memorySize\":256");
    }

    @Test
    void anRdsSnapshotCarriesStatusEndpointEngineEventsAndCpu(OpsContext ctx) {
      RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
      rds.createDBInstance(CreateDbInstanceRequest.builder().dbInstanceIdentifier("prod-database")
          .dbInstanceClass("db.t3.micro").engine("postgres").engineVersion("16.3").masterUsername("opskit")
          .masterUserPassword("Only-For-The-Emulator-1").allocatedStorage(20).build());

      RdsSnapshot s = Health.using(ctx).rds("prod-database");

      assertThat(s.status()).isEqualTo("available");
      assertThat(s.endpoint()).contains("prod-database");
      assertThat(s.port()).isEqualTo(5432);
      assertThat(s.engine()).isEqualTo("postgres");
      assertThat(s.engineVersion()).isEqualTo("16.3");
      assertThat(s.instanceClass()).isEqualTo("db.t3.micro");
      assertThat(s.events()).isNotEmpty();
      assertThat(s.cpu().isComplete()).isTrue();
      assertThat(s.healthy()).as(s.toText()).isTrue();
      assertThat(s.toJson()).doesNotContain("Only-For-The-Emulator-1");
    }

    @Test
    void aDynamoDbSnapshotCarriesStatusBillingAndCapacity(OpsContext ctx) {
      DynamoDbClient dynamo = ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
      dynamo.createTable(CreateTableRequest.builder().tableName("user-sessions")
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
              .attributeType(ScalarAttributeType.S).build())
          .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(10L).build())
          .build());

      DynamoDbSnapshot s = Health.using(ctx).dynamoDb("user-sessions");

      assertThat(s.status()).isEqualTo("ACTIVE");
      assertThat(s.billingMode()).isEqualTo("PROVISIONED");
      assertThat(s.provisionedRead()).isEqualTo(5L);
      assertThat(s.provisionedWrite()).isEqualTo(10L);
      assertThat(s.consumedReads().isComplete()).isTrue();
      assertThat(s.consumedReadsPerSecond()).isEmpty();
      assertThat(s.toText()).contains("PROVISIONED, provisioned 5 read / 10 write");
    }

    @Test
    void aReportSaysWhatIsHealthyAndWhatIsNotAndWhy(OpsContext ctx) {
      DynamoDbClient dynamo = ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
      dynamo.createTable(CreateTableRequest.builder().tableName("user-sessions")
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
              .attributeType(ScalarAttributeType.S).build())
          .billingMode("PAY_PER_REQUEST").build());

      HealthReport report = Health.using(ctx).report(List.of(HealthTarget.dynamoDb("user-sessions"),
          HealthTarget.rds("missing-database")));

      assertThat(report.healthy()).isFalse();
      assertThat(report.healthyEntries()).extracting(e -> e.target().name()).containsExactly("user-sessions");
      assertThat(report.unhealthyEntries()).singleElement().satisfies(e -> {
        assertThat(e.target()).isEqualTo(HealthTarget.rds("missing-database"));
        assertThat(e.problems()).singleElement().asString().startsWith("could not be read: ");
      });
      assertThat(report.toText()).contains("ok      dynamodb user-sessions").contains("NOT OK  rds missing-database: ")
          .endsWith("1 healthy, 1 not healthy");
      assertThat(report.toJson()).startsWith("{\"healthy\":false,\"targets\":[")
          .contains("\"billingMode\":\"PAY_PER_REQUEST\"");
    }
  }

  private static byte[] zip() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("handler.py"));
      zip.write("def handle(event, context):\n    return {}\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
