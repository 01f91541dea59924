package dev.opskit.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * AWS's documented default API request quotas (requests per second, per account and region), by SDK
 * service name and API action. What the default {@link dev.opskit.core.RateLimitPolicy} paces by.
 *
 * <p>A quota is an action's own (CloudWatch's {@code PutMetricAlarm}: 3 per second), one budget a named group
 * of actions shares (ECS's task definition modify actions: 1 per second between them), or one budget the whole
 * service shares ({@code *}: RDS, 12 per second). Where AWS documents a token bucket (EC2, ECS, RDS: a bucket
 * size and a refill rate) the table keeps the refill rate, the sustained rate; OpsKit's limiter holds one
 * second of permits, so it never uses the larger documented burst. Where AWS gives different figures per
 * region the table keeps the lowest, so no region is exceeded. Each figure was checked in December 2026 against
 * the page named in {@link #SOURCES}; the comments beside the entries quote it, and say where only a copy or a
 * part of the page could be read. An account whose quota was raised sets its own limit with
 * {@link dev.opskit.core.RateLimitPolicy#withService}.
 *
 * <p>An entry AWS documents no figure for says so ({@link Quota#documented()} false) and carries a conservative
 * rate of OpsKit's own. An action or service not in the table is paced by the policy's {@code
 * requestsPerSecond}, one budget for the whole service.
 *
 * <p>Not modelled: AWS Backup's cap of 50 calls per second over all its APIs together (each action keeps its own
 * documented rate); EC2's resource token buckets ({@code StopInstances}: 1,000 instances, refilled 20 per
 * second), which count instances, not requests; Lambda's invocation quotas (OpsKit does not invoke).
 */
public final class ApiQuotas {

  /** Where the figures come from, by SDK service name. */
  public static final Map<String, String> SOURCES = Map.ofEntries(
      Map.entry("cloudwatch", "https://docs.aws.amazon.com/general/latest/gr/cw_region.html (Service quotas; "
          + "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html)"),
      Map.entry("cloudwatchlogs", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html"),
      Map.entry("dynamodb", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-control-plane.html"),
      Map.entry("rds", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-api-throttling.html"),
      Map.entry("backup", "https://docs.aws.amazon.com/general/latest/gr/bk.html (Service quotas, API rates)"),
      Map.entry("ec2", "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html"),
      Map.entry("ecs", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html"),
      Map.entry("lambda", "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"),
      Map.entry("secretsmanager", "https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html"
          + " and https://aws.amazon.com/about-aws/whats-new/2025/03/aws-secrets-manager-increases-api-requests-seconds/"),
      Map.entry("ssm", "https://docs.aws.amazon.com/general/latest/gr/ssm.html (Parameter Store, default throughput)"),
      Map.entry("costexplorer", "none: https://docs.aws.amazon.com/cost-management/latest/userguide/ce-api-best-practices.html"
          + " documents a price per request, no rate"));

  /**
   * One quota.
   *
   * @param bucket the name of the budget it draws from: the action, a group of actions that share one budget, or
   *     {@code *} when the whole service shares one
   * @param requestsPerSecond the sustained rate
   * @param documented whether AWS documents the figure; false for OpsKit's own conservative default
   */
  public record Quota(String bucket, double requestsPerSecond, boolean documented) {

    /**
     * A documented quota.
     *
     * @param bucket the name of the budget it draws from
     * @param requestsPerSecond the sustained rate
     */
    public Quota(String bucket, double requestsPerSecond) {
      this(bucket, requestsPerSecond, true);
    }
  }

  /** Per action (its own budget or a group's), by service. */
  private static final Map<String, Map<String, Quota>> ACTIONS = actions();

  /** One budget for the whole service, for its actions not in {@link #ACTIONS}. */
  private static final Map<String, Quota> SERVICES = Map.of(
      // "DynamoDB is introducing a control plane throttle limit of 2,500 requests per second."
      "dynamodb", new Quota("*", 2500),
      // "By default, you can make up to 300 requests in a burst and a sustained 12 requests per second."
      // One budget for the whole service: the conservative reading.
      "rds", new Quota("*", 12),
      // "Remainder of the control plane API requests (excludes invocation, GetFunction, and GetPolicy
      // requests): 15 requests per second." (Read from the awsdocs/aws-lambda-developer-guide copy of the page.)
      "lambda", new Quota("*", 15),
      // Not documented: no Cost Explorer page gives a request rate (each request costs USD 0.01). OpsKit's
      // conservative default, one budget for every Cost Explorer action.
      "costexplorer", new Quota("*", 5, false));

  private static Map<String, Map<String, Quota>> actions() {
    Table t = new Table();
    // CloudWatch: "Rate of <Action> requests, each supported Region".
    t.own("cloudwatch", 3, "PutMetricAlarm", "PutCompositeAlarm", "DeleteAlarms", "DisableAlarmActions",
        "EnableAlarmActions", "SetAlarmState");
    t.own("cloudwatch", 9, "DescribeAlarms", "DescribeAlarmsForMetric");
    t.own("cloudwatch", 20, "DescribeAlarmHistory", "TagResource", "UntagResource");
    t.own("cloudwatch", 10, "GetDashboard", "ListDashboards", "PutDashboard", "DeleteDashboards",
        "ListTagsForResource");
    t.own("cloudwatch", 500, "GetMetricData", "PutMetricData");
    t.own("cloudwatch", 400, "GetMetricStatistics");
    t.own("cloudwatch", 25, "ListMetrics");

    // CloudWatch Logs: "<Action> throttle limit in transactions per second". FilterLogEvents is 5 in
    // ap-northeast-3, ap-southeast-3, ca-west-1, eu-central-1 and il-central-1 (10 elsewhere, 25 in us-east-1);
    // GetLogEvents is 10 in us-west-2, eu-west-1, eu-central-1 and others (25 elsewhere): the lowest is kept.
    t.own("cloudwatchlogs", 10, "CreateLogGroup", "DeleteLogGroup", "DescribeLogGroups", "StartQuery",
        "GetQueryResults", "GetLogEvents");
    t.own("cloudwatchlogs", 50, "CreateLogStream");
    t.own("cloudwatchlogs", 25, "DescribeLogStreams");
    t.own("cloudwatchlogs", 15, "DeleteLogStream");
    t.own("cloudwatchlogs", 5, "FilterLogEvents", "PutRetentionPolicy", "DeleteRetentionPolicy",
        "ListTagsForResource", "ListTagsLogGroup", "TagResource", "UntagResource", "TagLogGroup", "UntagLogGroup");
    t.own("cloudwatchlogs", 5000, "PutLogEvents");

    // AWS Backup: "API name | Default calls/sec" (and 50 for the sum of all calls, not modelled).
    t.own("backup", 5, "CreateBackupPlan", "CreateBackupSelection", "DeleteBackupPlan", "DeleteBackupSelection",
        "DeleteBackupVault", "DeleteBackupVaultAccessPolicy", "DeleteBackupVaultNotifications",
        "DescribeBackupVault", "ExportBackupPlanTemplate", "GetBackupPlanFromJSON", "GetBackupPlanFromTemplate",
        "PutBackupVaultNotifications", "StartBackupJob", "StartRestoreJob", "StopBackupJob", "TagResource",
        "UntagResource", "UpdateBackupPlan", "UpdateRecoveryPointLifecycle");
    t.own("backup", 10, "DeleteRecoveryPoint", "DescribeProtectedResource");
    t.own("backup", 15, "DescribeBackupJob", "DescribeRecoveryPoint", "DescribeRestoreJob", "GetBackupPlan",
        "GetBackupSelection", "GetBackupVaultAccessPolicy", "GetBackupVaultNotifications",
        "GetRecoveryPointRestoreMetadata", "GetSupportedResourceTypes");
    t.own("backup", 20, "ListBackupJobs", "ListBackupPlans", "ListBackupPlanTemplates", "ListBackupPlanVersions",
        "ListBackupSelections", "ListBackupVaults", "ListProtectedResources", "ListRecoveryPointsByBackupVault",
        "ListRecoveryPointsByResource", "ListRestoreJobs", "ListTags");

    // EC2: each action has its own token bucket; the refill rate is the sustained rate. OpsKit lists instances,
    // snapshots and volumes without a filter or MaxResults, which draws on the smaller "unfiltered and
    // unpaginated non-mutating" bucket (50, refilled 10 per second) rather than the non-mutating one (100, 20).
    t.own("ec2", 10, "DescribeInstances", "DescribeSnapshots", "DescribeVolumes");
    // Non-mutating actions (bucket 100, refill 20).
    t.own("ec2", 20, "DescribeAddresses", "DescribeImages");
    // Uncategorized actions with buckets of their own: DescribeReservedInstancesOfferings 10/10,
    // CreateTags and DeleteTags 100/10, DeleteSnapshot and DeleteVolume 100/5,
    // PurchaseReservedInstancesOffering 5/5 (capacity/refill).
    t.own("ec2", 10, "DescribeReservedInstancesOfferings", "CreateTags", "DeleteTags");
    t.own("ec2", 5, "DeleteSnapshot", "DeleteVolume", "PurchaseReservedInstancesOffering");
    // Mutating actions (bucket 50, refill 5); StopInstances also has a resource bucket, not modelled.
    t.own("ec2", 5, "ReleaseAddress", "StopInstances");

    // ECS: a token bucket per category of actions, applied cumulatively to the actions of the category.
    t.group("ecs", "task-definition-modify", 1, "RegisterTaskDefinition", "DeregisterTaskDefinition");
    t.group("ecs", "task-definition-read", 20, "DescribeTaskDefinition", "ListTaskDefinitions",
        "ListTaskDefinitionFamilies");
    t.group("ecs", "service-modify", 5, "CreateService", "DeleteService", "UpdateService");
    t.group("ecs", "service-read", 20, "DescribeServices", "ListServices");
    t.group("ecs", "cluster-read", 20, "DescribeClusters", "ListClusters");
    t.group("ecs", "cluster-resource-read", 20, "DescribeContainerInstances", "DescribeTasks", "ListAttributes",
        "ListContainerInstances", "ListTasks");
    t.group("ecs", "tag-modify", 10, "TagResource", "UntagResource");
    t.group("ecs", "tag-read", 20, "ListTagsForResource");

    // Lambda: GetFunction (100) and GetPolicy (15) have their own quotas; every other control plane action
    // shares 15 (see SERVICES).
    t.own("lambda", 100, "GetFunction");
    t.own("lambda", 15, "GetPolicy");

    // Secrets Manager: GetSecretValue 10,000 and DescribeSecret 40,000 per second (AWS's announcement of March
    // 2025); the quota page's "Combined rate of ... API requests: 50 per second" per group of control plane
    // actions, and BatchGetSecretValue 100. CreateSecret's row could not be read here: flat default.
    t.own("secretsmanager", 10_000, "GetSecretValue");
    t.own("secretsmanager", 40_000, "DescribeSecret");
    t.own("secretsmanager", 100, "BatchGetSecretValue");
    t.group("secretsmanager", "secret-value-updates", 50, "PutSecretValue", "RemoveRegionsFromReplication",
        "ReplicateSecretToRegion", "StopReplicationToReplica", "UpdateSecret", "UpdateSecretVersionStage");
    t.group("secretsmanager", "resource-policies", 50, "DeleteResourcePolicy", "GetResourcePolicy",
        "PutResourcePolicy", "ValidateResourcePolicy");
    t.group("secretsmanager", "rotation", 50, "RotateSecret", "CancelRotateSecret");
    t.group("secretsmanager", "tags", 50, "TagResource", "UntagResource");
    t.own("secretsmanager", 50, "RestoreSecret");

    // Systems Manager Parameter Store: "Default throughput: 40 (shared by the following API actions:
    // GetParameter, GetParameters, GetParametersByPath)", as quoted from that page (its full table could not be
    // read here). PutParameter and the other Systems Manager actions: no figure found, flat default.
    t.group("ssm", "parameter-reads", 40, "GetParameter", "GetParameters", "GetParametersByPath");
    return t.build();
  }

  private ApiQuotas() {}

  /** Collects the entries; an action listed twice is a mistake in the table. */
  private static final class Table {
    private final Map<String, Map<String, Quota>> entries = new HashMap<>();

    /** Each action its own budget. */
    void own(String service, double requestsPerSecond, String... actions) {
      for (String action : actions) {
        String name = action.toLowerCase(Locale.ROOT);
        put(service, name, new Quota(name, requestsPerSecond));
      }
    }

    /** One budget the actions share. */
    void group(String service, String bucket, double requestsPerSecond, String... actions) {
      Quota quota = new Quota(bucket, requestsPerSecond);
      for (String action : actions) {
        put(service, action.toLowerCase(Locale.ROOT), quota);
      }
    }

    private void put(String service, String action, Quota quota) {
      Quota previous = entries.computeIfAbsent(service, s -> new HashMap<>()).put(action, quota);
      if (previous != null) {
        throw new IllegalStateException("two quotas for " + service + ":" + action);
      }
    }

    Map<String, Map<String, Quota>> build() {
      Map<String, Map<String, Quota>> copy = new HashMap<>();
      entries.forEach((service, actions) -> copy.put(service, Map.copyOf(actions)));
      return Map.copyOf(copy);
    }
  }

  /**
   * The quota of one action.
   *
   * @param service the SDK service name (any case)
   * @param action the API action (any case)
   * @return the quota, or empty when the table has none for it
   */
  public static Optional<Quota> of(String service, String action) {
    String s = service.toLowerCase(Locale.ROOT);
    Quota perAction = ACTIONS.getOrDefault(s, Map.of()).get(action.toLowerCase(Locale.ROOT));
    if (perAction != null) {
      return Optional.of(perAction);
    }
    return Optional.ofNullable(SERVICES.get(s));
  }

  /** Every service the table has an entry for (for tests). */
  static Set<String> services() {
    Set<String> all = new TreeSet<>(ACTIONS.keySet());
    all.addAll(SERVICES.keySet());
    return all;
  }

  /** Every entry of the table (for tests). */
  static Stream<Quota> quotas() {
    return Stream.concat(ACTIONS.values().stream().flatMap(actions -> actions.values().stream()),
        SERVICES.values().stream());
  }
}
