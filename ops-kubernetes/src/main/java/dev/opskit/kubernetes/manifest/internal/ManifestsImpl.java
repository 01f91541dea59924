package dev.opskit.kubernetes.manifest.internal;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.Poller;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.manifest.Manifest;
import dev.opskit.kubernetes.manifest.ManifestSet;
import dev.opskit.kubernetes.manifest.Manifests;
import dev.opskit.kubernetes.manifest.RecoveryCheck;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link Manifests} on fabric8. */
public final class ManifestsImpl implements Manifests {
  static final String APPLY = "kubernetes:Apply";
  static final String GET = "kubernetes:Get";
  static final String LIST = "kubernetes:List";
  static final String WAIT = "kubernetes:wait-pods-ready";
  static final String FIELD_MANAGER = "opskit";
  private static final long PAGE = 500;
  private static final Duration FIRST_INTERVAL = Duration.ofSeconds(2);
  private static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
  private static final String REDACTED = "(redacted)";
  /** Helm's install order (pkg/release/util/kind_sorter.go); kinds not in it come last, in read order. */
  private static final List<String> ORDER = List.of("PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota",
      "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
      "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition",
      "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList",
      "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet",
      "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
      "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
  /** Cluster-scoped kinds fabric8 may not know (it knows its own models' scope). */
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
      "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass", "PriorityClass",
      "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "RuntimeClass");
  private static final Map<String, Class<? extends HasMetadata>> BACKUP_TYPES = Map.of(
      "Deployment", Deployment.class, "StatefulSet", StatefulSet.class, "DaemonSet", DaemonSet.class,
      "Service", Service.class, "ConfigMap", ConfigMap.class, "Ingress", Ingress.class,
      "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "Secret", Secret.class);

  private final OpsContext ctx;
  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final ManifestReader reader;

  /**
   * Manifests through a context's gate on a client.
   *
   * @param ctx the context
   * @param client the client
   */
  public ManifestsImpl(OpsContext ctx, KubernetesClient client) {
    this.ctx = ctx;
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
    this.reader = new ManifestReader(serialization);
  }

  @Override
  public ManifestSet read(Path directory) {
    Checks.present("directory", directory, "a directory of manifest files");
    if (!Files.isDirectory(directory)) {
      throw ValidationException.of("directory", directory, "an existing directory of manifest files");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(directory)) {
      files = s.filter(Files::isRegularFile).filter(ManifestsImpl::isManifestFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw ValidationException.of("directory", directory, "a readable directory (" + e.getMessage() + ")");
    }
    List<Manifest> all = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw ValidationException.of("manifest", file.getFileName(), "a readable UTF-8 file (" + e + ")");
      }
      all.addAll(reader.parse(file.getFileName().toString(), text));
    }
    return new ManifestSet(all);
  }

  private static boolean isManifestFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  @Override
  public ManifestSet parse(String yaml) {
    Checks.present("yaml", yaml, "YAML or JSON manifest text");
    return new ManifestSet(reader.parse("text", yaml));
  }

  @Override
  public Plan plan(ManifestSet manifests, @Nullable String namespace) {
    Checks.present("manifests", manifests, "a ManifestSet from read, parse or backup");
    if (namespace != null) {
      KubernetesNames.label("namespace", namespace);
    }
    List<ResourceChange> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Manifest m : ordered(manifests.manifests())) {
      Class<? extends KubernetesResource> type = type(m);
      boolean namespaced = namespaced(m, type);
      String ns = null;
      if (namespaced) {
        if (m.namespace() != null && namespace != null && !m.namespace().equals(namespace)) {
          throw ValidationException.of("namespace", m.namespace(), "the namespace given, " + namespace + ": "
              + m.source() + " names another (kubectl apply -n refuses it too)");
        }
        ns = m.namespace() != null ? m.namespace() : namespace != null ? namespace : "default";
        KubernetesNames.label("namespace", ns);
      }
      Map<String, Object> desired = ServerFields.clean(m.content());
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) Objects.requireNonNull(desired.get("metadata"));
      if (ns == null) {
        meta.remove("namespace");
      } else {
        meta.put("namespace", ns);
      }
      String target = (ns == null ? "" : ns + "/") + m.kind().toLowerCase(Locale.ROOT) + "/" + m.name();
      String resource = (ns == null ? "" : ns + "/") + m.name();
      if (!seen.add(m.apiVersion() + " " + target)) {
        throw ValidationException.of("manifest", m.source(), "one object per kind, namespace and name: " + m.id()
            + " is defined twice");
      }
      HasMetadata object = (HasMetadata) serialization.convertValue(desired, type);
      HasMetadata live = KubernetesErrors.call(GET, target, () -> client.resource(object).get());
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("apiVersion", m.apiVersion());
      params.put("kind", m.kind());
      if (ns != null) {
        params.put("namespace", ns);
      }
      params.put("name", m.name());
      params.put("fieldManager", FIELD_MANAGER);
      params.put("force", false);
      params.put("source", m.source());
      if (live == null) {
        changes.add(ResourceChange.create(m.kind(), resource, List.of(change(target, params, object))));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> current = ServerFields.clean(serialization.convertValue(live, Map.class));
      List<FieldDiff> diffs = new ArrayList<>();
      diff("", desired, current, diffs, "Secret".equals(m.kind()));
      changes.add(diffs.isEmpty() ? ResourceChange.unchanged(m.kind(), resource)
          : ResourceChange.update(m.kind(), resource, diffs, List.of(change(target, params, object))));
    }
    return Plan.of("manifests" + (namespace == null ? "" : " in namespace " + namespace), changes);
  }

  /**
   * The one write of this package: one server-side apply of one object, made by the gate, so a dry run plans it
   * and every attempt is audited. The parameters name the object, never its content.
   */
  private Change<HasMetadata> change(String target, Map<String, Object> params, HasMetadata object) {
    return Change.described(APPLY, target, params, () -> KubernetesErrors.call(APPLY, target,
        () -> client.resource(object).fieldManager(FIELD_MANAGER).serverSideApply())).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    Checks.present("plan", plan, "a plan from Manifests.plan");
    return ctx.gate().apply(plan);
  }

  @Override
  public ManifestSet backup(String namespace, Set<String> kinds) {
    KubernetesNames.label("namespace", namespace);
    Checks.present("kinds", kinds, "a set of kinds from " + new TreeSet<>(BACKUP_KINDS));
    if (kinds.isEmpty()) {
      throw ValidationException.of("kinds", "[]", "at least one kind from " + new TreeSet<>(BACKUP_KINDS));
    }
    for (String kind : kinds) {
      if (kind == null || !BACKUP_TYPES.containsKey(kind)) {
        throw ValidationException.of("kinds", kind, "a kind from " + new TreeSet<>(BACKUP_KINDS));
      }
    }
    List<String> sorted = kinds.stream().sorted(Comparator.comparingInt(ManifestsImpl::rank)).toList();
    List<Manifest> result = new ArrayList<>();
    for (String kind : sorted) {
      List<? extends HasMetadata> items = listAll(Objects.requireNonNull(BACKUP_TYPES.get(kind)), namespace);
      items.stream()
          .filter(o -> !controlled(o))
          .filter(o -> !("ConfigMap".equals(kind) && "kube-root-ca.crt".equals(o.getMetadata().getName())))
          .sorted(Comparator.comparing(o -> o.getMetadata().getName()))
          .forEach(o -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> content = ServerFields.clean(serialization.convertValue(o, Map.class));
            result.add(new Manifest("backup of namespace " + namespace, o.getApiVersion(), o.getKind(),
                namespace, o.getMetadata().getName(), content));
          });
    }
    return new ManifestSet(result);
  }

  private static boolean controlled(HasMetadata o) {
    List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()));
  }

  @Override
  public void write(ManifestSet manifests, Path directory, boolean overwrite) {
    Checks.present("manifests", manifests, "a ManifestSet");
    Checks.present("directory", directory, "a directory to write the manifests to");
    Map<String, Manifest> files = new LinkedHashMap<>();
    for (Manifest m : manifests.manifests()) {
      Manifest other = files.put(m.fileName(), m);
      if (other != null) {
        throw ValidationException.of("manifests", m.id(), "objects of distinct file names: " + other.id()
            + " is also written to " + m.fileName());
      }
    }
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw ValidationException.of("directory", directory, "a directory (this is a file)");
      }
      Files.createDirectories(directory);
      if (!overwrite) {
        try (Stream<Path> s = Files.list(directory)) {
          if (s.findAny().isPresent()) {
            throw ValidationException.of("directory", directory,
                "an empty or new directory (this one has files; pass overwrite=true to write into it)");
          }
        }
      }
      for (Map.Entry<String, Manifest> e : files.entrySet()) {
        Files.writeString(directory.resolve(e.getKey()), serialization.asYaml(e.getValue().content()),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw ValidationException.of("directory", directory, "a writable directory (" + e + ")");
    }
  }

  @Override
  public RecoveryCheck verify(String namespace, Duration timeout) {
    KubernetesNames.label("namespace", namespace);
    Checks.duration("timeout", timeout, Duration.ofNanos(1), Poller.MAX_DURATION,
        "a positive duration of at most " + Poller.MAX_DURATION.toDays() + " days");
    AtomicReference<List<RecoveryCheck.PodReadiness>> notReady = new AtomicReference<>(List.of());
    WaitOutcome<List<RecoveryCheck.PodReadiness>> outcome = ctx.poller(WAIT, namespace)
        .timeout(timeout).interval(FIRST_INTERVAL).maxInterval(MAX_INTERVAL)
        .await(() -> {
          List<RecoveryCheck.PodReadiness> pods = listAll(Pod.class, namespace).stream()
              .map(ManifestsImpl::readiness).sorted(Comparator.comparing(RecoveryCheck.PodReadiness::name)).toList();
          List<RecoveryCheck.PodReadiness> waiting = pods.stream().filter(p -> !p.ready()).toList();
          notReady.set(waiting);
          String status = (pods.size() - waiting.size()) + " of " + pods.size() + " pods ready";
          return waiting.isEmpty() ? PollResult.done(pods, status) : PollResult.pending(status);
        });
    if (outcome instanceof WaitOutcome.TimedOut<List<RecoveryCheck.PodReadiness>> timedOut) {
      throw new OperationTimeoutException("pods of namespace " + namespace + " not ready after " + timeout + " ("
          + timedOut.lastStatus() + "): " + Objects.requireNonNull(notReady.get()).stream().map(p -> p.name() + " (" + p.phase() + ")")
          .toList() + ". Check them with kubectl describe pod and their events.", WAIT, namespace, null);
    }
    List<RecoveryCheck.PodReadiness> pods = outcome.orElseThrow();
    Set<String> withEndpoints = new HashSet<>();
    for (EndpointSlice slice : listAll(EndpointSlice.class, namespace)) {
      Map<String, String> labels = slice.getMetadata().getLabels();
      String service = labels == null ? null : labels.get("kubernetes.io/service-name");
      if (service != null && slice.getEndpoints() != null && slice.getEndpoints().stream().anyMatch(ManifestsImpl::ready)) {
        withEndpoints.add(service);
      }
    }
    List<RecoveryCheck.ServiceCheck> services = listAll(Service.class, namespace).stream()
        .map(s -> service(s, withEndpoints.contains(s.getMetadata().getName())))
        .sorted(Comparator.comparing(RecoveryCheck.ServiceCheck::name)).toList();
    return new RecoveryCheck(namespace, pods, services);
  }

  private static boolean ready(Endpoint e) {
    boolean hasAddress = e.getAddresses() != null && !e.getAddresses().isEmpty();
    // EndpointConditions: a nil ready is to be read as ready.
    return hasAddress && (e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady()));
  }

  private static RecoveryCheck.ServiceCheck service(Service s, boolean ready) {
    var spec = s.getSpec();
    List<String> ports = new ArrayList<>();
    if (spec != null && spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        ports.add(p.getPort() + (p.getNodePort() == null ? "" : ":" + p.getNodePort()) + "/"
            + (p.getProtocol() == null ? "TCP" : p.getProtocol()));
      }
    }
    String type = spec == null || spec.getType() == null ? "ClusterIP" : spec.getType();
    return new RecoveryCheck.ServiceCheck(s.getMetadata().getName(), type,
        spec == null ? null : spec.getClusterIP(), ports, ready);
  }

  private static RecoveryCheck.PodReadiness readiness(Pod p) {
    String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown" : p.getStatus().getPhase();
    boolean readyCondition = p.getStatus() != null && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream().filter(Objects::nonNull)
        .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    boolean ready = "Succeeded".equals(phase) || ("Running".equals(phase) && readyCondition);
    String shown = "Running".equals(phase) && !readyCondition ? "Running, not ready" : phase;
    return new RecoveryCheck.PodReadiness(p.getMetadata().getName(), shown, ready);
  }

  /** Every item of a namespaced list, page by page. */
  private <T extends HasMetadata> List<T> listAll(Class<T> type, String namespace) {
    String target = namespace + "/" + type.getSimpleName().toLowerCase(Locale.ROOT) + "s";
    List<T> all = new ArrayList<>();
    String next = null;
    do {
      ListOptions options = new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build();
      KubernetesResourceList<T> page = KubernetesErrors.call(LIST, target,
          () -> client.resources(type).inNamespace(namespace).list(options));
      if (page.getItems() != null) {
        page.getItems().stream().filter(Objects::nonNull).forEach(all::add);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
      next = next == null || next.isEmpty() ? null : next;
    } while (next != null);
    return all;
  }

  private Class<? extends KubernetesResource> type(Manifest m) {
    Class<? extends KubernetesResource> type = serialization.getRegisteredKubernetesResource(m.apiVersion(), m.kind());
    return type == null ? GenericKubernetesResource.class : type;
  }

  private static boolean namespaced(Manifest m, Class<? extends KubernetesResource> type) {
    if (CLUSTER_SCOPED.contains(m.kind())) {
      return false;
    }
    return type == GenericKubernetesResource.class || Namespaced.class.isAssignableFrom(type);
  }

  private static List<Manifest> ordered(List<Manifest> manifests) {
    return manifests.stream().sorted(Comparator.comparingInt((Manifest m) -> rank(m.kind()))).toList();
  }

  private static int rank(String kind) {
    int i = ORDER.indexOf(kind);
    return i < 0 ? ORDER.size() : i;
  }

  /** The fields of {@code desired} whose live value differs; fields the manifest does not set are not compared. */
  private void diff(String path, @Nullable Object desired, @Nullable Object live, List<FieldDiff> out,
      boolean secret) {
    if (desired instanceof Map<?, ?> d && (live == null || live instanceof Map<?, ?>)) {
      Map<?, ?> l = live == null ? Map.of() : (Map<?, ?>) live;
      d.forEach((k, v) -> diff(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, l.get(k), out, secret));
      return;
    }
    if (desired instanceof List<?> d && live instanceof List<?> l && d.size() == l.size()) {
      for (int i = 0; i < d.size(); i++) {
        diff(path + "[" + i + "]", d.get(i), l.get(i), out, secret);
      }
      return;
    }
    if (desired == null || same(desired, live)) {
      return;
    }
    boolean hidden = secret && (path.startsWith("data.") || path.startsWith("stringData.")
        || "data".equals(path) || "stringData".equals(path));
    out.add(new FieldDiff(path, live == null ? null : hidden ? REDACTED : shown(live),
        hidden ? REDACTED : shown(desired)));
  }

  private static boolean same(Object desired, @Nullable Object live) {
    if (live == null) {
      return false;
    }
    if (desired instanceof Map<?, ?> || desired instanceof List<?> || live instanceof Map<?, ?>
        || live instanceof List<?>) {
      return desired.equals(live);
    }
    return String.valueOf(desired).equals(String.valueOf(live));
  }

  private String shown(Object value) {
    return value instanceof Map<?, ?> || value instanceof List<?> ? serialization.asJson(value) : String.valueOf(value);
  }
}
