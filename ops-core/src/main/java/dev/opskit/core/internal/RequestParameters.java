package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
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
      for (SdkField<?> field : pojo.sdkFields()) {
        Object fieldValue = field.getValueOrDefault(pojo);
        putMember(map, field.memberName(), fieldValue, extra, secrets);
      }
      return map;
    }
    if (value instanceof Map<?, ?> source) {
      Map<String, Object> map = new LinkedHashMap<>();
      source.forEach((k, v) -> putMember(map, String.valueOf(k), v, extra, secrets));
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
      Map<String, Object> map, String name, @Nullable Object value, Set<String> extra, List<String> secrets) {
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

  private static void collectSecrets(Object value, List<String> secrets) {
    if (value instanceof String s) {
      secrets.add(s);
    } else if (value instanceof SdkBytes bytes) {
      secrets.add(bytes.asUtf8String());
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
    }
  }

  /** The SDK represents an unset list or map as an empty "auto construct" instance: leave those out. */
  private static boolean isAbsentSdkCollection(Object value) {
    return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
        || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
  }
}
