package dev.opskit.kubernetes.rollout.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.Poller;
import dev.opskit.kubernetes.internal.DeploymentContainers;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import dev.opskit.kubernetes.rollout.ImageUpdate;
import dev.opskit.kubernetes.rollout.Revision;
import dev.opskit.kubernetes.rollout.Rollback;
import dev.opskit.kubernetes.rollout.RolloutHistory;
import dev.opskit.kubernetes.rollout.RolloutStatus;
import dev.opskit.kubernetes.rollout.Rollouts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@link Rollouts} on fabric8. Not fabric8's {@code rolling().undo()}: it takes the second ReplicaSet in revision
 * order whether or not the deployment controls it, keeps the {@code pod-template-hash} label in the restored
 * template (so the controller would adopt that hash for a template that no longer matches it), writes the
 * revision annotation kubectl leaves to the controller, cannot go to a chosen revision, and fails with an index
 * error when there is no previous revision; kubectl's rollback does none of that.
 */
public final class RolloutsImpl implements Rollouts {
  static final String SET_IMAGE = "kubernetes:SetImage";
  static final String ROLLBACK = "kubernetes:RollbackDeployment";
  static final String GET = DeploymentContainers.GET;
  static final String WAIT = "kubernetes:wait-rollout-complete";
  private static final Duration FIRST_INTERVAL = Duration.ofSeconds(2);
  private static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
  /** The deployment annotations kubectl's rollback keeps from the deployment instead of taking the ReplicaSet's. */
  private static final Set<String> KEPT_ANNOTATIONS = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration",
      ReplicaSetHistory.REVISION,
      "deployment.kubernetes.io/revision-history",
      "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas",
      "deprecated.deployment.rollback.to");

  private final OpsContext ctx;
  private final KubernetesClient client;
  private final ReplicaSetHistory replicaSets;
  private final Templates templates;

  /**
   * Rollouts through a context's gate on a client.
   *
   * @param ctx the context
   * @param client the client
   */
  public RolloutsImpl(OpsContext ctx, KubernetesClient client) {
    this.ctx = ctx;
    this.client = client;
    this.replicaSets = new ReplicaSetHistory(client);
    this.templates = new Templates(client.getKubernetesSerialization());
  }

  @Override
  public ChangeResult<ImageUpdate> setImage(DeploymentRef ref, String container, String image) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    KubernetesNames.label("container", container);
    ImageReferences.check("image", image);
    Deployment d = read(ref);
    DeploymentContainers.At at = DeploymentContainers.find(d, ref, container);
    Container found = at.container();
    String path = at.path();
    String previous = found.getImage() == null ? "" : found.getImage();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("namespace", ref.namespace());
    params.put("deployment", ref.name());
    params.put("container", container);
    params.put("image", image);
    params.put("previousImage", previous);
    if (previous.equals(image)) {
      return new ChangeResult.Applied<>(new ImageUpdate(ref, container, previous, image, false), null, false,
          new PlannedCall(SET_IMAGE, ref.target(), params),
          "nothing changed: container " + container + " already has image " + image);
    }
    // The test makes the patch fail (HTTP 422) rather than change another container if the list was reordered.
    List<Map<String, Object>> patch = List.of(
        DeploymentContainers.op("test", path + "/name", container),
        DeploymentContainers.op("add", path + "/image", image));
    return submitPatch(SET_IMAGE, ref, d, params, patch, new ImageUpdate(ref, container, previous, image, true),
        now -> container.equals(DeploymentContainers.nameAt(now, path)) ? null
            : "its containers changed since it was read: " + container + " is no longer at " + path
                + ". Nothing was changed; run setImage again");
  }

  @Override
  public RolloutStatus status(DeploymentRef ref) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    return RolloutProgress.of(ref, read(ref));
  }

  @Override
  public RolloutStatus awaitRollout(DeploymentRef ref, Duration timeout) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    Checks.duration("timeout", timeout, Duration.ofNanos(1), Poller.MAX_DURATION,
        "a positive duration of at most " + Poller.MAX_DURATION.toDays() + " days");
    return ctx.poller(WAIT, ref.target())
        .timeout(timeout).interval(FIRST_INTERVAL).maxInterval(MAX_INTERVAL)
        .<RolloutStatus>await(() -> {
          RolloutStatus s = status(ref);
          if (s.isComplete()) {
            return PollResult.done(s, s.message());
          }
          return s.isFailed() ? PollResult.failed(RolloutProgress.TIMED_OUT_REASON, s.message())
              : PollResult.pending(s.message());
        })
        .orElseThrow();
  }

  @Override
  public ChangeResult<Rollback> undo(DeploymentRef ref) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    return rollback(ref, 0);
  }

  @Override
  public ChangeResult<Rollback> undo(DeploymentRef ref, long toRevision) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    Checks.range("toRevision", toRevision, 1, Long.MAX_VALUE,
        "a revision number of at least 1 (see history()); undo(deployment) rolls back to the previous one");
    return rollback(ref, toRevision);
  }

  @Override
  public RolloutHistory history(DeploymentRef ref) {
    Checks.present("deployment", ref, "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")");
    Deployment d = read(ref);
    @Nullable PodTemplateSpec current = d.getSpec() == null ? null : d.getSpec().getTemplate();
    List<Revision> revisions = new ArrayList<>();
    for (ReplicaSet rs : replicaSets.owned(ref, d)) {
      OptionalLong n = ReplicaSetHistory.revision(rs);
      if (n.isPresent()) {
        PodTemplateSpec template = rs.getSpec() == null ? null : rs.getSpec().getTemplate();
        revisions.add(new Revision(n.getAsLong(), rs.getMetadata().getName(), ReplicaSetHistory.images(template),
            ReplicaSetHistory.annotation(rs.getMetadata(), ReplicaSetHistory.CHANGE_CAUSE),
            templates.equalIgnoringHash(template, current)));
      }
    }
    revisions.sort(Comparator.comparingLong(Revision::number));
    return new RolloutHistory(ref, revisions);
  }

  /** kubectl's {@code DeploymentRollbacker.Rollback}; {@code toRevision} 0 is the previous revision. */
  private ChangeResult<Rollback> rollback(DeploymentRef ref, long toRevision) {
    Deployment d = read(ref);
    if (d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused())) {
      throw new ResourceStateException("the deployment is paused: a paused deployment cannot be rolled back; resume"
          + " it first (kubectl rollout resume) and try again", ROLLBACK, ref.target(), null);
    }
    List<ReplicaSet> owned = replicaSets.owned(ref, d);
    ReplicaSet chosen = toRevision == 0 ? previous(ref, owned) : asked(owned, toRevision);
    long revision = ReplicaSetHistory.revision(chosen).orElseThrow();
    PodTemplateSpec template = chosen.getSpec() == null ? null : chosen.getSpec().getTemplate();
    if (template == null) {
      throw new ResourceStateException("ReplicaSet " + chosen.getMetadata().getName() + " of revision " + revision
          + " has no pod template to roll back to", ROLLBACK, ref.target(), null);
    }
    Map<String, String> images = ReplicaSetHistory.images(template);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("namespace", ref.namespace());
    params.put("deployment", ref.name());
    params.put("toRevision", revision);
    params.put("replicaSet", chosen.getMetadata().getName());
    params.put("images", images);
    if (templates.equalIgnoringHash(template, d.getSpec() == null ? null : d.getSpec().getTemplate())) {
      return new ChangeResult.Applied<>(new Rollback(ref, revision, images, false), null, false,
          new PlannedCall(ROLLBACK, ref.target(), params),
          "skipped rollback (current template already matches revision " + revision + ")");
    }
    List<Map<String, Object>> patch = List.of(
        DeploymentContainers.op("replace", "/spec/template", templates.withoutHash(template)),
        DeploymentContainers.op("add", "/metadata/annotations", annotations(d, chosen)));
    return submitPatch(ROLLBACK, ref, d, params, patch, new Rollback(ref, revision, images, true));
  }

  /** kubectl: the deployment's bookkeeping annotations, then every other annotation of the ReplicaSet. */
  private static Map<String, String> annotations(Deployment d, ReplicaSet rs) {
    Map<String, String> result = new LinkedHashMap<>();
    Map<String, String> own = d.getMetadata().getAnnotations();
    if (own != null) {
      own.forEach((k, v) -> {
        if (KEPT_ANNOTATIONS.contains(k)) {
          result.put(k, v);
        }
      });
    }
    Map<String, String> theirs = rs.getMetadata().getAnnotations();
    if (theirs != null) {
      theirs.forEach((k, v) -> {
        if (!KEPT_ANNOTATIONS.contains(k)) {
          result.put(k, v);
        }
      });
    }
    return result;
  }

  /** kubectl's choice for "undo": the second-highest revision among the deployment's ReplicaSets. */
  private static ReplicaSet previous(DeploymentRef ref, List<ReplicaSet> owned) {
    ReplicaSet latest = null;
    ReplicaSet previous = null;
    long latestRevision = -1;
    long previousRevision = -1;
    for (ReplicaSet rs : owned) {
      OptionalLong n = ReplicaSetHistory.revision(rs);
      if (n.isEmpty()) {
        continue;
      }
      long v = n.getAsLong();
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    }
    if (previous == null) {
      throw new ResourceStateException(latest == null
          ? "no rollout history found: the deployment has no revision (no ReplicaSet it controls), so there is no"
              + " previous revision to roll back to"
          : "no previous revision to roll back to: the deployment's history has only revision " + latestRevision,
          ROLLBACK, ref.target(), null);
    }
    return previous;
  }

  private static ReplicaSet asked(List<ReplicaSet> owned, long toRevision) {
    for (ReplicaSet rs : owned) {
      OptionalLong n = ReplicaSetHistory.revision(rs);
      if (n.isPresent() && n.getAsLong() == toRevision) {
        return rs;
      }
    }
    String known = owned.stream().map(ReplicaSetHistory::revision).filter(OptionalLong::isPresent)
        .mapToLong(OptionalLong::getAsLong).sorted().mapToObj(Long::toString).collect(Collectors.joining(", "));
    throw ValidationException.of("toRevision", toRevision, known.isEmpty()
        ? "a revision in the deployment's history, which has none"
        : "a revision in the deployment's history: " + known);
  }

  private Deployment read(DeploymentRef ref) {
    return DeploymentContainers.read(client, ref);
  }

  /**
   * The one write of this package: one JSON patch of the deployment read before (given only a name, fabric8 would
   * read it again), made by the gate, so a dry run plans it and every attempt is audited.
   */
  private <R> ChangeResult<R> submitPatch(String operation, DeploymentRef ref, Deployment read,
      Map<String, Object> params, List<Map<String, Object>> patch, R answer) {
    return submitPatch(operation, ref, read, params, patch, answer, null);
  }

  /**
   * The patch, and when the API server refuses it as unprocessable (HTTP 422: a JSON patch {@code test} that no
   * longer holds), {@code moved} says, from the deployment read again, why the object changed under the patch —
   * a {@link ResourceStateException} naming it — or null when the refusal has another cause.
   */
  private <R> ChangeResult<R> submitPatch(String operation, DeploymentRef ref, Deployment read,
      Map<String, Object> params, List<Map<String, Object>> patch, R answer,
      @Nullable Function<Deployment, @Nullable String> moved) {
    String json = client.getKubernetesSerialization().asJson(patch);
    return ctx.gate().submit(Change.described(operation, ref.target(), params, () -> {
      try {
        client.apps().deployments().inNamespace(ref.namespace()).resource(read)
            .patch(PatchContext.of(PatchType.JSON), json);
      } catch (KubernetesClientException e) {
        OpsException mapped = KubernetesErrors.map(e, operation, ref.target());
        if (e.getCode() == 422 && moved != null) {
          Deployment now = KubernetesErrors.call(GET, ref.target(), () -> deployment(ref).get());
          String why = now == null ? "it was deleted meanwhile" : moved.apply(now);
          if (why != null) {
            throw new ResourceStateException("deployment " + ref + ": " + why + ".", operation, ref.target(), mapped);
          }
        }
        throw mapped;
      }
      return answer;
    }).build());
  }

  private RollableScalableResource<Deployment> deployment(DeploymentRef ref) {
    return client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name());
  }
}
