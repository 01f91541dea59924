package dev.opskit.monitoring.logs.internal;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.logs.InsightsRunner;
import dev.opskit.monitoring.logs.InsightsSettings;
import dev.opskit.monitoring.logs.LogGroupDefinition;
import dev.opskit.monitoring.logs.LogGroupScope;
import dev.opskit.monitoring.logs.Logs;
import dev.opskit.monitoring.logs.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

/** {@link Logs} on a CloudWatch Logs client; every change through the context's gate. */
public final class LogsImpl implements Logs {
  static final String TYPE = "log group";

  private final OpsContext ctx;
  private final CloudWatchLogsClient logs;

  /**
   * Binds to a client.
   *
   * @param ctx the context
   * @param logs the client
   */
  public LogsImpl(OpsContext ctx, CloudWatchLogsClient logs) {
    this.ctx = ctx;
    this.logs = logs;
  }

  /**
   * The operations on the context's own client.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Logs of(OpsContext ctx) {
    return new LogsImpl(ctx, ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder));
  }

  @Override
  public Plan plan(Collection<? extends LogGroupDefinition> definitions) {
    return Plan.of("log groups", changes(unique(definitions), null));
  }

  @Override
  public Plan plan(Collection<? extends LogGroupDefinition> definitions, LogGroupScope scope) {
    Checks.present("scope", scope, "a log group scope");
    List<LogGroupDefinition> list = unique(definitions);
    for (LogGroupDefinition d : list) {
      Checks.require(d.name().value().startsWith(scope.prefix()), "definitions", d.name().value(),
          "log groups under the scope's prefix " + scope.prefix());
    }
    List<ResourceChange> changes = changes(list, scope);
    Set<String> defined = new HashSet<>();
    list.forEach(d -> defined.add(d.name().value()));
    try (Stream<LogGroup> live = groups(scope.prefix())) {
      live.filter(g -> !defined.contains(g.logGroupName()) && g.logGroupName().startsWith(scope.prefix()))
          .filter(g -> scope.tagValue().equals(tags(g).get(scope.tagKey())))
          .forEach(g -> changes.add(ResourceChange.delete(TYPE, g.logGroupName(), List.of(Change.of(
              "logs:DeleteLogGroup", g.logGroupName(),
              DeleteLogGroupRequest.builder().logGroupName(g.logGroupName()).build(), logs::deleteLogGroup)
              .ifAlreadyGone().build()))));
    }
    return Plan.of("log groups under " + scope.prefix() + " tagged " + scope.tagKey() + "=" + scope.tagValue(),
        changes);
  }

  private static List<LogGroupDefinition> unique(Collection<? extends LogGroupDefinition> definitions) {
    List<LogGroupDefinition> list = Values.list("definitions", definitions, "log group definitions");
    Set<String> seen = new HashSet<>();
    for (LogGroupDefinition d : list) {
      if (!seen.add(d.name().value())) {
        throw ValidationException.of("definitions", d.name().value(), "definitions with unique log group names");
      }
    }
    return list;
  }

  private List<ResourceChange> changes(List<LogGroupDefinition> list, @Nullable LogGroupScope scope) {
    List<ResourceChange> changes = new ArrayList<>();
    for (LogGroupDefinition d : list) {
      String name = d.name().value();
      Optional<LogGroup> live = find(name);
      Integer want = d.retention() == null ? null : d.retention().days();
      if (live.isEmpty()) {
        List<Change<?>> steps = new ArrayList<>();
        steps.add(create(name, scope));
        if (want != null) {
          steps.add(putRetention(name, want));
        }
        changes.add(ResourceChange.create(TYPE, name, steps));
        continue;
      }
      Integer have = live.get().retentionInDays();
      if (java.util.Objects.equals(have, want)) {
        changes.add(ResourceChange.unchanged(TYPE, name));
      } else {
        Change<?> fix = want == null ? Change.of("logs:DeleteRetentionPolicy", name,
            DeleteRetentionPolicyRequest.builder().logGroupName(name).build(), logs::deleteRetentionPolicy).build()
            : putRetention(name, want);
        changes.add(ResourceChange.update(TYPE, name, List.of(FieldDiff.of("retentionInDays", have, want)),
            List.of(fix)));
      }
    }
    return changes;
  }

  private Change<CreateLogGroupResponse> create(String name, @Nullable LogGroupScope scope) {
    Map<String, String> tags = new LinkedHashMap<>(ctx.defaultTags());
    if (scope != null) {
      tags.put(scope.tagKey(), scope.tagValue());
    }
    CreateLogGroupRequest.Builder b = CreateLogGroupRequest.builder().logGroupName(name);
    if (!tags.isEmpty()) {
      b.tags(tags);
    }
    return Change.of("logs:CreateLogGroup", name, b.build(), logs::createLogGroup)
        .ifAlreadyExists(attempts -> find(name)
            .filter(g -> g.creationTime() != null && attempts.covers(Instant.ofEpochMilli(g.creationTime())))
            .map(g -> CreateLogGroupResponse.builder().build()))
        .build();
  }

  private Change<?> putRetention(String name, int days) {
    Retention.days(days);
    return Change.of("logs:PutRetentionPolicy", name,
        PutRetentionPolicyRequest.builder().logGroupName(name).retentionInDays(days).build(),
        logs::putRetentionPolicy).build();
  }

  private Optional<LogGroup> find(String name) {
    return Reads.read("logs:DescribeLogGroups", name, () ->
        logs.describeLogGroupsPaginator(DescribeLogGroupsRequest.builder().logGroupNamePrefix(name).build())
            .logGroups().stream().filter(g -> name.equals(g.logGroupName())).findFirst());
  }

  private Stream<LogGroup> groups(String prefix) {
    return Reads.stream("logs:DescribeLogGroups", prefix, () ->
        logs.describeLogGroupsPaginator(DescribeLogGroupsRequest.builder().logGroupNamePrefix(prefix).build())
            .logGroups().stream());
  }

  private Map<String, String> tags(LogGroup g) {
    String arn = g.arn() != null && g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
    return Reads.read("logs:ListTagsForResource", g.logGroupName(),
        () -> logs.listTagsForResource(ListTagsForResourceRequest.builder().resourceArn(arn).build()).tags());
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan (from plan(...))"));
  }

  @Override
  public InsightsRunner insights() {
    return insights(InsightsSettings.DEFAULTS);
  }

  @Override
  public InsightsRunner insights(InsightsSettings settings) {
    return new InsightsRunnerImpl(ctx, logs, Checks.present("settings", settings, "Logs Insights settings"));
  }
}
