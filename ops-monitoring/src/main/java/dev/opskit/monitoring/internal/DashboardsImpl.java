package dev.opskit.monitoring.internal;

import dev.opskit.core.Reads;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.monitoring.dashboard.DashboardApplyException;
import dev.opskit.monitoring.dashboard.DashboardChange;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardSummary;
import dev.opskit.monitoring.dashboard.Dashboards;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

/** {@link Dashboards} on a context's CloudWatch client. */
public final class DashboardsImpl implements Dashboards {
  private final OpsContext ctx;
  private final CloudWatchClient cloudWatch;

  /**
   * Binds to a client.
   *
   * @param ctx the context
   * @param cloudWatch the client
   */
  public DashboardsImpl(OpsContext ctx, CloudWatchClient cloudWatch) {
    this.ctx = ctx;
    this.cloudWatch = cloudWatch;
  }

  /**
   * The operations on the context's own client.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Dashboards of(OpsContext ctx) {
    return new DashboardsImpl(ctx, ctx.client(CloudWatchClient.class, CloudWatchClient::builder));
  }

  @Override
  public List<DashboardChange> apply(Collection<DashboardDefinition> definitions) {
    List<DashboardDefinition> list = List.copyOf(definitions);
    Set<String> seen = new HashSet<>();
    list.stream().filter(d -> !seen.add(d.name())).findFirst().ifPresent(d -> {
      throw ValidationException.of("definitions", d.name(), "definitions with unique dashboard names");
    });
    List<DashboardChange> out = new ArrayList<>();
    for (DashboardDefinition d : list) {
      try {
        out.add(apply(d));
      } catch (OpsException e) {
        throw new DashboardApplyException(out, list.size(), e);
      }
    }
    return out;
  }

  private DashboardChange apply(DashboardDefinition d) {
    Optional<String> live = body(d.name());
    DashboardChange.Action action = live.isEmpty() ? DashboardChange.Action.CREATE
        : sameTree(live.get(), d.bodyJson()) ? DashboardChange.Action.UNCHANGED : DashboardChange.Action.UPDATE;
    PlannedCall call = null;
    if (action != DashboardChange.Action.UNCHANGED) {
      PutDashboardRequest request =
          PutDashboardRequest.builder().dashboardName(d.name()).dashboardBody(d.bodyJson()).build();
      ChangeResult<?> result = ctx.gate().submit(
          Change.of("cloudwatch:PutDashboard", d.name(), request, cloudWatch::putDashboard).build());
      call = result.call();
    }
    return new DashboardChange(d.name(), action, call, ctx.isDryRun());
  }

  private static boolean sameTree(String live, String desired) {
    JsonNode a = JsonValues.parse(live, "DashboardBody");
    JsonNode b = JsonValues.parse(desired, "DashboardBody");
    return a.equals(b);
  }

  private Optional<String> body(String name) {
    return Reads.read("cloudwatch:GetDashboard", name, () -> {
      try {
        return Optional.of(cloudWatch.getDashboard(GetDashboardRequest.builder().dashboardName(name).build())
            .dashboardBody());
      } catch (AwsServiceException e) {
        if (isNotFound(e)) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  private static boolean isNotFound(AwsServiceException e) {
    return e instanceof DashboardNotFoundErrorException || e instanceof ResourceNotFoundException
        || e.statusCode() == 404
        || (e.awsErrorDetails() != null && "ResourceNotFound".equals(e.awsErrorDetails().errorCode()));
  }

  @Override
  public Optional<DashboardDefinition> get(String name) {
    Check.dashboardName("name", name);
    return body(name).map(b -> DashboardDefinition.fromBodyJson(name, b));
  }

  @Override
  public List<DashboardSummary> list() {
    return Reads.read("cloudwatch:ListDashboards", null, () ->
        cloudWatch.listDashboardsPaginator(ListDashboardsRequest.builder().build()).dashboardEntries().stream()
            .map(e -> new DashboardSummary(e.dashboardName(), e.dashboardArn(), e.lastModified(), e.size()))
            .collect(Collectors.toList()));
  }

  @Override
  public void delete(Collection<String> names) {
    List<String> list = List.copyOf(new LinkedHashSet<>(names));
    list.forEach(n -> Check.dashboardName("names", n));
    for (List<String> batch : Batches.of(list, AlarmsImpl.BATCH)) {
      DeleteDashboardsRequest request = DeleteDashboardsRequest.builder().dashboardNames(batch).build();
      ctx.gate().submit(Change.of("cloudwatch:DeleteDashboards", String.join(",", batch), request,
          cloudWatch::deleteDashboards).ifAlreadyGone().build());
    }
  }
}
