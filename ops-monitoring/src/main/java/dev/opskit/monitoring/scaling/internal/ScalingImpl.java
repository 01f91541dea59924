package dev.opskit.monitoring.scaling.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.scaling.ActivityStatus;
import dev.opskit.monitoring.scaling.ManagedPolicies;
import dev.opskit.monitoring.scaling.PredefinedMetric;
import dev.opskit.monitoring.scaling.ScalableDimension;
import dev.opskit.monitoring.scaling.ScalableTarget;
import dev.opskit.monitoring.scaling.Scaling;
import dev.opskit.monitoring.scaling.ScalingActivity;
import dev.opskit.monitoring.scaling.ScalingDefinition;
import dev.opskit.monitoring.scaling.ScalingPolicy;
import dev.opskit.monitoring.scaling.TargetTracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/** {@link Scaling} on an Application Auto Scaling client; every change through the context's gate. */
public final class ScalingImpl implements Scaling {
  static final String TARGET = "scalable target";
  static final String POLICY = "scaling policy";
  private static final Logger LOG = LoggerFactory.getLogger(ScalingImpl.class);

  private final OpsContext ctx;
  private final ApplicationAutoScalingClient client;

  /**
   * Binds to a client.
   *
   * @param ctx the context (its gate)
   * @param client the client
   */
  public ScalingImpl(OpsContext ctx, ApplicationAutoScalingClient client) {
    this.ctx = ctx;
    this.client = client;
  }

  /**
   * The operations on the context's own client.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Scaling of(OpsContext ctx) {
    return new ScalingImpl(ctx, ctx.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder));
  }

  @Override
  public Plan plan(Collection<? extends ScalingDefinition> definitions) {
    return plan(definitions, null, "scalable targets and scaling policies");
  }

  @Override
  public Plan plan(Collection<? extends ScalingDefinition> definitions, ManagedPolicies managed) {
    Checks.present("managed", managed, "a ManagedPolicies marker, such as ManagedPolicies.all()");
    return plan(definitions, managed, "scalable targets and scaling policies (managed: " + managed + ")");
  }

  private Plan plan(Collection<? extends ScalingDefinition> definitions, @Nullable ManagedPolicies managed, String title) {
    List<ScalingDefinition> defs = Checks.list("definitions", definitions, "scaling definitions");
    Set<String> keys = new HashSet<>();
    for (ScalingDefinition d : defs) {
      if (!keys.add(d.target().key())) {
        throw ValidationException.of("definitions", d.target().key(), "one definition per resource id and dimension");
      }
    }
    List<ResourceChange> changes = new ArrayList<>();
    List<ResourceChange> deletes = new ArrayList<>();
    for (ScalingDefinition d : defs) {
      ScalableTarget want = d.target();
      Optional<software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget> live =
          liveTarget(want.dimension(), want.resourceId());
      if (live.isEmpty()) {
        changes.add(ResourceChange.create(TARGET, want.key(), List.of(register(want))));
      } else {
        List<FieldDiff> diffs = new ArrayList<>();
        diff(diffs, "MinCapacity", live.get().minCapacity(), want.minCapacity());
        diff(diffs, "MaxCapacity", live.get().maxCapacity(), want.maxCapacity());
        changes.add(diffs.isEmpty() ? ResourceChange.unchanged(TARGET, want.key())
            : ResourceChange.update(TARGET, want.key(), diffs, List.of(register(want))));
      }
      Map<String, software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy> livePolicies =
          live.isEmpty() ? Map.of() : livePolicies(want.dimension(), want.resourceId()).stream()
              .collect(Collectors.toMap(p -> p.policyName(), Function.identity(), (a, b) -> a));
      for (ScalingPolicy p : d.policies()) {
        String resource = policyKey(p.name(), want);
        var existing = livePolicies.get(p.name());
        if (existing == null) {
          changes.add(ResourceChange.create(POLICY, resource, List.of(put(want, p))));
        } else {
          List<FieldDiff> diffs = policyDiffs(existing, p.configuration());
          changes.add(diffs.isEmpty() ? ResourceChange.unchanged(POLICY, resource)
              : ResourceChange.update(POLICY, resource, diffs, List.of(put(want, p))));
        }
      }
      if (managed != null) {
        Set<String> defined = d.policies().stream().map(ScalingPolicy::name).collect(Collectors.toSet());
        livePolicies.keySet().stream().filter(n -> !defined.contains(n) && managed.manages(n)).sorted()
            .forEach(n -> deletes.add(ResourceChange.delete(POLICY, policyKey(n, want), List.of(delete(want, n)))));
      }
    }
    changes.addAll(deletes);
    return Plan.of(title, changes);
  }

  private static String policyKey(String name, ScalableTarget target) {
    return name + " on " + target.key();
  }

  private static void diff(List<FieldDiff> out, String field, @Nullable Object live, @Nullable Object desired) {
    if (!Objects.equals(live, desired)) {
      out.add(FieldDiff.of(field, live, desired));
    }
  }

  /** Field by field, PutScalingPolicy's member names; cooldowns only when the definition sets them. */
  static List<FieldDiff> policyDiffs(software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy live,
      TargetTracking want) {
    List<FieldDiff> out = new ArrayList<>();
    diff(out, "PolicyType", live.policyTypeAsString(), ScalingJson.TARGET_TRACKING);
    TargetTrackingScalingPolicyConfiguration c = live.targetTrackingScalingPolicyConfiguration();
    PredefinedMetricSpecification spec = c == null ? null : c.predefinedMetricSpecification();
    diff(out, "TargetValue", c == null ? null : c.targetValue(), want.targetValue());
    diff(out, "PredefinedMetricType", spec == null ? null : spec.predefinedMetricTypeAsString(), want.metric().value());
    diff(out, "ResourceLabel", spec == null ? null : spec.resourceLabel(), want.resourceLabel());
    want.scaleOut().ifPresent(d -> diff(out, "ScaleOutCooldown", c == null ? null : c.scaleOutCooldown(),
        (int) d.toSeconds()));
    want.scaleIn().ifPresent(d -> diff(out, "ScaleInCooldown", c == null ? null : c.scaleInCooldown(),
        (int) d.toSeconds()));
    boolean liveDisable = c != null && Boolean.TRUE.equals(c.disableScaleIn());
    diff(out, "DisableScaleIn", liveDisable, Boolean.TRUE.equals(want.disableScaleIn()));
    return out;
  }

  private Change<?> register(ScalableTarget t) {
    RegisterScalableTargetRequest request = RegisterScalableTargetRequest.builder()
        .serviceNamespace(t.serviceNamespace()).resourceId(t.resourceId()).scalableDimension(t.dimension().value())
        .minCapacity(t.minCapacity()).maxCapacity(t.maxCapacity()).build();
    return Change.of("application-autoscaling:RegisterScalableTarget", t.key(), request, client::registerScalableTarget)
        .retryWhen(ScalingImpl::concurrentUpdate).build();
  }

  private Change<?> put(ScalableTarget t, ScalingPolicy p) {
    PutScalingPolicyRequest request = PutScalingPolicyRequest.builder().policyName(p.name())
        .serviceNamespace(t.serviceNamespace()).resourceId(t.resourceId()).scalableDimension(t.dimension().value())
        .policyType(PolicyType.TARGET_TRACKING_SCALING).targetTrackingScalingPolicyConfiguration(toSdk(p.configuration()))
        .build();
    return Change.of("application-autoscaling:PutScalingPolicy", policyKey(p.name(), t), request, client::putScalingPolicy)
        .retryWhen(ScalingImpl::concurrentUpdate).build();
  }

  private Change<?> delete(ScalableTarget t, String name) {
    DeleteScalingPolicyRequest request = DeleteScalingPolicyRequest.builder().policyName(name)
        .serviceNamespace(t.serviceNamespace()).resourceId(t.resourceId()).scalableDimension(t.dimension().value())
        .build();
    return Change.of("application-autoscaling:DeleteScalingPolicy", policyKey(name, t), request,
        client::deleteScalingPolicy).ifAlreadyGone().retryWhen(ScalingImpl::concurrentUpdate).build();
  }

  static boolean concurrentUpdate(OpsException e) {
    return "ConcurrentUpdateException".equals(e.awsErrorCode());
  }

  static TargetTrackingScalingPolicyConfiguration toSdk(TargetTracking c) {
    return TargetTrackingScalingPolicyConfiguration.builder()
        .targetValue(c.targetValue())
        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
            .predefinedMetricType(c.metric().value()).resourceLabel(c.resourceLabel()).build())
        .scaleOutCooldown(c.scaleOut().map(d -> (int) d.toSeconds()).orElse(null))
        .scaleInCooldown(c.scaleIn().map(d -> (int) d.toSeconds()).orElse(null))
        .disableScaleIn(c.disableScaleIn())
        .build();
  }

  /** The live configuration as a value, or empty when it is not one OpsKit models (a customised metric...). */
  static Optional<TargetTracking> fromSdk(@Nullable TargetTrackingScalingPolicyConfiguration c) {
    if (c == null || c.predefinedMetricSpecification() == null || c.targetValue() == null) {
      return Optional.empty();
    }
    try {
      PredefinedMetricSpecification spec = c.predefinedMetricSpecification();
      return Optional.of(new TargetTracking(PredefinedMetric.of(spec.predefinedMetricTypeAsString()),
          spec.resourceLabel(), c.targetValue(), seconds(c.scaleOutCooldown()), seconds(c.scaleInCooldown()),
          c.disableScaleIn()));
    } catch (ValidationException e) {
      LOG.debug("scaling policy configuration not modelled by OpsKit: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static @Nullable Duration seconds(@Nullable Integer s) {
    return s == null ? null : Duration.ofSeconds(s);
  }

  private Optional<software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget> liveTarget(
      ScalableDimension dimension, String resourceId) {
    DescribeScalableTargetsRequest request = DescribeScalableTargetsRequest.builder()
        .serviceNamespace(dimension.serviceNamespace()).resourceIds(resourceId).scalableDimension(dimension.value())
        .build();
    return Reads.read("application-autoscaling:DescribeScalableTargets", resourceId,
        () -> client.describeScalableTargetsPaginator(request).scalableTargets().stream()
            .filter(t -> resourceId.equals(t.resourceId()) && dimension.value().equals(t.scalableDimensionAsString()))
            .findFirst());
  }

  private List<software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy> livePolicies(
      ScalableDimension dimension, String resourceId) {
    DescribeScalingPoliciesRequest request = DescribeScalingPoliciesRequest.builder()
        .serviceNamespace(dimension.serviceNamespace()).resourceId(resourceId).scalableDimension(dimension.value())
        .build();
    return Reads.read("application-autoscaling:DescribeScalingPolicies", resourceId,
        () -> client.describeScalingPoliciesPaginator(request).scalingPolicies().stream()
            .filter(p -> resourceId.equals(p.resourceId()) && dimension.value().equals(p.scalableDimensionAsString()))
            .toList());
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from Scaling.plan"));
  }

  @Override
  public Optional<ScalingDefinition> read(ScalableDimension dimension, String resourceId) {
    Checks.present("dimension", dimension, "a scalable dimension");
    dimension.checkResourceId("resourceId", resourceId);
    return liveTarget(dimension, resourceId).map(t -> {
      List<ScalingPolicy> policies = new ArrayList<>();
      for (var p : livePolicies(dimension, resourceId)) {
        if (PolicyType.TARGET_TRACKING_SCALING == p.policyType()) {
          fromSdk(p.targetTrackingScalingPolicyConfiguration())
              .ifPresent(c -> policies.add(new ScalingPolicy(p.policyName(), c)));
        }
      }
      return new ScalingDefinition(new ScalableTarget(dimension, resourceId,
          Objects.requireNonNullElse(t.minCapacity(), 0), Objects.requireNonNullElse(t.maxCapacity(), 0)), policies);
    });
  }

  @Override
  public List<ScalingActivity> activities(ScalableDimension dimension, String resourceId) {
    Checks.present("dimension", dimension, "a scalable dimension");
    dimension.checkResourceId("resourceId", resourceId);
    DescribeScalingActivitiesRequest request = DescribeScalingActivitiesRequest.builder()
        .serviceNamespace(dimension.serviceNamespace()).resourceId(resourceId).scalableDimension(dimension.value())
        .build();
    List<ScalingActivity> all = Reads.read("application-autoscaling:DescribeScalingActivities", resourceId,
        () -> client.describeScalingActivitiesPaginator(request).scalingActivities().stream()
            .map(a -> new ScalingActivity(Objects.requireNonNullElse(a.activityId(), ""),
                Objects.requireNonNullElse(a.description(), ""), Objects.requireNonNullElse(a.cause(), ""),
                Objects.requireNonNullElse(a.startTime(), Instant.EPOCH), a.endTime(),
                ActivityStatus.of(Objects.requireNonNullElse(a.statusCodeAsString(), "")), a.statusMessage()))
            .toList());
    return all.stream().sorted(Comparator.comparing(ScalingActivity::startTime).reversed()
        .thenComparing(ScalingActivity::activityId)).toList();
  }
}
