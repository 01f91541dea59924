package dev.opskit.kubernetes.secret.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.secret.Publication;
import dev.opskit.core.secret.Secret;
import dev.opskit.core.secret.SecretSink;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.secret.SecretRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kubernetes secret as a sink: one JSON merge patch of the mapped data keys and a version annotation
 * ({@code kubectl patch secret}); it cannot stage. See {@code KubernetesSecrets} for the contract.
 */
public final class KubernetesSecretSink implements SecretSink {
  /** The annotation that names the version of the secret the mapped keys hold. */
  public static final String VERSION_ANNOTATION = "opskit.dev/secret-version";
  /** Reads the secret. */
  static final String GET = "kubernetes:GetSecret";
  /** Writes it. */
  static final String PATCH = "kubernetes:PatchSecret";
  /** The store version of a planned (dry-run) publication: nothing was written. */
  static final String PLANNED = "planned";

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSecretSink.class);
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final OpsContext ctx;
  private final KubernetesClient client;
  private final SecretRef ref;
  private final Map<String, String> fieldToKey;
  private final String target;

  /**
   * Creates the sink.
   *
   * @param ctx the context
   * @param client the Kubernetes client
   * @param ref the secret
   * @param fieldToKey the data key of every field
   * @throws ValidationException when the mapping is empty, has a bad field name or data key, or maps two fields
   *     to one key
   */
  public KubernetesSecretSink(OpsContext ctx, KubernetesClient client, SecretRef ref, Map<String, String> fieldToKey) {
    this.ctx = ctx;
    this.client = client;
    this.ref = ref;
    this.fieldToKey = mapping(fieldToKey);
    this.target = ref.namespace() + "/secret/" + ref.name();
  }

  private static Map<String, String> mapping(@Nullable Map<String, String> fieldToKey) {
    Map<String, String> given = Checks.map("fieldToKey", fieldToKey,
        "the data key of every secret field, such as AccessKeyId -> access-key-id");
    Checks.require(!given.isEmpty(), "fieldToKey", given, "at least one field and its data key");
    Map<String, String> copy = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    given.forEach((field, key) -> {
      Checks.matches(FIELD, "fieldToKey", field, "field names of 1 to 128 letters, digits, '.', '-' and '_'");
      KubernetesNames.dataKey("fieldToKey." + field, key);
      if (!keys.add(key)) {
        throw ValidationException.of("fieldToKey." + field, key, "a data key no other field goes to");
      }
      copy.put(field, key);
    });
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String description() {
    return "Kubernetes secret " + ref + " keys " + String.join(", ", fieldToKey.values());
  }

  @Override
  public List<String> calls() {
    return List.of(
        GET + " namespace=" + ref.namespace() + " name=" + ref.name() + " (it must exist)",
        PATCH + " namespace=" + ref.namespace() + " name=" + ref.name() + " type=merge data=" + fieldToKey.values()
            + " (values redacted) annotation " + VERSION_ANNOTATION + "=<version> (not sent when the secret holds"
            + " this version already; readers see it at once: a Kubernetes secret cannot stage)");
  }

  private Resource<io.fabric8.kubernetes.api.model.Secret> resource() {
    return client.secrets().inNamespace(ref.namespace()).withName(ref.name());
  }

  @Override
  public Publication publish(Secret secret) {
    Checks.present("secret", secret, "a Secret");
    Set<String> fields = secret.fields().keySet();
    if (!fields.equals(fieldToKey.keySet())) {
      // A field without a key would be lost; a key without a field would keep a value of another version.
      throw ValidationException.of("secret.fields", fields, "exactly the fields this sink maps, " + fieldToKey.keySet());
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    List<String> values = new ArrayList<>();
    fieldToKey.forEach((field, key) -> {
      String value = secret.field(field).reveal();
      values.add(value);
      encoded.put(key, base64(value));
    });
    Redaction redaction = Redaction.of(values);
    io.fabric8.kubernetes.api.model.Secret stored = get(redaction).orElseThrow(() -> new ResourceNotFoundException(
        "the secret does not exist. OpsKit does not create application secrets: create it (kubectl create secret"
            + " generic " + ref.name() + " -n " + ref.namespace() + "), then publish again.", GET, target, null));
    redaction = redaction.and(storedValues(stored));
    if (holds(stored, secret.versionId(), encoded)) {
      LOG.debug("secret holds the version already target={} version={}", target, redaction.scrub(secret.versionId()));
      return publication(secret, stored);
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("Namespace", ref.namespace());
    request.put("Name", ref.name());
    request.put("PatchType", "merge");
    request.put("Keys", List.copyOf(fieldToKey.values()));
    // Not "Annotations" with the annotation's name as key: the name says "secret", and the audit would hide it.
    request.put("Annotation", VERSION_ANNOTATION);
    // A version id may be made of a value (ops-security's rotation names it after the new key id): never show one.
    request.put("VersionId", String.valueOf(redaction.scrub(secret.versionId())));
    Map<String, String> plain = new LinkedHashMap<>();
    fieldToKey.forEach((field, key) -> plain.put(key, secret.field(field).reveal()));
    request.put("Data", plain);
    String patch = patch(secret.versionId(), encoded);
    Redaction scrub = redaction;
    // On the secret just read: fabric8 patches a resource known only by name after reading it again.
    Resource<io.fabric8.kubernetes.api.model.Secret> known = client.secrets().inNamespace(ref.namespace()).resource(stored);
    ChangeResult<String> result;
    try {
      result = ctx.gate().submit(Change.described(PATCH, target, request, () -> KubernetesErrors.call(PATCH, target, scrub,
              () -> known.patch(PatchContext.of(PatchType.JSON_MERGE), patch).getMetadata().getResourceVersion()))
          .secret("Data").build());
    } catch (OpsException e) {
      // The answer may have been lost after the API server stored the patch: look before calling it failed.
      Optional<io.fabric8.kubernetes.api.model.Secret> now;
      try {
        now = get(scrub);
      } catch (OpsException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if (now.isPresent() && holds(now.get(), secret.versionId(), encoded)) {
        LOG.debug("secret holds the version although the patch failed target={} version={}", target,
            scrub.scrub(secret.versionId()));
        return publication(secret, now.get());
      }
      throw e;
    }
    String version = result.value().orElse(PLANNED);
    return new Publication(description(), secret.versionId(), version, false);
  }

  /** Nothing is staged (a Kubernetes secret has no versions to stage), so there is nothing to withdraw. */
  @Override
  public void discard(Publication publication) {
    // A publication of this sink is never pending: its values are current from the moment they are written,
    // and the previous values are not kept, so there is nothing to withdraw or restore.
  }

  @Override
  public Optional<Secret> read(Publication publication) {
    Checks.present("publication", publication, "a Publication of this sink");
    io.fabric8.kubernetes.api.model.Secret stored = get(Redaction.none()).orElseThrow(() -> new ResourceNotFoundException(
        "the secret does not exist any more, so the published version cannot be read back.", GET, target, null));
    String holds = annotation(stored);
    if (!publication.versionId().equals(holds)) {
      // Version ids may be made of values (a key id): scrub what the secret holds.
      Redaction values = storedValues(stored);
      throw new ResourceStateException(String.valueOf(values.scrub("the secret holds version "
          + (holds == null ? "(none)" : holds) + ", not the published " + publication.versionId()
          + ": it was written again since.")), GET, target, null);
    }
    Map<String, String> data = data(stored);
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    fieldToKey.forEach((field, key) -> fields.put(field, decode(field, key, data.get(key))));
    return Optional.of(new Secret(publication.versionId(), fields));
  }

  private SecretValue decode(String field, String key, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      throw new ResourceStateException("data key " + key + " is missing or empty, though the secret holds the"
          + " published version.", GET, target, null);
    }
    String value;
    try {
      value = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Never quote it: it is the secret.
      throw new ResourceStateException("data key " + key + " is not base64 (not shown: it is a secret).",
          GET, target, null);
    }
    return SecretValue.of(field, value);
  }

  private Optional<io.fabric8.kubernetes.api.model.Secret> get(Redaction redaction) {
    return Optional.ofNullable(KubernetesErrors.call(GET, target, redaction, () -> resource().get()));
  }

  private Publication publication(Secret secret, io.fabric8.kubernetes.api.model.Secret stored) {
    String version = stored.getMetadata() == null ? null : stored.getMetadata().getResourceVersion();
    return new Publication(description(), secret.versionId(), version == null || version.isBlank() ? secret.versionId()
        : version, false);
  }

  /** Whether the secret names this version and every mapped key holds its value (compared in constant time). */
  private static boolean holds(io.fabric8.kubernetes.api.model.Secret stored, String versionId, Map<String, String> encoded) {
    if (!versionId.equals(annotation(stored))) {
      return false;
    }
    Map<String, String> data = data(stored);
    boolean all = true;
    for (Map.Entry<String, String> e : encoded.entrySet()) {
      String now = data.get(e.getKey());
      all &= now != null && MessageDigest.isEqual(now.getBytes(StandardCharsets.US_ASCII),
          e.getValue().getBytes(StandardCharsets.US_ASCII));
    }
    return all;
  }

  private static @Nullable String annotation(io.fabric8.kubernetes.api.model.Secret stored) {
    if (stored.getMetadata() == null || stored.getMetadata().getAnnotations() == null) {
      return null;
    }
    return stored.getMetadata().getAnnotations().get(VERSION_ANNOTATION);
  }

  private static Map<String, String> data(io.fabric8.kubernetes.api.model.Secret stored) {
    Map<String, String> data = stored.getData();
    return data == null ? Map.of() : data;
  }

  /** Every value the secret holds, as stored (base64) and decoded, so that no message can show one either. */
  private static Redaction storedValues(io.fabric8.kubernetes.api.model.Secret stored) {
    List<String> values = new ArrayList<>();
    for (String text : data(stored).values()) {
      if (text == null) {
        continue;
      }
      values.add(text);
      try {
        values.add(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // Not base64: only the stored text can appear.
      }
    }
    return Redaction.of(values);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The merge patch: {@code {"metadata":{"annotations":{...}},"data":{"key":"base64",...}}}. Nothing in it needs
   * JSON escaping: data keys are {@code [-._a-zA-Z0-9]+}, the annotation's name and the version id
   * {@code [A-Za-z0-9_-]}, base64 {@code [A-Za-z0-9+/=]}.
   */
  private static String patch(String versionId, Map<String, String> encoded) {
    StringBuilder json = new StringBuilder("{\"metadata\":{\"annotations\":{\"").append(VERSION_ANNOTATION)
        .append("\":\"").append(versionId).append("\"}},\"data\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : encoded.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
    }
    return json.append("}}").toString();
  }

  @Override
  public String toString() {
    return description();
  }
}
