package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardName;
import dev.opskit.monitoring.dashboard.DashboardSummary;
import dev.opskit.monitoring.dashboard.Dashboards;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

/** {@link Dashboards} on a CloudWatch client; every change through the context's gate. */
public final class DashboardsImpl implements Dashboards {
  static final String TYPE = "dashboard";

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
  public Plan plan(Collection<? extends DashboardDefinition> definitions) {
    List<DashboardDefinition> list = Checks.list("definitions", definitions, "dashboard definitions");
    Set<String> seen = new HashSet<>();
    list.stream().filter(d -> !seen.add(d.name())).findFirst().ifPresent(d -> {
      throw ValidationException.of("definitions", d.name(), "definitions with unique dashboard names");
    });
    List<ResourceChange> changes = new ArrayList<>();
    for (DashboardDefinition d : list) {
      Optional<String> live = body(d.name());
      if (live.isEmpty()) {
        changes.add(ResourceChange.create(TYPE, d.name(), List.of(put(d))));
        continue;
      }
      JsonNode have = JsonValues.parse(live.get(), DashboardDiff.BODY);
      JsonNode want = JsonValues.parse(d.bodyJson(), DashboardDiff.BODY);
      List<FieldDiff> diffs = DashboardDiff.diff(have, want);
      changes.add(diffs.isEmpty() ? ResourceChange.unchanged(TYPE, d.name())
          : ResourceChange.update(TYPE, d.name(), diffs, List.of(put(d))));
    }
    return Plan.of("dashboards", changes);
  }

  private Change<?> put(DashboardDefinition d) {
    PutDashboardRequest request = PutDashboardRequest.builder().dashboardName(d.name()).dashboardBody(d.bodyJson()).build();
    return Change.of("cloudwatch:PutDashboard", d.name(), request, cloudWatch::putDashboard).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan (from plan(...))"));
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
  public Optional<DashboardDefinition> get(DashboardName name) {
    Checks.present("name", name, "a dashboard name");
    return body(name.value()).map(b -> DashboardDefinition.fromBodyJson(name.value(), b));
  }

  @Override
  public Stream<DashboardSummary> list() {
    return Reads.stream("cloudwatch:ListDashboards", null, () ->
        cloudWatch.listDashboardsPaginator(ListDashboardsRequest.builder().build()).dashboardEntries().stream()
            .map(e -> new DashboardSummary(DashboardName.of(e.dashboardName()), e.dashboardArn(), e.lastModified(),
                e.size())));
  }

  @Override
  public List<ChangeResult<List<DashboardName>>> delete(Collection<DashboardName> names) {
    List<DashboardName> list = List.copyOf(new LinkedHashSet<>(Checks.list("names", names, "dashboard names")));
    List<ChangeResult<List<DashboardName>>> out = new ArrayList<>();
    for (List<DashboardName> batch : Batches.of(list, AlarmsImpl.BATCH)) {
      List<String> texts = batch.stream().map(DashboardName::value).toList();
      DeleteDashboardsRequest request = DeleteDashboardsRequest.builder().dashboardNames(texts).build();
      out.add(ctx.gate().submit(Change.of("cloudwatch:DeleteDashboards", String.join(",", texts), request,
          cloudWatch::deleteDashboards).ifAlreadyGone().build()).map(r -> batch));
    }
    return out;
  }
}
