package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Turns an SDK request (or any plain value) into the redacted parameter map that audit events and
 * dry-run plans show, collecting the secret values it removed so they can be scrubbed from text too.
 *
 * <p>A member is secret when the SDK marks it sensitive ({@link SdkSensitivity}, at any depth: in nested
 * structures, lists and maps of them), or, as a second rule, when its name says so
 * ({@link Redaction#isSecretName}). A secret member's whole value is replaced, and every string inside it
 * (map values, list elements, nested members; bytes as text and as base64) is remembered for scrubbing.
 *
 * @param parameters the redacted parameters, AWS member names as keys, in the request's field order
 * @param redaction scrubs the removed secret values out of free text
 */
public record RequestParameters(Map<String, Object> parameters, Redaction redaction) {

  /**
   * Extracts parameters from a request.
   *
   * @param request an SDK request ({@link SdkPojo}), a map, or null
   * @param extraSecretNames member names the caller marks secret beyond OpsKit's defaults
   * @return the parameters and the redaction
   */
  public static RequestParameters of(@Nullable Object request, Set<String> extraSecretNames) {
    Secrets secrets = new Secrets();
    Object converted = convert(request, extraSecretNames, secrets);
    Map<String, Object> params;
    if (converted instanceof Parameters.Frozen map) {
      params = map;
    } else if (converted instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      params = Parameters.copyOf(typed);
    } else if (converted == null) {
      params = Parameters.copyOf(Map.of());
    } else {
      params = Parameters.copyOf(Map.of("value", converted));
    }
    return new RequestParameters(params, secrets.redaction());
  }

  /** The secret values met, collected only when there are any (most requests have none). */
  private static final class Secrets {
    private @Nullable List<String> values;

    void add(String value) {
      if (values == null) {
        values = new ArrayList<>();
      }
      values.add(value);
    }

    Redaction redaction() {
      return values == null ? NONE : Redaction.of(values);
    }
  }

  private static final Redaction NONE = Redaction.none();

  /** What the name rules decide of one member of a structure's class, decided once per class. */
  private enum Rule { SECRET, KEY_ID, PLAIN, ASK_INSTANCE }

  /** One member of a structure's class and its rule (the extra names of a change are checked per call). */
  private record Member(SdkField<?> field, String name, String lower, Rule rule) {}

  /** Per structure class: its members in order, with what the SDK's marking and OpsKit's name rules say. */
  private static final ClassValue<AtomicReference<Member @Nullable []>> MEMBERS = new ClassValue<>() {
    @Override
    protected AtomicReference<Member @Nullable []> computeValue(Class<?> type) {
      return new AtomicReference<>();
    }
  };

  private static Member[] members(SdkPojo pojo) {
    AtomicReference<Member @Nullable []> holder = MEMBERS.get(pojo.getClass());
    Member[] members = holder.get();
    if (members == null) {
      List<SdkField<?>> fields = pojo.sdkFields();
      members = new Member[fields.size()];
      for (int i = 0; i < members.length; i++) {
        SdkField<?> field = fields.get(i);
        String name = field.memberName();
        Boolean sensitive = SdkSensitivity.classVerdict(pojo.getClass(), name);
        Rule rule;
        if (Boolean.TRUE.equals(sensitive) || Redaction.isSecretName(name, Set.of())) {
          rule = Rule.SECRET;
        } else if (sensitive == null) {
          rule = Rule.ASK_INSTANCE;
        } else if (Redaction.isAccessKeyIdName(name)) {
          rule = Rule.KEY_ID;
        } else {
          rule = Rule.PLAIN;
        }
        members[i] = new Member(field, name, name.toLowerCase(Locale.ROOT), rule);
      }
      holder.set(members);
    }
    return members;
  }

  private static @Nullable Object convert(@Nullable Object value, Set<String> extra, Secrets secrets) {
    if (value == null) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Member[] members = members(pojo);
      Parameters.Builder map = new Parameters.Builder(members.length);
      String printed = null;
      for (Member member : members) {
        Object fieldValue = member.field().getValueOrDefault(pojo);
        if (fieldValue == null || isAbsentSdkCollection(fieldValue)) {
          continue;
        }
        Rule rule = member.rule();
        if (rule != Rule.SECRET && !extra.isEmpty()
            && (extra.contains(member.name()) || extra.contains(member.lower()))) {
          rule = Rule.SECRET;
        }
        if (rule == Rule.ASK_INSTANCE) {
          if (printed == null) {
            printed = SdkSensitivity.printed(pojo);
          }
          rule = SdkSensitivity.instanceMarks(printed, member.name()) ? Rule.SECRET
              : Redaction.isAccessKeyIdName(member.name()) ? Rule.KEY_ID : Rule.PLAIN;
        }
        if (rule == Rule.SECRET) {
          collectSecrets(fieldValue, secrets);
          map.put(member.name(), AuditEvent.REDACTED);
        } else if (rule == Rule.KEY_ID && fieldValue instanceof String keyId) {
          map.put(member.name(), Redaction.maskKeyId(keyId));
        } else {
          Object converted = convert(fieldValue, extra, secrets);
          if (converted != null) {
            map.put(member.name(), converted);
          }
        }
      }
      return map.build();
    }
    if (value instanceof Map<?, ?> source) {
      Parameters.Builder map = new Parameters.Builder(source.size());
      source.forEach((k, v) -> putMember(map, String.valueOf(k), v, extra, secrets));
      return map.build();
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        Object converted = convert(element, extra, secrets);
        if (converted != null) {
          list.add(converted);
        }
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof SdkBytes bytes) {
      return "<" + bytes.asByteArrayUnsafe().length + " bytes>";
    }
    if (value instanceof ByteBuffer buffer) {
      return "<" + buffer.remaining() + " bytes>";
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Instant || value instanceof TemporalAccessor) {
      return value.toString();
    }
    return String.valueOf(value);
  }

  /** A map entry: its key is judged by the name rules each time (map keys are data, not a class's members). */
  private static void putMember(
      Parameters.Builder map, String name, @Nullable Object value, Set<String> extra, Secrets secrets) {
    if (value == null || isAbsentSdkCollection(value)) {
      return;
    }
    if (Redaction.isSecretName(name, extra)) {
      collectSecrets(value, secrets);
      map.put(name, AuditEvent.REDACTED);
    } else if (Redaction.isAccessKeyIdName(name) && value instanceof String keyId) {
      map.put(name, Redaction.maskKeyId(keyId));
    } else {
      Object converted = convert(value, extra, secrets);
      if (converted != null) {
        map.put(name, converted);
      }
    }
  }

  private static void collectSecrets(Object value, Secrets secrets) {
    if (value instanceof String s) {
      secrets.add(s);
    } else if (value instanceof SdkBytes bytes) {
      collectBytes(bytes.asByteArrayUnsafe(), secrets);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      collectBytes(copy, secrets);
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> collectSecrets(v, secrets));
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectSecrets(v, secrets));
    } else if (value instanceof SdkPojo pojo) {
      for (SdkField<?> f : pojo.sdkFields()) {
        Object v = f.getValueOrDefault(pojo);
        if (v != null) {
          collectSecrets(v, secrets);
        }
      }
    } else if (!(value instanceof Number || value instanceof Boolean)) {
      // Documents, timestamps and the like: scrub them as printed. Numbers and booleans are shown
      // redacted but not scrubbed from text, where "1" or "true" would blot out everything else.
      secrets.add(String.valueOf(value));
    }
  }

  /** Bytes reach text as base64 (JSON and query bodies) or, when they are text, as that text. */
  private static void collectBytes(byte[] bytes, Secrets secrets) {
    secrets.add(Base64.getEncoder().encodeToString(bytes));
    try {
      secrets.add(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      // Not text: only its base64 form can appear.
    }
  }

  /** The SDK represents an unset list or map as an empty "auto construct" instance: leave those out. */
  private static boolean isAbsentSdkCollection(Object value) {
    return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
        || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
  }
}
