package dev.opskit.kubernetes.health.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.health.ClusterEvent;
import dev.opskit.kubernetes.health.ClusterHealth;
import dev.opskit.kubernetes.health.EventQuery;
import dev.opskit.kubernetes.health.EventType;
import dev.opskit.kubernetes.health.HealthReport;
import dev.opskit.kubernetes.health.NodeCondition;
import dev.opskit.kubernetes.health.NodeStatus;
import dev.opskit.kubernetes.health.NodeUsage;
import dev.opskit.kubernetes.health.PodQuery;
import dev.opskit.kubernetes.health.PodStatus;
import dev.opskit.kubernetes.health.PodUsage;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSeries;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** {@link ClusterHealth} over fabric8: list API pages through {@link Pages}, failures through {@link KubernetesErrors}. */
public final class ClusterHealthImpl implements ClusterHealth {
  static final String LIST_NODES = "kubernetes:ListNodes";
  static final String LIST_PODS = "kubernetes:ListPods";
  static final String LIST_EVENTS = "kubernetes:ListEvents";
  static final String TOP_NODES = "kubernetes:TopNodes";
  static final String TOP_PODS = "kubernetes:TopPods";
  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final String ALL = "all namespaces";
  /** What a 404 and a 503 of the metrics API (metrics.k8s.io) mean; the mapping is still the module's one. */
  private static final Map<Integer, String> METRICS_SERVER = Map.of(
      404, "the metrics API (metrics.k8s.io/v1beta1) is not served (HTTP 404): metrics-server is not installed in"
          + " this cluster. Install it (the EKS add-on metrics-server, or kubectl apply -f"
          + " https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml) and retry.",
      503, "the metrics API (metrics.k8s.io/v1beta1) is registered but not answering (HTTP 503): metrics-server is"
          + " installed but not available. Check its pod in kube-system (kubectl -n kube-system get pods -l"
          + " k8s-app=metrics-server) and retry.");

  private final OpsContext ctx;
  private final KubernetesClient client;

  private ClusterHealthImpl(OpsContext ctx, KubernetesClient client) {
    this.ctx = ctx;
    this.client = client;
  }

  /**
   * The reads of a client.
   *
   * @param ctx the context
   * @param client the client
   * @return the reads
   */
  public static ClusterHealth of(OpsContext ctx, KubernetesClient client) {
    return new ClusterHealthImpl(Checks.present("ctx", ctx, "a context"), Checks.present("client", client, "a client"));
  }

  @Override
  public List<NodeStatus> nodes() {
    Instant now = ctx.clock().instant();
    return paged(LIST_NODES, null, new ListOptions(), PodQuery.DEFAULT_PAGE_SIZE,
        options -> client.nodes().list(options)).map(n -> node(n, now)).toList();
  }

  @Override
  public Stream<PodStatus> pods(PodQuery query) {
    Checks.present("query", query, "a pod query");
    Instant now = ctx.clock().instant();
    String namespace = query.namespace();
    String target = target(namespace);
    ListOptions base = new ListOptionsBuilder().withLabelSelector(query.labelSelector()).build();
    Function<ListOptions, KubernetesResourceList<io.fabric8.kubernetes.api.model.Pod>> list = namespace == null
        ? options -> client.pods().inAnyNamespace().list(options)
        : options -> client.pods().inNamespace(namespace).list(options);
    return paged(LIST_PODS, target, base, query.pageSize(), list)
        .map(p -> PodStatuses.of(p, now, LIST_PODS, target));
  }

  @Override
  public List<PodStatus> unhealthyPods() {
    try (Stream<PodStatus> pods = pods(PodQuery.allNamespaces())) {
      return pods.filter(p -> !p.healthy()).toList();
    }
  }

  @Override
  public List<ClusterEvent> events(EventQuery query) {
    Checks.present("query", query, "an event query");
    String namespace = query.namespace();
    String target = target(namespace);
    ListOptions base = new ListOptionsBuilder().withFieldSelector(query.onlyWarnings() ? "type=Warning" : null).build();
    Function<ListOptions, KubernetesResourceList<Event>> list = namespace == null
        ? options -> client.v1().events().inAnyNamespace().list(options)
        : options -> client.v1().events().inNamespace(namespace).list(options);
    List<ClusterEvent> events = new ArrayList<>(paged(LIST_EVENTS, target, base, query.pageSize(), list)
        .map(e -> event(e, target))
        .filter(e -> !query.onlyWarnings() || e.type() == EventType.WARNING)
        .toList());
    // A stable sort: events created at the same instant keep the API server's order.
    events.sort(Comparator.comparing(ClusterEvent::created, Comparator.nullsFirst(Comparator.naturalOrder())));
    return List.copyOf(events);
  }

  @Override
  public List<NodeUsage> topNodes() {
    List<NodeMetrics> metrics = readMetrics(TOP_NODES, null, () -> client.top().nodes().metrics()).getItems();
    Map<String, NodeStatus> nodes = new HashMap<>();
    for (NodeStatus node : nodes()) {
      nodes.put(node.name(), node);
    }
    List<NodeUsage> usage = new ArrayList<>();
    for (NodeMetrics m : metrics == null ? List.<NodeMetrics>of() : metrics) {
      String name = name(m.getMetadata());
      long cpu = Quantities.millicores(m.getUsage(), TOP_NODES, name);
      long memory = Quantities.bytes(m.getUsage(), TOP_NODES, name);
      NodeStatus node = nodes.get(name);
      usage.add(new NodeUsage(name, cpu, memory,
          node == null ? null : percent(cpu, node.allocatableCpuMillis()),
          node == null ? null : percent(memory, node.allocatableMemoryBytes())));
    }
    return List.copyOf(usage);
  }

  @Override
  public List<PodUsage> topPods() {
    return top(null);
  }

  @Override
  public List<PodUsage> topPods(String namespace) {
    return top(KubernetesNames.label("namespace", namespace));
  }

  private List<PodUsage> top(@Nullable String namespace) {
    String target = target(namespace);
    // A null namespace is every namespace: /apis/metrics.k8s.io/v1beta1/pods.
    List<PodMetrics> metrics = readMetrics(TOP_PODS, target,
        () -> client.top().pods().inNamespace(namespace).metrics()).getItems();
    List<PodUsage> usage = new ArrayList<>();
    for (PodMetrics m : metrics == null ? List.<PodMetrics>of() : metrics) {
      ObjectMeta meta = m.getMetadata() == null ? new ObjectMeta() : m.getMetadata();
      String pod = meta.getNamespace() + "/" + meta.getName();
      long cpu = 0;
      long memory = 0;
      for (ContainerMetrics container : m.getContainers() == null ? List.<ContainerMetrics>of() : m.getContainers()) {
        cpu = Math.addExact(cpu, Quantities.millicores(container.getUsage(), TOP_PODS, pod));
        memory = Math.addExact(memory, Quantities.bytes(container.getUsage(), TOP_PODS, pod));
      }
      usage.add(new PodUsage(meta.getNamespace() == null ? "" : meta.getNamespace(), name(meta), cpu, memory));
    }
    return List.copyOf(usage);
  }

  @Override
  public HealthReport report() {
    Instant now = ctx.clock().instant();
    List<NodeStatus> nodes = nodes();
    List<PodStatus> pods = unhealthyPods();
    Instant since = now.minus(RECENT);
    List<ClusterEvent> warnings = events(EventQuery.allNamespaces().warningsOnly()).stream()
        .filter(e -> e.seen() != null && !e.seen().isBefore(since))
        .toList();
    int ready = (int) nodes.stream().filter(NodeStatus::ready).count();
    return new HealthReport(now, ready, nodes.size(), nodes.stream().filter(n -> !n.healthy()).toList(), pods, warnings);
  }

  /** Every item of a list API, page by page ({@code limit}, {@code continue}), lazily. */
  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> Stream<T> paged(String operation, @Nullable String target, ListOptions base, int pageSize,
      Function<ListOptions, ? extends KubernetesResourceList<T>> list) {
    return Pages.stream(operation, token -> {
      ListOptions options = new ListOptionsBuilder(base).withLimit((long) pageSize).withContinue(token).build();
      KubernetesResourceList<T> page = KubernetesErrors.call(operation, target, () -> list.apply(options));
      List<T> items = page.getItems() == null ? List.of() : page.getItems();
      return Page.of(items, page.getMetadata() == null ? null : page.getMetadata().getContinue());
    });
  }

  private NodeStatus node(Node node, Instant now) {
    ObjectMeta meta = node.getMetadata() == null ? new ObjectMeta() : node.getMetadata();
    String name = name(meta);
    io.fabric8.kubernetes.api.model.NodeStatus status =
        node.getStatus() == null ? new io.fabric8.kubernetes.api.model.NodeStatus() : node.getStatus();
    boolean ready = false;
    boolean hasReady = false;
    List<NodeCondition> problems = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.NodeCondition c
        : status.getConditions() == null ? List.<io.fabric8.kubernetes.api.model.NodeCondition>of() : status.getConditions()) {
      if (c.getType() == null) {
        continue;
      }
      String state = c.getStatus() == null ? "Unknown" : c.getStatus();
      boolean isReady = "Ready".equals(c.getType());
      hasReady |= isReady;
      ready |= isReady && "True".equals(state);
      if (isReady ? !"True".equals(state) : "True".equals(state)) {
        problems.add(new NodeCondition(c.getType(), state, c.getReason(), c.getMessage(),
            Quantities.time(c.getLastTransitionTime(), "lastTransitionTime", LIST_NODES, name)));
      }
    }
    if (!hasReady) {
      problems.add(new NodeCondition("Ready", "Unknown", null, "the node reports no Ready condition", null));
    }
    TreeSet<String> roles = new TreeSet<>();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    labels.forEach((key, value) -> {
      if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
        roles.add(key.substring(ROLE_PREFIX.length()));
      } else if ("kubernetes.io/role".equals(key) && value != null && !value.isEmpty()) {
        roles.add(value);
      }
    });
    NodeSpec spec = node.getSpec();
    NodeSystemInfo info = status.getNodeInfo();
    Instant created = Quantities.time(meta.getCreationTimestamp(), "creationTimestamp", LIST_NODES, name);
    return new NodeStatus(name, ready, problems, spec != null && Boolean.TRUE.equals(spec.getUnschedulable()),
        info == null ? null : info.getKubeletVersion(), List.copyOf(roles),
        Quantities.millicores(status.getAllocatable(), LIST_NODES, name),
        Quantities.bytes(status.getAllocatable(), LIST_NODES, name),
        Ages.since(created, now));
  }

  private static ClusterEvent event(Event e, @Nullable String target) {
    ObjectMeta meta = e.getMetadata() == null ? new ObjectMeta() : e.getMetadata();
    ObjectReference object = e.getInvolvedObject() == null ? new ObjectReference() : e.getInvolvedObject();
    EventSeries series = e.getSeries();
    Instant eventTime = e.getEventTime() == null ? null
        : Quantities.time(e.getEventTime().getTime(), "eventTime", LIST_EVENTS, target);
    Instant first = Quantities.time(e.getFirstTimestamp(), "firstTimestamp", LIST_EVENTS, target);
    Instant last = Quantities.time(e.getLastTimestamp(), "lastTimestamp", LIST_EVENTS, target);
    Instant observed = series == null || series.getLastObservedTime() == null ? null
        : Quantities.time(series.getLastObservedTime().getTime(), "series.lastObservedTime", LIST_EVENTS, target);
    Integer count = series != null && series.getCount() != null ? series.getCount() : e.getCount();
    return new ClusterEvent(meta.getNamespace(), EventType.of(e.getType()), e.getReason(),
        object.getKind() == null ? "" : object.getKind(), object.getName() == null ? "" : object.getName(),
        e.getMessage(), count == null ? 1 : count,
        first != null ? first : eventTime,
        observed != null ? observed : last != null ? last : eventTime,
        Quantities.time(meta.getCreationTimestamp(), "creationTimestamp", LIST_EVENTS, target));
  }

  private static @Nullable Integer percent(long used, long allocatable) {
    if (allocatable <= 0) {
      return null;
    }
    // kubectl: int64(float64(usage) / float64(allocatable) * 100), truncated.
    return (int) ((double) used / (double) allocatable * 100);
  }

  private static String name(@Nullable ObjectMeta meta) {
    return meta == null || meta.getName() == null ? "" : meta.getName();
  }

  private static String target(@Nullable String namespace) {
    return namespace == null ? ALL : "namespace/" + namespace;
  }

  /** A read of the metrics API: its 404 says metrics-server is not installed, its 503 that it is not available. */
  private static <T> T readMetrics(String operation, @Nullable String target, Supplier<T> call) {
    return KubernetesErrors.call(operation, target, Redaction.none(), METRICS_SERVER, call);
  }
}
