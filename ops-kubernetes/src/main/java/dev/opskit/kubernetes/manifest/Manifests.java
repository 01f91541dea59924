package dev.opskit.kubernetes.manifest;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.manifest.internal.ManifestsImpl;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The guide's "EKS Application Recovery", and the backup its manifests come from:
 *
 * <pre>{@code
 * kubectl apply -f backup/manifests/
 * kubectl get pods -n production
 * kubectl get svc -n production
 * }</pre>
 *
 * <pre>{@code
 * Manifests manifests = Manifests.using(ctx, client);
 * manifests.write(manifests.backup("production", Manifests.DEFAULT_KINDS), Path.of("backup/manifests"));
 * // ... on the new cluster:
 * Plan plan = manifests.plan(manifests.read(Path.of("backup/manifests")), "production");
 * System.out.println(plan.render());
 * manifests.apply(plan);
 * RecoveryCheck check = manifests.verify("production", Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Writes go through the context's gate, one change {@code kubernetes:Apply} on {@code namespace/kind/name} per
 * object: a dry-run context plans them ({@link dev.opskit.core.change.ChangeResult.Planned}) and writes nothing.
 * Each is a server-side apply with field manager {@code opskit}, conflicts not forced: the declarative
 * {@code kubectl apply --server-side}. That was chosen over kubectl's client-side three-way merge because the API
 * server merges by each field's own merge rules (containers by name, ports by port...), records who owns each field
 * instead of a {@code last-applied-configuration} annotation, and refuses (HTTP 409, a
 * {@link dev.opskit.core.ResourceStateException}) to take over a field another manager set, where client-side apply
 * would silently overwrite it. Objects are applied in Helm's install order: Namespaces, then policies and quotas,
 * ServiceAccounts, Secrets, ConfigMaps, storage, RBAC, then Services, then workloads, then Ingresses; other kinds
 * last. Failures of the Kubernetes API are mapped as in every package of the module (404
 * {@link dev.opskit.core.ResourceNotFoundException}, 409 {@link dev.opskit.core.ResourceStateException}, 401/403
 * {@link dev.opskit.core.AccessDeniedException}, 429 {@link dev.opskit.core.ThrottledException}, others
 * {@link dev.opskit.core.ServiceException}); a failure during {@link #apply} is a
 * {@link dev.opskit.core.change.PartialApplyException} saying what was applied.
 */
public interface Manifests {

  /**
   * The kinds {@link #backup} exports by default: Deployment, StatefulSet, DaemonSet, Service, ConfigMap, Ingress,
   * HorizontalPodAutoscaler. Secrets only when asked ({@code "Secret"}).
   */
  Set<String> DEFAULT_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Service", "ConfigMap", "Ingress",
      "HorizontalPodAutoscaler");

  /** Every kind {@link #backup} can export: the default ones and {@code Secret}. */
  Set<String> BACKUP_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Service", "ConfigMap", "Ingress",
      "HorizontalPodAutoscaler", "Secret");

  /**
   * Manifests on a cluster.
   *
   * @param ctx the context: gate, clock, sleeper, progress listener
   * @param client the cluster's client (fabric8); not closed by this object
   * @return the manifests
   * @throws dev.opskit.core.ValidationException when either is null
   */
  static Manifests using(OpsContext ctx, KubernetesClient client) {
    return new ManifestsImpl(Checks.present("ctx", ctx, "an OpsContext"),
        Checks.present("client", client, "a KubernetesClient"));
  }

  /**
   * The manifest files of a directory, as {@code kubectl apply -f DIR} reads them: the files whose names end in
   * {@code .yaml}, {@code .yml} or {@code .json} (not the subdirectories), sorted by name; each may hold several
   * documents separated by {@code ---} lines; a {@code kind: List} stands for its items. Empty documents are
   * skipped.
   *
   * @param directory the directory
   * @return the objects, in file and document order
   * @throws dev.opskit.core.ValidationException when the directory does not exist or cannot be read, or when a
   *     document is not valid YAML or JSON or lacks {@code apiVersion}, {@code kind} or {@code metadata.name} (the
   *     message names the file and the document's number, from 1)
   */
  ManifestSet read(Path directory);

  /**
   * The objects of one YAML or JSON text, as {@link #read} reads a file (the source is called {@code text}).
   *
   * @param yaml the text
   * @return the objects
   * @throws dev.opskit.core.ValidationException as {@link #read}
   */
  ManifestSet parse(String yaml);

  /**
   * What applying the objects would do, object by object, in apply order: create (not live), update (with a
   * {@link dev.opskit.core.change.FieldDiff} for each field of the manifest whose live value differs, by its path
   * such as {@code spec.template.spec.containers[0].image}) or unchanged. Fields the API server sets are not
   * compared: {@code status}, {@code metadata.uid}, {@code resourceVersion}, {@code generation},
   * {@code creationTimestamp}, {@code managedFields}, {@code selfLink}, the annotations kubectl and controllers add
   * ({@code kubectl.kubernetes.io/last-applied-configuration}, {@code deployment.kubernetes.io/revision}), a
   * Service's {@code clusterIP}/{@code clusterIPs}; nor are fields the manifest does not set (the API server's
   * defaults). Values of a Secret's {@code data} and {@code stringData} are shown as {@code (redacted)}. Reads only.
   *
   * @param manifests the objects
   * @param namespace the namespace for namespaced objects that name none ({@code kubectl apply -n}), or null for
   *     {@code default}
   * @return the plan
   * @throws dev.opskit.core.ValidationException when the namespace is not a DNS-1123 label, or an object names
   *     another namespace than the one given (as kubectl refuses it)
   */
  Plan plan(ManifestSet manifests, @Nullable String namespace);

  /**
   * Makes exactly the plan's changes, in order, through the gate (see the type's javadoc).
   *
   * @param plan a plan from {@link #plan}
   * @return what was done; in a dry run a {@link dev.opskit.core.change.ChangeResult.Planned} for every object
   * @throws dev.opskit.core.change.PartialApplyException when an object fails: the objects applied before it,
   *     the one that failed (its cause the mapped API failure), those not attempted
   */
  ApplyResult apply(Plan plan);

  /**
   * Exports a namespace's objects of some kinds, reading every page of each list, cleaned of the fields the API
   * server sets (those {@link #plan} ignores, and a Service's clusterIP), so that the plan of the backup against
   * the same cluster is all unchanged and against an empty cluster all creates. Objects a controller owns (a
   * controller owner reference) and the {@code kube-root-ca.crt} ConfigMap every namespace gets are left out: they
   * are made again by their owners.
   *
   * <p>Secrets are exported only when {@code kinds} names {@code Secret}, and then as the API server stores them:
   * their {@code data} base64-encoded, not encrypted. Keep such a backup as secret as the cluster's secrets.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param kinds the kinds, from {@link #BACKUP_KINDS}, such as {@link #DEFAULT_KINDS}
   * @return the objects, by kind (in apply order) and name
   * @throws dev.opskit.core.ValidationException when the namespace or a kind is not valid
   */
  ManifestSet backup(String namespace, Set<String> kinds);

  /**
   * Writes one YAML file per object, {@code <kind>-<name>.yaml} (the kind in lower case), creating the directory
   * when needed; refuses a directory that already has files.
   *
   * @param manifests the objects
   * @param directory the directory
   * @throws dev.opskit.core.ValidationException when the directory is not empty, two objects would share a file,
   *     or a file cannot be written
   */
  default void write(ManifestSet manifests, Path directory) {
    write(manifests, directory, false);
  }

  /**
   * Writes one YAML file per object, as {@link #write(ManifestSet, Path)}.
   *
   * @param manifests the objects
   * @param directory the directory
   * @param overwrite whether a non-empty directory may be written to (files of the same name are replaced, others
   *     kept)
   * @throws dev.opskit.core.ValidationException when the directory is not empty and {@code overwrite} is false, two
   *     objects would share a file, or a file cannot be written
   */
  void write(ManifestSet manifests, Path directory, boolean overwrite);

  /**
   * The guide's two checks after a recovery: waits, with the context's clock and sleeper, until every pod of the
   * namespace is Running and ready (its Ready condition true) or Succeeded, then lists the services with their
   * type, cluster IP, ports and whether they have ready endpoints (by their EndpointSlices). Every page is read.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param timeout how long to wait, positive, at most 365 days
   * @return the check
   * @throws dev.opskit.core.ValidationException before any call when an argument is not valid
   * @throws dev.opskit.core.OperationTimeoutException when pods are still not ready at the timeout (the message
   *     names them with their phase)
   */
  RecoveryCheck verify(String namespace, Duration timeout);
}
