package dev.opskit.kubernetes.internal;

import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the writes to one container of a deployment share (set image, set resources): reading the deployment,
 * finding the container (containers first, then init containers, as kubectl does) and the JSON patch operations
 * on it. Reads only: each caller makes its own write, through the gate.
 */
public final class DeploymentContainers {
  /** The read of a deployment. */
  public static final String GET = "kubernetes:GetDeployment";

  private DeploymentContainers() {}

  /**
   * One container of a deployment and where it is.
   *
   * @param container the container as read
   * @param path its JSON pointer, such as {@code /spec/template/spec/containers/0}
   */
  public record At(Container container, String path) {}

  /**
   * Reads a deployment.
   *
   * @param client the client
   * @param ref the deployment
   * @return the deployment
   * @throws ResourceNotFoundException when there is none
   */
  public static Deployment read(KubernetesClient client, DeploymentRef ref) {
    Deployment d = KubernetesErrors.call(GET, ref.target(),
        () -> client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get());
    if (d == null) {
      throw new ResourceNotFoundException("deployment " + ref.name() + " not found in namespace " + ref.namespace()
          + ". Check the namespace, the name and the cluster.", GET, ref.target(), null);
    }
    return d;
  }

  /**
   * Finds a container of the deployment by name, among its containers, then its init containers.
   *
   * @param d the deployment
   * @param ref the deployment's reference, for the message
   * @param name the container name
   * @return the container and its path
   * @throws ValidationException naming the deployment's containers when it has none of that name
   */
  public static At find(Deployment d, DeploymentRef ref, String name) {
    PodSpec pod = podSpec(d);
    List<Container> containers = pod == null || pod.getContainers() == null ? List.of() : pod.getContainers();
    List<Container> inits = pod == null || pod.getInitContainers() == null ? List.of() : pod.getInitContainers();
    int index = indexOf(containers, name);
    if (index >= 0) {
      return new At(containers.get(index), "/spec/template/spec/containers/" + index);
    }
    index = indexOf(inits, name);
    if (index >= 0) {
      return new At(inits.get(index), "/spec/template/spec/initContainers/" + index);
    }
    Set<String> names = new LinkedHashSet<>();
    addNames(names, containers);
    addNames(names, inits);
    throw ValidationException.of("container", name, names.isEmpty()
        ? "a container of deployment " + ref + ", which has none"
        : "a container of deployment " + ref + ": " + String.join(", ", names));
  }

  /**
   * The name of the container at a path {@link #find} gave, in a deployment read again.
   *
   * @param d the deployment
   * @param path the container's path
   * @return its name, or null when there is no container there
   */
  public static @Nullable String nameAt(Deployment d, String path) {
    PodSpec pod = podSpec(d);
    if (pod == null) {
      return null;
    }
    List<Container> list = path.contains("/initContainers/") ? pod.getInitContainers() : pod.getContainers();
    int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    return list == null || index >= list.size() || list.get(index) == null ? null : list.get(index).getName();
  }

  /**
   * The pod spec of a deployment's template.
   *
   * @param d the deployment
   * @return the pod spec, or null when the deployment has none
   */
  public static @Nullable PodSpec podSpec(Deployment d) {
    return d.getSpec() == null || d.getSpec().getTemplate() == null ? null : d.getSpec().getTemplate().getSpec();
  }

  /**
   * One JSON patch operation.
   *
   * @param op the operation, such as {@code test} or {@code add}
   * @param path its JSON pointer
   * @param value its value
   * @return the operation, in the order JSON patch writes it
   */
  public static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", op);
    m.put("path", path);
    m.put("value", value);
    return m;
  }

  private static int indexOf(List<Container> containers, String name) {
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c != null && name.equals(c.getName())) {
        return i;
      }
    }
    return -1;
  }

  private static void addNames(Set<String> names, List<Container> containers) {
    for (Container c : containers) {
      if (c != null && c.getName() != null) {
        names.add(c.getName());
      }
    }
  }
}
