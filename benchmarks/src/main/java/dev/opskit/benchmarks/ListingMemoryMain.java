package dev.opskit.benchmarks;

import dev.opskit.backup.Backups;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.monitoring.alarm.Alarms;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Run by {@link MemoryRow} in its own JVM under {@code -Xmx64m}: lists {@code N} alarms, RDS snapshots, AWS Backup
 * recovery points and log events from a paging stub in this process, through OpsKit's lazy listings, and prints
 * for each one line {@code kind count retainedBytes pageBytes}: how many items came, the heap still in use
 * halfway through (after a full GC, over what was in use before the listing), and what one page holds when
 * it is kept.
 */
public final class ListingMemoryMain {
  private ListingMemoryMain() {}

  /**
   * Lists.
   *
   * @param args the number of items of each kind
   */
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    PagingStub stub = new PagingStub(n);
    try (StubServer server = new StubServer(stub::answer);
        OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench-secret")))
            .rateLimitPolicy(dev.opskit.core.RateLimitPolicy.perSecond(100_000)).build()) {
      measure("alarms", n, PagingStub.ALARM_PAGE, () -> Alarms.using(ctx).list());
      measure("snapshots", n, PagingStub.SNAPSHOT_PAGE, () -> Backups.using(ctx).rds("bench-db").snapshots());
      measure("backups", n, PagingStub.RECOVERY_POINT_PAGE,
          () -> Backups.using(ctx).awsBackup().recoveryPoints("bench-vault"));
      CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
      Function<String, Page<FilteredLogEvent>> page = token -> {
        FilterLogEventsResponse r = logs.filterLogEvents(FilterLogEventsRequest.builder().logGroupName("/bench/app")
            .nextToken(token).build());
        return Page.of(r.events(), r.nextToken());
      };
      measure("log events", n, PagingStub.LOG_PAGE,
          () -> Reads.stream("logs:FilterLogEvents", "/bench/app", () -> Pages.stream("logs:FilterLogEvents", page)));
    }
  }

  private static void measure(String kind, int n, int pageSize, java.util.function.Supplier<Stream<?>> listing) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // First one item: the client, its marshallers and the classes are made now, not counted as the listing's.
    try (Stream<?> first = listing.get()) {
      first.limit(1).forEach(item -> { });
    }
    long before = used(memory);
    AtomicLong count = new AtomicLong();
    long[] mid = {-1};
    try (Stream<?> items = listing.get()) {
      items.forEach(item -> {
        if (count.incrementAndGet() == n / 2) {
          mid[0] = used(memory) - before;
        }
      });
    }
    // One page kept: the first pageSize items, held in a list.
    List<Object> kept = new ArrayList<>();
    try (Stream<?> items = listing.get()) {
      items.limit(pageSize).forEach(kept::add);
    }
    long withPage = used(memory) - before;
    System.out.println(kind + " " + count.get() + " " + mid[0] + " " + withPage + " " + kept.size());
  }

  private static long used(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Pages of N items in each API's own shape; moto ignores page sizes, so this stub stands in for AWS. */
  static final class PagingStub {
    static final int ALARM_PAGE = 100;
    static final int SNAPSHOT_PAGE = 100;
    static final int RECOVERY_POINT_PAGE = 1000;
    static final int LOG_PAGE = 1000;
    private final int n;

    PagingStub(int n) {
      this.n = n;
    }

    StubServer.Response answer(StubServer.Request request) {
      if (request.action().equals("DescribeAlarms")) {
        int from = token(request.form().get("NextToken"));
        StringBuilder xml = new StringBuilder("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
            + "<DescribeAlarmsResult><MetricAlarms>");
        int to = Math.min(n, from + ALARM_PAGE);
        for (int i = from; i < to; i++) {
          xml.append("<member><AlarmName>alarm-").append(i).append("</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:alarm-")
              .append(i).append("</AlarmArn><AlarmDescription>CPU above 80% for 10 minutes on instance ").append(i)
              .append("</AlarmDescription><StateValue>OK</StateValue><StateReason>Threshold Crossed: 2 datapoints were not greater than the threshold (80.0).</StateReason>"
                  + "<StateUpdatedTimestamp>2026-01-01T00:00:00Z</StateUpdatedTimestamp><MetricName>CPUUtilization</MetricName><Namespace>AWS/RDS</Namespace>"
                  + "<Statistic>Average</Statistic><Dimensions><member><Name>DBInstanceIdentifier</Name><Value>db-")
              .append(i).append("</Value></member></Dimensions><Period>300</Period><EvaluationPeriods>2</EvaluationPeriods>"
                  + "<Threshold>80.0</Threshold><ComparisonOperator>GreaterThanThreshold</ComparisonOperator>"
                  + "<AlarmActions><member>arn:aws:sns:us-east-1:123456789012:ops-alerts</member></AlarmActions></member>");
        }
        xml.append("</MetricAlarms><CompositeAlarms/>");
        if (to < n) {
          xml.append("<NextToken>").append(to).append("</NextToken>");
        }
        xml.append("</DescribeAlarmsResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></DescribeAlarmsResponse>");
        return new StubServer.Response(200, "text/xml", xml.toString());
      }
      if (request.action().equals("DescribeDBSnapshots")) {
        int from = token(request.form().get("Marker"));
        StringBuilder xml = new StringBuilder("<DescribeDBSnapshotsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<DescribeDBSnapshotsResult><DBSnapshots>");
        int to = Math.min(n, from + SNAPSHOT_PAGE);
        for (int i = from; i < to; i++) {
          xml.append("<DBSnapshot><DBSnapshotIdentifier>bench-db-manual-20260101-").append(i)
              .append("</DBSnapshotIdentifier><DBInstanceIdentifier>bench-db</DBInstanceIdentifier><SnapshotType>manual</SnapshotType>"
                  + "<Status>available</Status><SnapshotCreateTime>2026-01-01T00:00:00Z</SnapshotCreateTime><Engine>postgres</Engine>"
                  + "<AllocatedStorage>20</AllocatedStorage><DBSnapshotArn>arn:aws:rds:us-east-1:123456789012:snapshot:bench-db-manual-20260101-")
              .append(i).append("</DBSnapshotArn><TagList><Tag><Key>managed-by</Key><Value>opskit</Value></Tag></TagList></DBSnapshot>");
        }
        xml.append("</DBSnapshots>");
        if (to < n) {
          xml.append("<Marker>").append(to).append("</Marker>");
        }
        xml.append("</DescribeDBSnapshotsResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></DescribeDBSnapshotsResponse>");
        return new StubServer.Response(200, "text/xml", xml.toString());
      }
      if (request.path().startsWith("/backup-vaults/bench-vault/recovery-points")) {
        int from = token(request.query().get("nextToken"));
        StringBuilder json = new StringBuilder("{\"RecoveryPoints\":[");
        int to = Math.min(n, from + RECOVERY_POINT_PAGE);
        for (int i = from; i < to; i++) {
          json.append(i == from ? "" : ",").append("{\"RecoveryPointArn\":\"arn:aws:backup:us-east-1:123456789012:recovery-point:rp-")
              .append(i).append("\",\"BackupVaultName\":\"bench-vault\",\"ResourceArn\":\"arn:aws:rds:us-east-1:123456789012:db:db-")
              .append(i).append("\",\"ResourceType\":\"RDS\",\"Status\":\"COMPLETED\",\"CreationDate\":1767225600.0,\"BackupSizeInBytes\":1024}");
        }
        json.append("]");
        if (to < n) {
          json.append(",\"NextToken\":\"").append(to).append("\"");
        }
        return new StubServer.Response(200, "application/json", json.append("}").toString());
      }
      if (request.amzTarget().equals("Logs_20140328.FilterLogEvents")) {
        Map<String, String> body = Map.of("nextToken", field(request.body(), "nextToken"));
        int from = token(body.get("nextToken"));
        StringBuilder json = new StringBuilder("{\"events\":[");
        int to = Math.min(n, from + LOG_PAGE);
        for (int i = from; i < to; i++) {
          json.append(i == from ? "" : ",").append("{\"logStreamName\":\"app/web/1\",\"timestamp\":").append(1767225600000L + i)
              .append(",\"message\":\"GET /orders/").append(i).append(" 200 12ms user-agent=bench\",\"ingestionTime\":")
              .append(1767225600000L + i).append(",\"eventId\":\"").append(i).append("\"}");
        }
        json.append("]");
        if (to < n) {
          json.append(",\"nextToken\":\"").append(to).append("\"");
        }
        return new StubServer.Response(200, "application/x-amz-json-1.1", json.append("}").toString());
      }
      return new StubServer.Response(400, "text/xml", "<ErrorResponse><Error><Code>InvalidAction</Code><Message>stub: "
          + request.action() + " " + request.path() + "</Message></Error></ErrorResponse>");
    }

    private static int token(@org.jspecify.annotations.Nullable String token) {
      return token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
    }

    /** A string member of a flat JSON body, or "". */
    private static String field(String json, String name) {
      int at = json.indexOf("\"" + name + "\"");
      if (at < 0) {
        return "";
      }
      int open = json.indexOf('"', json.indexOf(':', at) + 1);
      return json.substring(open + 1, json.indexOf('"', open + 1));
    }
  }
}
