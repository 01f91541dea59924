package dev.opskit.security.iam.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.secret.Publication;
import dev.opskit.security.iam.KeyRotation;
import dev.opskit.security.iam.RotationStep;
import dev.opskit.security.iam.StepStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON form of a {@link KeyRotation}: what it writes, it reads back equal; anything else is a {@link ValidationException}. */
public final class RotationJson {
  private static final String FIELD = "rotation JSON";
  private static final Set<String> MEMBERS = Set.of("version", "userName", "userArn", "sink", "dryRun", "oldKeyId",
      "oldKey", "newKeyId", "newKey", "newKeyVerified", "removedKeyId", "publication", "lastUseSeen", "quietSince",
      "deactivatedAt", "startedAt", "updatedAt", "steps");

  private RotationJson() {}

  /**
   * Writes a rotation's state.
   *
   * @param rotation the state
   * @return its JSON text
   */
  public static String write(KeyRotation rotation) {
    ObjectNode root = Json.object();
    root.put("version", 1);
    root.put("userName", rotation.userName());
    rotation.userArn().ifPresent(arn -> root.put("userArn", arn));
    root.put("sink", rotation.sink());
    root.put("dryRun", rotation.isDryRun());
    rotation.oldKeyId().ifPresent(id -> root.put("oldKeyId", id));
    root.put("oldKey", rotation.oldKey().name());
    rotation.newKeyId().ifPresent(id -> root.put("newKeyId", id));
    root.put("newKey", rotation.newKey().name());
    root.put("newKeyVerified", rotation.newKeyVerified());
    rotation.removedKeyId().ifPresent(id -> root.put("removedKeyId", id));
    rotation.publication().ifPresent(p -> {
      ObjectNode pub = root.putObject("publication");
      pub.put("sink", p.sink());
      pub.put("versionId", p.versionId());
      pub.put("storeVersion", p.storeVersion());
      pub.put("pending", p.pending());
    });
    rotation.lastUseSeen().ifPresent(t -> root.put("lastUseSeen", t.toString()));
    rotation.quietSince().ifPresent(t -> root.put("quietSince", t.toString()));
    rotation.deactivatedAt().ifPresent(t -> root.put("deactivatedAt", t.toString()));
    root.put("startedAt", rotation.startedAt().toString());
    root.put("updatedAt", rotation.updatedAt().toString());
    ArrayNode steps = root.putArray("steps");
    for (KeyRotation.Step s : rotation.steps()) {
      ObjectNode step = steps.addObject();
      step.put("step", s.step().name());
      step.put("status", s.status().name());
      step.put("detail", s.detail());
      ArrayNode calls = step.putArray("calls");
      s.calls().forEach(calls::add);
      if (s.at() != null) {
        step.put("at", s.at().toString());
      }
    }
    return Json.write(root);
  }

  /**
   * Reads a rotation's state.
   *
   * @param json the text
   * @return the state
   * @throws ValidationException when it is not a rotation's JSON
   */
  public static KeyRotation read(@Nullable String json) {
    JsonNode root = Json.readTree(FIELD, json, "a key rotation's JSON, as KeyRotation.toJson() writes it");
    if (!root.isObject()) {
      throw ValidationException.of(FIELD, Json.abbreviate(String.valueOf(json)), "a JSON object, as KeyRotation.toJson() writes it");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw ValidationException.of(FIELD + " member", name, "one of " + new java.util.TreeSet<>(MEMBERS));
      }
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != 1) {
      throw ValidationException.of(FIELD + ".version", version, "1");
    }
    KeyRotation.Builder b = KeyRotation.builder(text(root, "userName"), text(root, "sink"), instant(root, "startedAt"))
        .updatedAt(instant(root, "updatedAt"))
        .userArn(optionalText(root, "userArn"))
        .dryRun(bool(root, "dryRun"))
        .oldKey(optionalText(root, "oldKeyId"), keyState(root, "oldKey"))
        .newKey(optionalText(root, "newKeyId"), keyState(root, "newKey"))
        .newKeyVerified(bool(root, "newKeyVerified"))
        .removedKeyId(optionalText(root, "removedKeyId"))
        .usage(optionalInstant(root, "lastUseSeen"), optionalInstant(root, "quietSince"))
        .deactivatedAt(optionalInstant(root, "deactivatedAt"));
    JsonNode pub = root.get("publication");
    if (pub != null) {
      if (!pub.isObject()) {
        throw ValidationException.of(FIELD + ".publication", Json.abbreviate(pub.toString()), "an object");
      }
      b.publication(new Publication(text(pub, "sink"), text(pub, "versionId"), text(pub, "storeVersion"), bool(pub, "pending")));
    }
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray()) {
      throw ValidationException.of(FIELD + ".steps", steps == null ? null : Json.abbreviate(steps.toString()), "an array of steps");
    }
    for (JsonNode s : steps) {
      if (!s.isObject()) {
        throw ValidationException.of(FIELD + ".steps", Json.abbreviate(s.toString()), "objects with step, status, detail, calls");
      }
      List<String> calls = new ArrayList<>();
      JsonNode list = s.get("calls");
      if (list == null || !list.isArray()) {
        throw ValidationException.of(FIELD + ".steps.calls", list == null ? null : Json.abbreviate(list.toString()), "an array of texts");
      }
      for (JsonNode call : list) {
        if (!call.isTextual()) {
          throw ValidationException.of(FIELD + ".steps.calls", Json.abbreviate(call.toString()), "texts");
        }
        calls.add(call.textValue());
      }
      b.step(new KeyRotation.Step(enumOf(RotationStep.class, s, "step"), enumOf(StepStatus.class, s, "status"),
          text(s, "detail"), calls, optionalInstant(s, "at")));
    }
    return b.build();
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw ValidationException.of(FIELD + "." + name, v == null ? null : Json.abbreviate(v.toString()), "a text");
    }
    return v.asText();
  }

  private static @Nullable String optionalText(JsonNode node, String name) {
    return node.has(name) ? text(node, name) : null;
  }

  private static boolean bool(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isBoolean()) {
      throw ValidationException.of(FIELD + "." + name, v == null ? null : Json.abbreviate(v.toString()), "true or false");
    }
    return v.booleanValue();
  }

  private static Instant instant(JsonNode node, String name) {
    String text = text(node, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(FIELD + "." + name, Json.abbreviate(text), "an ISO-8601 instant such as 2026-12-01T12:00:00Z");
    }
  }

  private static @Nullable Instant optionalInstant(JsonNode node, String name) {
    return node.has(name) ? instant(node, name) : null;
  }

  private static KeyRotation.KeyState keyState(JsonNode node, String name) {
    return enumOf(KeyRotation.KeyState.class, node, name);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String name) {
    String text = text(node, name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw ValidationException.of(FIELD + "." + name, Json.abbreviate(text), "one of " + Arrays.toString(type.getEnumConstants()));
  }
}
