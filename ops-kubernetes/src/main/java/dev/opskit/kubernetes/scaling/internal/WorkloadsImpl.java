package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.DeploymentContainers;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import dev.opskit.kubernetes.scaling.ContainerResources;
import dev.opskit.kubernetes.scaling.ResourceQuantities;
import dev.opskit.kubernetes.scaling.ResourcesUpdate;
import dev.opskit.kubernetes.scaling.Workloads;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link Workloads} on fabric8: one JSON patch of one container's resources, through the gate. */
public final class WorkloadsImpl implements Workloads {
  static final String SET_RESOURCES = "kubernetes:SetResources";
  private static final Set<String> MANAGED = Set.of(ResourceQuantities.CPU, ResourceQuantities.MEMORY,
      ResourceQuantities.EPHEMERAL_STORAGE);
  private static final String DEPLOYMENT_ALLOWED =
      "a deployment, such as DeploymentRef.parse(\"production/api-deployment\")";

  private final OpsContext ctx;
  private final KubernetesClient client;

  /**
   * Workloads through a context's gate on a client.
   *
   * @param ctx the context
   * @param client the client
   */
  public WorkloadsImpl(OpsContext ctx, KubernetesClient client) {
    this.ctx = ctx;
    this.client = client;
  }

  @Override
  public ChangeResult<ResourcesUpdate> setResources(DeploymentRef ref, String container,
      ContainerResources resources) {
    Checks.present("deployment", ref, DEPLOYMENT_ALLOWED);
    KubernetesNames.label("container", container);
    Checks.present("resources", resources, "the container's resources, such as ContainerResources.guide()");
    Deployment d = read(ref);
    DeploymentContainers.At at = DeploymentContainers.find(d, ref, container);
    Container found = at.container();
    String path = at.path();
    ContainerResources previous = resourcesOf(found);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("namespace", ref.namespace());
    params.put("deployment", ref.name());
    params.put("container", container);
    params.put("requests", resources.requests().asMap());
    params.put("limits", resources.limits().asMap());
    params.put("previousRequests", previous.requests().asMap());
    params.put("previousLimits", previous.limits().asMap());
    if (previous.requests().sameAs(resources.requests()) && previous.limits().sameAs(resources.limits())) {
      return new ChangeResult.Applied<>(new ResourcesUpdate(ref, container, previous, resources, false), null, false,
          new PlannedCall(SET_RESOURCES, ref.target(), params),
          "nothing changed: container " + container + " already has these requests and limits");
    }
    Map<String, Object> value = new LinkedHashMap<>();
    ResourceRequirements live = found.getResources();
    value.put("requests", merged(live == null ? null : live.getRequests(), resources.requests()));
    value.put("limits", merged(live == null ? null : live.getLimits(), resources.limits()));
    // The test makes the patch fail (HTTP 422) rather than change another container if the list was reordered.
    List<Map<String, Object>> patch = List.of(DeploymentContainers.op("test", path + "/name", container),
        DeploymentContainers.op("add", path + "/resources", value));
    String json = client.getKubernetesSerialization().asJson(patch);
    ResourcesUpdate answer = new ResourcesUpdate(ref, container, previous, resources, true);
    return ctx.gate().submit(Change.described(SET_RESOURCES, ref.target(), params, () -> {
      KubernetesErrors.call(SET_RESOURCES, ref.target(), () -> client.apps().deployments()
          .inNamespace(ref.namespace()).resource(d).patch(PatchContext.of(PatchType.JSON), json));
      return answer;
    }).build());
  }

  @Override
  public Map<String, ContainerResources> resources(DeploymentRef ref) {
    Checks.present("deployment", ref, DEPLOYMENT_ALLOWED);
    Deployment d = read(ref);
    PodSpec pod = DeploymentContainers.podSpec(d);
    Map<String, ContainerResources> result = new LinkedHashMap<>();
    if (pod != null) {
      if (pod.getContainers() != null) {
        pod.getContainers().forEach(c -> result.put(c.getName(), resourcesOf(c)));
      }
      if (pod.getInitContainers() != null) {
        pod.getInitContainers().forEach(c -> result.put(c.getName(), resourcesOf(c)));
      }
    }
    return result;
  }

  /** The cpu, memory and ephemeral-storage of a live container; other resources are not this value's. */
  static ContainerResources resourcesOf(Container c) {
    ResourceRequirements r = c.getResources();
    return r == null ? new ContainerResources(ResourceQuantities.NONE, ResourceQuantities.NONE)
        : new ContainerResources(quantities(r.getRequests()), quantities(r.getLimits()));
  }

  private static ResourceQuantities quantities(@Nullable Map<String, Quantity> m) {
    if (m == null) {
      return ResourceQuantities.NONE;
    }
    return new ResourceQuantities(text(m.get(ResourceQuantities.CPU)), text(m.get(ResourceQuantities.MEMORY)),
        text(m.get(ResourceQuantities.EPHEMERAL_STORAGE)));
  }

  private static @Nullable String text(@Nullable Quantity q) {
    return q == null ? null : q.toString();
  }

  /** The live amounts of other resources, then exactly the wanted cpu, memory and ephemeral-storage. */
  private static Map<String, String> merged(@Nullable Map<String, Quantity> live, ResourceQuantities wanted) {
    Map<String, String> m = new LinkedHashMap<>();
    if (live != null) {
      live.forEach((k, v) -> {
        if (!MANAGED.contains(k)) {
          m.put(k, v.toString());
        }
      });
    }
    m.putAll(wanted.asMap());
    return m;
  }

  private Deployment read(DeploymentRef ref) {
    return DeploymentContainers.read(client, ref);
  }
}
