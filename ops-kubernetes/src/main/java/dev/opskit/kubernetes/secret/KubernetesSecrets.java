package dev.opskit.kubernetes.secret;

import dev.opskit.core.OpsContext;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.secret.internal.KubernetesSecretSink;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes secret as a {@link SecretSink}, for OpsKit operations that make a secret (ops-security's access
 * key rotation): the guide's {@code kubectl patch secret aws-credentials -p '{"data":{"access-key-id":...}}'},
 * but with every field of the secret.
 *
 * <pre>{@code
 * SecretSink sink = KubernetesSecrets.sink(ctx, client, SecretRef.of("production", "aws-credentials"),
 *     KubernetesSecrets.accessKeyFields());
 * }</pre>
 *
 * <p>What the sink does:
 *
 * <ul>
 *   <li>{@code publish} reads the secret ({@code kubernetes:GetSecret}; it must exist: OpsKit does not create
 *       application secrets) and sends one JSON merge patch ({@code kubernetes:PatchSecret}, through the context's
 *       gate) that sets just the mapped data keys, base64-encoded as the API requires, and the annotation
 *       {@code opskit.dev/secret-version} naming the secret's version; every other key of the
 *       secret stays as it is. A dry run sends no patch and plans it. When the secret already holds this version
 *       (the annotation names it and every mapped key holds its value) nothing is sent: publishing again is one
 *       publication. The {@link dev.opskit.core.secret.Publication#storeVersion() store version} is the secret's
 *       {@code resourceVersion} after the write.
 *   <li>A Kubernetes secret cannot stage: readers (pods that mount or read it) see the new values at once, so a
 *       publication is never pending; {@code promote} does nothing and {@code discard} has nothing to withdraw.
 *   <li>{@code read} reads the values back while the secret still holds the published version.
 *   <li>No value reaches a log, an audit event, an exception (the API server's message included, in plain text
 *       or base64) or a {@code toString}.
 * </ul>
 */
public final class KubernetesSecrets {
  private KubernetesSecrets() {}

  /**
   * A sink that writes the secret's fields into data keys of an existing Kubernetes secret.
   *
   * <p>The client's own HTTP settings stay as they are: a client from
   * {@link dev.opskit.kubernetes.access.EksClusters#connect(dev.opskit.kubernetes.access.EksCluster)} retries and
   * times out by the context's {@link dev.opskit.core.RetryPolicy}; a client the caller built keeps its own retry
   * settings (fabric8 repeats 5xx answers and I/O errors up to {@code requestRetryBackoffLimit} times, 10 by
   * default) and timeouts.
   *
   * @param ctx the context: its gate makes the write (dry run, audit)
   * @param client the Kubernetes client for the cluster
   * @param secret the secret to write to
   * @param fieldToKey for every field of the secrets to publish, the data key it goes to, such as
   *     {@code AccessKeyId -> access-key-id}; a published secret must have exactly these fields, so that no key
   *     is left holding a value of another version
   * @return the sink
   * @throws dev.opskit.core.ValidationException when an argument is missing, a field name is not a secret field
   *     name, a data key is not a Kubernetes data key ({@code [-._a-zA-Z0-9]+}, at most 253 characters, not
   *     {@code .} or {@code ..}), or two fields go to the same key
   */
  public static SecretSink sink(OpsContext ctx, KubernetesClient client, SecretRef secret, Map<String, String> fieldToKey) {
    return new KubernetesSecretSink(
        Checks.present("ctx", ctx, "an OpsContext"),
        Checks.present("client", client, "a KubernetesClient"),
        Checks.present("secret", secret, "a SecretRef (namespace and name)"),
        fieldToKey);
  }

  /**
   * The mapping for an AWS access key as the guide's application reads it: {@code AccessKeyId} to
   * {@code access-key-id}, {@code SecretAccessKey} to {@code secret-access-key} (the fields ops-security's key
   * rotation publishes).
   *
   * @return the mapping, in that order; unmodifiable
   */
  public static Map<String, String> accessKeyFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccessKeyId", "access-key-id");
    fields.put("SecretAccessKey", "secret-access-key");
    return Collections.unmodifiableMap(fields);
  }
}
