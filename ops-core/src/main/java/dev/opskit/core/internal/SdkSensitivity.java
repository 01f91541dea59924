package dev.opskit.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Which members of an SDK structure the AWS SDK itself marks sensitive.
 *
 * <p>The SDK (2.x) keeps no trait for it on {@link SdkField}: the marking lives only in each generated
 * class's {@code toString}, which prints {@value #SDK_REDACTED} instead of a sensitive member's value. So it
 * is read from there, once per class: an instance is built with one member set at a time, and the member is
 * sensitive when {@code toString} prints it redacted. When a class cannot be probed that way (no static
 * {@code builder()}, a build that refuses the probe), the instance at hand is asked instead, and a member
 * that its {@code toString} does not show in clear counts as sensitive: the rule fails closed.
 */
final class SdkSensitivity {
  /** What the SDK's generated {@code toString} prints for a sensitive member. */
  static final String SDK_REDACTED = "*** Sensitive Data Redacted ***";

  private static final ClassValue<Map<String, Verdict>> VERDICTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Verdict> computeValue(Class<?> type) {
          return derive(type);
        }
      };

  private enum Verdict { SENSITIVE, PLAIN, UNKNOWN }

  private SdkSensitivity() {}

  /**
   * The sensitivity of one structure's members.
   *
   * @param pojo an SDK structure (a request or a structure nested in one)
   * @return which of its members the SDK marks sensitive
   */
  static Members of(SdkPojo pojo) {
    return new Members(pojo, VERDICTS.get(pojo.getClass()));
  }

  /**
   * What the class of a structure says of one member, without an instance.
   *
   * @param type the structure's class
   * @param memberName the member
   * @return true when sensitive, false when plain, null when the class cannot tell (ask the instance)
   */
  static @Nullable Boolean classVerdict(Class<?> type, String memberName) {
    Verdict verdict = VERDICTS.get(type).getOrDefault(key(memberName), Verdict.UNKNOWN);
    return verdict == Verdict.UNKNOWN ? null : verdict == Verdict.SENSITIVE;
  }

  /**
   * What an instance's printed form says of a member its class could not tell: sensitive unless shown in clear.
   *
   * @param printed the instance's {@code toString}, from {@link #printed}
   * @param memberName the member
   * @return true when it must be treated as sensitive
   */
  static boolean instanceMarks(String printed, String memberName) {
    return verdictIn(printed, key(memberName)) != Verdict.PLAIN;
  }

  /**
   * The printed form of an instance ({@code ""} when its {@code toString} fails).
   *
   * @param pojo the structure
   * @return its {@code toString}
   */
  static String printed(SdkPojo pojo) {
    return printedForm(pojo);
  }

  /** The sensitive members of one structure; asks the instance only for members its class could not tell. */
  static final class Members {
    private final SdkPojo pojo;
    private final Map<String, Verdict> verdicts;
    private @Nullable String printed;

    private Members(SdkPojo pojo, Map<String, Verdict> verdicts) {
      this.pojo = pojo;
      this.verdicts = verdicts;
    }

    /**
     * Whether the SDK marks a member sensitive.
     *
     * @param field one of the structure's fields
     * @return true when its value must never be shown
     */
    boolean isSensitive(SdkField<?> field) {
      String name = key(field.memberName());
      Verdict verdict = verdicts.getOrDefault(name, Verdict.UNKNOWN);
      if (verdict != Verdict.UNKNOWN) {
        return verdict == Verdict.SENSITIVE;
      }
      if (printed == null) {
        printed = printedForm(pojo);
      }
      return verdictIn(printed, name) != Verdict.PLAIN;
    }
  }

  private static Map<String, Verdict> derive(Class<?> type) {
    Method builder = staticBuilder(type);
    if (builder == null) {
      return Map.of();
    }
    Object first = newBuilder(builder);
    if (!(first instanceof SdkPojo shape)) {
      return Map.of();
    }
    Map<String, Verdict> verdicts = new HashMap<>();
    for (SdkField<?> field : shape.sdkFields()) {
      String name = key(field.memberName());
      Verdict verdict = probe(builder, field, name);
      // Two members whose names differ only in case: the stricter verdict wins.
      verdicts.merge(name, verdict, (a, b) -> a == Verdict.PLAIN ? b : a);
    }
    return Map.copyOf(verdicts);
  }

  private static Verdict probe(Method builder, SdkField<?> field, String name) {
    try {
      Object value = probeValue(field);
      Object fresh = newBuilder(builder);
      if (value == null || !(fresh instanceof SdkBuilder<?, ?> sdkBuilder)) {
        return Verdict.UNKNOWN;
      }
      field.set(fresh, value);
      return verdictIn(String.valueOf(sdkBuilder.build()), name);
    } catch (RuntimeException e) {
      return Verdict.UNKNOWN;
    }
  }

  /** A non-null value of the member's type, or null when there is no safe one. */
  private static @Nullable Object probeValue(SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return "opskit-probe";
    } else if (type == MarshallingType.INTEGER) {
      return 1;
    } else if (type == MarshallingType.LONG) {
      return 1L;
    } else if (type == MarshallingType.SHORT) {
      return (short) 1;
    } else if (type == MarshallingType.BYTE) {
      return (byte) 1;
    } else if (type == MarshallingType.FLOAT) {
      return 1f;
    } else if (type == MarshallingType.DOUBLE) {
      return 1d;
    } else if (type == MarshallingType.BIG_DECIMAL) {
      return BigDecimal.ONE;
    } else if (type == MarshallingType.BOOLEAN) {
      return true;
    } else if (type == MarshallingType.INSTANT) {
      return Instant.EPOCH;
    } else if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromUtf8String("opskit-probe");
    } else if (type == MarshallingType.LIST) {
      // An explicitly empty list is "set" for the SDK (unlike its auto-construct list), so toString prints it.
      return List.of();
    } else if (type == MarshallingType.MAP) {
      return Map.of();
    } else if (type == MarshallingType.DOCUMENT) {
      return Document.fromString("opskit-probe");
    } else if (type == MarshallingType.SDK_POJO) {
      Supplier<SdkPojo> constructor = field.constructor();
      return constructor != null && constructor.get() instanceof SdkBuilder<?, ?> nested ? nested.build() : null;
    }
    return null;
  }

  /**
   * How a {@code ToString}-style text ({@code Type(A=1, B=*** Sensitive Data Redacted ***)}) shows a member:
   * redacted, in clear, or not at all. Member names are compared ignoring case ({@code SdkField} may
   * spell {@code arn} where {@code toString} prints {@code Arn}).
   */
  private static Verdict verdictIn(String printed, String name) {
    String text = printed.toLowerCase(Locale.ROOT);
    String sensitive = name + "=" + SDK_REDACTED.toLowerCase(Locale.ROOT);
    if (text.contains("(" + sensitive) || text.contains(", " + sensitive)) {
      return Verdict.SENSITIVE;
    }
    if (text.contains("(" + name + "=") || text.contains(", " + name + "=")) {
      return Verdict.PLAIN;
    }
    return Verdict.UNKNOWN;
  }

  private static String printedForm(SdkPojo pojo) {
    try {
      return String.valueOf(pojo);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static @Nullable Method staticBuilder(Class<?> type) {
    try {
      Method method = type.getMethod("builder");
      return Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException | SecurityException e) {
      return null;
    }
  }

  private static @Nullable Object newBuilder(Method builder) {
    try {
      return builder.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String key(String memberName) {
    return memberName.toLowerCase(Locale.ROOT);
  }
}
