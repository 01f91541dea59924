package dev.opskit.kubernetes.rollout;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.rollout.internal.RolloutsImpl;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * The guide's "EKS Rolling Updates", with kubectl's semantics:
 *
 * <pre>{@code
 * kubectl set image deployment/api-deployment api=api:v1.2.3
 * kubectl rollout status deployment/api-deployment
 * kubectl rollout undo deployment/api-deployment
 * }</pre>
 *
 * <pre>{@code
 * Rollouts rollouts = Rollouts.using(ctx, client);
 * DeploymentRef api = DeploymentRef.parse("production/api-deployment");
 * rollouts.setImage(api, "api", "api:v1.2.3");
 * try {
 *   rollouts.awaitRollout(api, Duration.ofMinutes(10));
 * } catch (ResourceStateException failed) {   // ProgressDeadlineExceeded
 *   rollouts.undo(api);
 * }
 * }</pre>
 *
 * <p>Writes ({@link #setImage}, {@link #undo}) go through the context's gate as {@code kubernetes:SetImage} and
 * {@code kubernetes:RollbackDeployment} on {@code namespace/deployment/name}: a dry-run context plans them
 * ({@link ChangeResult.Planned}) and writes nothing; every write is audited. Each is one JSON patch of the fields
 * it changes, never a replace of the whole object, so concurrent changes to other fields are kept. Failures of
 * the Kubernetes API are {@link dev.opskit.core.OpsException}s naming the operation and the deployment: 404
 * {@link dev.opskit.core.ResourceNotFoundException}, 409 {@link dev.opskit.core.ResourceStateException}, 401/403
 * {@link dev.opskit.core.AccessDeniedException}, 429 {@link dev.opskit.core.ThrottledException}, others
 * {@link dev.opskit.core.ServiceException}.
 */
public interface Rollouts {

  /**
   * Rollouts on a cluster.
   *
   * <p>The client's own HTTP settings stay as they are: a client from
   * {@link dev.opskit.kubernetes.access.EksClusters#connect(dev.opskit.kubernetes.access.EksCluster)} retries and
   * times out by the context's {@link dev.opskit.core.RetryPolicy}; a client the caller built keeps its own retry
   * settings (fabric8 repeats 5xx answers and I/O errors up to {@code requestRetryBackoffLimit} times, 10 by
   * default) and timeouts.
   *
   * @param ctx the context: gate, clock, sleeper, progress listener, default wait timeout
   * @param client the cluster's client (fabric8, over the JDK's HTTP client); not closed by this object
   * @return the rollouts
   * @throws dev.opskit.core.ValidationException when either is null
   */
  static Rollouts using(OpsContext ctx, KubernetesClient client) {
    return new RolloutsImpl(Checks.present("ctx", ctx, "an OpsContext"),
        Checks.present("client", client, "a KubernetesClient"));
  }

  /**
   * {@code kubectl set image deployment/NAME CONTAINER=IMAGE}: sets one container's image (containers and init
   * containers, as kubectl), leaving every other container and field as it is: one JSON patch of that container's
   * {@code image}, guarded by a {@code test} of the container's name at its index, so a container list reordered
   * meanwhile fails the patch instead of changing another container. Reads the deployment first; when the container
   * already has the image, nothing is written, nothing is audited (there is no change, in a dry run too) and the
   * answer is an {@link ChangeResult.Applied} whose {@link ImageUpdate#changed()} is false, with a note.
   *
   * @param deployment the deployment
   * @param container the container's name, a DNS-1123 label
   * @param image the image reference, {@code [registry[:port]/]repository[:tag][@sha256:digest]}, such as
   *     {@code api:v1.2.3} or {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.2.3}
   * @return the applied change with the {@link ImageUpdate}, or in a dry run the planned one
   * @throws dev.opskit.core.ValidationException before any call when an argument is not valid, or after the read
   *     when the deployment has no such container (the message lists the containers it has)
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   */
  ChangeResult<ImageUpdate> setImage(DeploymentRef deployment, String container, String image);

  /**
   * The rollout's status now, as one {@code kubectl rollout status --watch=false} would print it.
   *
   * @param deployment the deployment
   * @return the status
   * @throws dev.opskit.core.ValidationException when the deployment is null
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   */
  RolloutStatus status(DeploymentRef deployment);

  /**
   * {@code kubectl rollout status deployment/NAME --timeout=...}: polls until the rollout is complete (the
   * controller has observed the spec's generation; {@code spec.replicas} pods updated; no old pods left; every
   * updated pod available), with the context's clock and sleeper.
   *
   * @param deployment the deployment
   * @param timeout how long to wait, positive, at most 365 days
   * @return the complete status
   * @throws dev.opskit.core.ValidationException before any call when an argument is not valid
   * @throws dev.opskit.core.ResourceStateException when the rollout failed: its Progressing condition has reason
   *     {@code ProgressDeadlineExceeded} (the message names the deployment and carries the condition's message)
   * @throws dev.opskit.core.OperationTimeoutException when the timeout passed first (the message says what was
   *     last seen, such as {@code 2 of 3 updated replicas are available})
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   */
  RolloutStatus awaitRollout(DeploymentRef deployment, Duration timeout);

  /**
   * {@code kubectl rollout undo deployment/NAME}: restores the pod template of the previous revision.
   *
   * @param deployment the deployment
   * @return the applied change with the {@link Rollback}, or in a dry run the planned one
   * @throws dev.opskit.core.ResourceStateException when there is no previous revision, or the deployment is paused
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   * @throws dev.opskit.core.ValidationException when the deployment is null
   * @see #undo(DeploymentRef, long)
   */
  ChangeResult<Rollback> undo(DeploymentRef deployment);

  /**
   * {@code kubectl rollout undo deployment/NAME --to-revision=N}: restores the pod template of revision N. As
   * kubectl: the revisions are the deployment's ReplicaSets (those it controls, by owner reference) numbered by
   * their {@code deployment.kubernetes.io/revision} annotation; the template is patched in without its
   * {@code pod-template-hash} label, and the deployment's annotations become the ReplicaSet's (such as
   * {@code kubernetes.io/change-cause}) plus the deployment's own bookkeeping ones, in one JSON patch. When the
   * template already matches, nothing is written or audited: the answer is an {@link ChangeResult.Applied} whose
   * {@link Rollback#changed()} is false, with kubectl's "skipped rollback" note. A paused deployment is refused,
   * as kubectl does.
   *
   * @param deployment the deployment
   * @param toRevision the revision, at least 1
   * @return the applied change with the {@link Rollback}, or in a dry run the planned one
   * @throws dev.opskit.core.ValidationException before any call when an argument is not valid, or when the history
   *     has no such revision (the message lists the revisions it has)
   * @throws dev.opskit.core.ResourceStateException when the deployment is paused
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   */
  ChangeResult<Rollback> undo(DeploymentRef deployment, long toRevision);

  /**
   * {@code kubectl rollout history deployment/NAME}: the deployment's revisions, reading every page of
   * ReplicaSets.
   *
   * @param deployment the deployment
   * @return the revisions, oldest first
   * @throws dev.opskit.core.ValidationException when the deployment is null
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such deployment
   */
  RolloutHistory history(DeploymentRef deployment);
}
