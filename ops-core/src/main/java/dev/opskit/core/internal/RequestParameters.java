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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    List<String> secrets = new ArrayList<>();
    Object converted = convert(request, extraSecretNames, secrets);
    Map<String, Object> params;
    if (converted instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      params = typed;
    } else if (converted == null) {
      params = Map.of();
    } else {
      params = Map.of("value", converted);
    }
    return new RequestParameters(Parameters.copyOf(params), Redaction.of(secrets));
  }

  private static @Nullable Object convert(@Nullable Object value, Set<String> extra, List<String> secrets) {
    if (value == null) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> map = new LinkedHashMap<>();
      SdkSensitivity.Members sensitivity = SdkSensitivity.of(pojo);
      for (SdkField<?> field : pojo.sdkFields()) {
        Object fieldValue = field.getValueOrDefault(pojo);
        if (fieldValue != null && !isAbsentSdkCollection(fieldValue)) {
          putMember(map, field.memberName(), fieldValue, sensitivity.isSensitive(field), extra, secrets);
        }
      }
      return map;
    }
    if (value instanceof Map<?, ?> source) {
      Map<String, Object> map = new LinkedHashMap<>();
      source.forEach((k, v) -> putMember(map, String.valueOf(k), v, false, extra, secrets));
      return map;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      for (Object element : collection) {
        Object converted = convert(element, extra, secrets);
        if (converted != null) {
          list.add(converted);
        }
      }
      return list;
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

  private static void putMember(
      Map<String, Object> map, String name, @Nullable Object value, boolean sdkSensitive, Set<String> extra,
      List<String> secrets) {
    if (value == null || isAbsentSdkCollection(value)) {
      return;
    }
    if (sdkSensitive || Redaction.isSecretName(name, extra)) {
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

  private static void collectSecrets(Object value, List<String> secrets) {
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
  private static void collectBytes(byte[] bytes, List<String> secrets) {
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
