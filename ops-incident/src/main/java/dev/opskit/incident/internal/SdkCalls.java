package dev.opskit.incident.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * AWS calls named by service and action ({@code ecs}, {@code UpdateService}), resolved reflectively to the
 * SDK v2 client interface, its method and request class; requests built from plain values in AWS's member
 * names through the SDK's own builders and field descriptions ({@link SdkField}), answers turned back into
 * plain values with AWS's member names. What reflection decides is cached.
 */
public final class SdkCalls {
  /** SSM's (boto3's) service names whose SDK v2 package is named differently. */
  private static final Map<String, String> PACKAGES = Map.ofEntries(
      Map.entry("elbv2", "elasticloadbalancingv2"),
      Map.entry("logs", "cloudwatchlogs"),
      Map.entry("stepfunctions", "sfn"),
      Map.entry("states", "sfn"),
      Map.entry("events", "eventbridge"),
      Map.entry("monitoring", "cloudwatch"),
      Map.entry("application-autoscaling", "applicationautoscaling"),
      Map.entry("cognito-idp", "cognitoidentityprovider"),
      Map.entry("secretsmanager", "secretsmanager"));

  private static final Map<String, Optional<Operation>> OPERATIONS = new ConcurrentHashMap<>();
  private static final Map<String, Optional<Class<?>>> CLIENTS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Class<?>> BUILT = new ConcurrentHashMap<>();

  private SdkCalls() {}

  /**
   * One resolved API operation.
   *
   * @param service the service as the runbook names it
   * @param action the action as the runbook names it
   * @param clientType the SDK client interface
   * @param method the client method taking the request
   * @param requestType the request class
   * @param responseType the response class
   */
  public record Operation(String service, String action, Class<?> clientType, Method method, Class<?> requestType,
      Class<?> responseType) {

    /** {@return {@code service:Action}, as IAM and the audit trail name it} */
    public String name() {
      return service + ":" + action;
    }

    /** {@return whether the action only reads ({@code Describe*}, {@code Get*}, {@code List*})} */
    public boolean isRead() {
      return action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("List");
    }

    /** {@return the SDK method name, which Step Functions' aws-sdk integrations use ({@code updateService})} */
    public String sdkMethodName() {
      return method.getName();
    }

    /** {@return the SDK v2 package name of the service, which Step Functions' aws-sdk integrations use} */
    public String sdkServiceName() {
      String pkg = clientType.getPackageName();
      return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** {@return whether the answer carries a page token (so one call reads one page)} */
    public boolean isPaginated() {
      Map<String, SdkField<?>> fields = fieldsOfBuilt(responseType);
      return fields.containsKey("nexttoken") || fields.containsKey("marker") || fields.containsKey("nextmarker");
    }
  }

  /**
   * Resolves an operation.
   *
   * @param service such as {@code ecs}
   * @param action such as {@code UpdateService}
   * @return the operation
   * @throws ValidationException when the service's SDK module is not on the class path or has no such action
   */
  public static Operation resolve(String service, String action) {
    return find(service, action).orElseThrow(() -> {
      if (client(service).isEmpty()) {
        return ValidationException.of("service", service, "a service whose AWS SDK v2 module is on the class path"
            + " (software.amazon.awssdk:" + packageOf(service) + ")");
      }
      return ValidationException.of(service + " action", action, "an API action of " + service);
    });
  }

  /**
   * Resolves an operation when it can be.
   *
   * @param service such as {@code ecs}
   * @param action such as {@code UpdateService}
   * @return the operation, or empty when the SDK module is missing or has no such action
   */
  public static Optional<Operation> find(String service, String action) {
    return OPERATIONS.computeIfAbsent(service + ":" + action, k -> {
      Optional<Class<?>> client = client(service);
      if (client.isEmpty()) {
        return Optional.empty();
      }
      for (Method m : client.get().getMethods()) {
        if (m.getName().equalsIgnoreCase(action) && m.getParameterCount() == 1
            && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
          return Optional.of(new Operation(service, action, client.get(), m, m.getParameterTypes()[0], m.getReturnType()));
        }
      }
      return Optional.empty();
    });
  }

  private static String packageOf(String service) {
    return PACKAGES.getOrDefault(service, service.replace("-", ""));
  }

  private static Optional<Class<?>> client(String service) {
    return CLIENTS.computeIfAbsent(service, s -> {
      String pkg = "software.amazon.awssdk.services." + packageOf(s);
      ClassLoader loader = SdkCalls.class.getClassLoader();
      for (String simple : classesIn(loader, pkg.replace('.', '/'))) {
        if (simple.endsWith("Client") && !simple.endsWith("AsyncClient") && !simple.contains("$")) {
          try {
            Class<?> c = Class.forName(pkg + "." + simple, false, loader);
            if (c.isInterface() && software.amazon.awssdk.core.SdkClient.class.isAssignableFrom(c)) {
              return Optional.of(c);
            }
          } catch (ClassNotFoundException | LinkageError e) {
            // not a client class after all
          }
        }
      }
      return Optional.empty();
    });
  }

  /** The simple names of the classes directly in a package, from its jar or directory. */
  private static List<String> classesIn(ClassLoader loader, String path) {
    List<String> names = new ArrayList<>();
    try {
      Enumeration<URL> urls = loader.getResources(path + "/");
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if (url.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
              String n = e.nextElement().getName();
              if (n.startsWith(path + "/") && n.endsWith(".class") && n.indexOf('/', path.length() + 1) < 0) {
                names.add(n.substring(path.length() + 1, n.length() - 6));
              }
            }
          }
        } else if (url.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                .forEach(n -> names.add(n.substring(0, n.length() - 6)));
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      return names;
    }
    Collections.sort(names);
    return names;
  }

  /**
   * The client of an operation, made and cached by the context.
   *
   * @param ctx the context
   * @param op the operation
   * @return the client
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object client(OpsContext ctx, Operation op) {
    Method builder;
    try {
      builder = op.clientType().getMethod("builder");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(op.clientType() + " has no builder()", e);
    }
    Supplier supplier = () -> invokeStatic(builder);
    Class raw = op.clientType();
    return ctx.client(raw, supplier);
  }

  /**
   * Builds the request of an operation from plain values in AWS's member names (SDK v2 PascalCase names
   * are accepted too: member names match ignoring case).
   *
   * @param op the operation
   * @param inputs the values
   * @param where the field, as a message names it
   * @return the SDK request
   * @throws ValidationException naming an unknown member or a value of the wrong type
   */
  public static SdkRequest request(Operation op, Map<String, Object> inputs, String where) {
    Object builder = invokeStatic(method(op.requestType(), "builder"));
    fill((SdkPojo) builder, inputs, where, op.requestType().getSimpleName(), false);
    return (SdkRequest) ((SdkBuilder<?, ?>) builder).build();
  }

  /**
   * Checks inputs against an operation's request before any call: every member name, at any depth, and
   * every literal value's type; texts holding references are checked once resolved.
   *
   * @param op the operation
   * @param inputs the inputs as written in the runbook
   * @param where the field, as a message names it
   * @throws ValidationException naming an unknown member or a value of the wrong type
   */
  public static void check(Operation op, Map<String, Object> inputs, String where) {
    Object builder = invokeStatic(method(op.requestType(), "builder"));
    fill((SdkPojo) builder, inputs, where, op.requestType().getSimpleName(), true);
  }

  /**
   * Calls the SDK method.
   *
   * @param op the operation
   * @param client the client
   * @param request the request
   * @return the answer
   */
  public static Object invoke(Operation op, Object client, Object request) {
    try {
      return op.method().invoke(client, request);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An SDK answer as plain values, keyed by AWS's member names; unset members left out.
   *
   * @param value the answer or part of it
   * @return the plain value
   */
  public static @Nullable Object plain(@Nullable Object value) {
    return plain(value, new java.util.HashSet<>());
  }

  /**
   * An SDK answer as plain values, collecting the texts of members the SDK marks sensitive (its
   * {@code toString} prints them redacted), so they can be kept out of audit, reports and journal.
   *
   * @param value the answer or part of it
   * @param secrets where the sensitive texts are added
   * @return the plain value
   */
  public static @Nullable Object plain(@Nullable Object value, java.util.Set<String> secrets) {
    if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> out = new LinkedHashMap<>();
      String printed = pojo.toString();
      for (SdkField<?> f : pojo.sdkFields()) {
        Object v = plain(f.getValueOrDefault(pojo), secrets);
        if (v != null) {
          out.put(f.memberName(), v);
          if (v instanceof String s && printed.contains(f.memberName() + "=*** Sensitive Data Redacted ***")) {
            secrets.add(s);
          }
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        Object v = plain(o, secrets);
        out.add(v == null ? "" : v);
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        Object p = plain(v, secrets);
        if (p != null) {
          out.put(String.valueOf(k), p);
        }
      });
      return out;
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof SdkBytes b) {
      return Base64.getEncoder().encodeToString(b.asByteArray());
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Enum<?> e) {
      return e.toString();
    }
    return value;
  }

  /**
   * The SDK v2 PascalCase name of a member (Step Functions' casing): {@code DBInstanceIdentifier} of an RDS
   * request is {@code DbInstanceIdentifier}.
   *
   * @param pojoType the request, response or structure class
   * @param memberName the member, in AWS's name or any casing
   * @return the PascalCase name, or empty when the class has no such member
   */
  public static Optional<String> sdkName(Class<?> pojoType, String memberName) {
    SdkField<?> f = fieldsOfBuilt(pojoType).get(memberName.toLowerCase(Locale.ROOT));
    if (f == null) {
      return Optional.empty();
    }
    for (Method m : pojoType.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase(f.memberName())) {
        String n = m.getName();
        return Optional.of(Character.toUpperCase(n.charAt(0)) + n.substring(1));
      }
    }
    return Optional.of(f.memberName());
  }

  /**
   * The class of a structure member (or of a list's or map's elements), for walking nested names.
   *
   * @param pojoType the class holding the member
   * @param memberName the member
   * @return the structure class, or empty when the member is not a structure (or list/map of them)
   */
  public static Optional<Class<?>> memberType(Class<?> pojoType, String memberName) {
    SdkField<?> f = fieldsOfBuilt(pojoType).get(memberName.toLowerCase(Locale.ROOT));
    while (f != null) {
      if (f.marshallingType() == MarshallingType.SDK_POJO) {
        return Optional.of(builtClass(f));
      }
      if (f.marshallingType() == MarshallingType.LIST) {
        f = f.getTrait(ListTrait.class).memberFieldInfo();
      } else if (f.marshallingType() == MarshallingType.MAP) {
        f = f.getTrait(MapTrait.class).valueFieldInfo();
      } else {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Class<?> builtClass(SdkField<?> f) {
    SdkPojo b = f.constructor().get();
    return BUILT.computeIfAbsent(b.getClass(), k -> ((SdkBuilder<?, ?>) b).build().getClass());
  }

  private static Map<String, SdkField<?>> fieldsOfBuilt(Class<?> pojoType) {
    return FIELDS.computeIfAbsent(pojoType, t -> {
      Map<String, SdkField<?>> out = new LinkedHashMap<>();
      Method builder = method(t, "builder");
      SdkPojo b = (SdkPojo) invokeStatic(builder);
      for (SdkField<?> f : b.sdkFields()) {
        out.put(f.memberName().toLowerCase(Locale.ROOT), f);
      }
      return out;
    });
  }

  private static Map<String, SdkField<?>> fieldsOf(SdkPojo builder) {
    Map<String, SdkField<?>> out = new LinkedHashMap<>();
    for (SdkField<?> f : builder.sdkFields()) {
      out.put(f.memberName().toLowerCase(Locale.ROOT), f);
    }
    return out;
  }

  private static void fill(SdkPojo builder, Map<?, ?> inputs, String where, String typeName, boolean lenient) {
    Map<String, SdkField<?>> fields = fieldsOf(builder);
    for (Map.Entry<?, ?> e : inputs.entrySet()) {
      String key = String.valueOf(e.getKey());
      SdkField<?> f = fields.get(key.toLowerCase(Locale.ROOT));
      if (f == null) {
        List<String> names = builder.sdkFields().stream().map(SdkField::memberName).toList();
        throw ValidationException.of(where + "." + key, key, "a member of " + typeName + ": " + names);
      }
      Object converted = convert(f, e.getValue(), where + "." + key, lenient);
      if (converted != null) {
        f.set(builder, converted);
      }
    }
  }

  private static @Nullable Object convert(SdkField<?> f, @Nullable Object v, String where, boolean lenient) {
    MarshallingType<?> t = f.marshallingType();
    if (v == null || (lenient && v instanceof String s && s.contains("{{"))) {
      return null;
    }
    if (t == MarshallingType.STRING) {
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        return String.valueOf(v);
      }
    } else if (t == MarshallingType.INTEGER) {
      Long n = whole(v);
      if (n != null && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
        return n.intValue();
      }
    } else if (t == MarshallingType.LONG) {
      Long n = whole(v);
      if (n != null) {
        return n;
      }
    } else if (t == MarshallingType.SHORT) {
      Long n = whole(v);
      if (n != null && n >= Short.MIN_VALUE && n <= Short.MAX_VALUE) {
        return n.shortValue();
      }
    } else if (t == MarshallingType.DOUBLE || t == MarshallingType.FLOAT || t == MarshallingType.BIG_DECIMAL) {
      Double d = v instanceof Number n ? Double.valueOf(n.doubleValue())
          : v instanceof String s && s.matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?") ? Double.valueOf(s) : null;
      if (d != null) {
        return t == MarshallingType.DOUBLE ? d : t == MarshallingType.FLOAT ? (Object) d.floatValue() : BigDecimal.valueOf(d);
      }
    } else if (t == MarshallingType.BOOLEAN) {
      if (v instanceof Boolean) {
        return v;
      }
      if ("true".equals(v) || "false".equals(v)) {
        return Boolean.valueOf((String) v);
      }
    } else if (t == MarshallingType.INSTANT) {
      if (v instanceof String s && s.length() <= 40) {
        try {
          return Instant.parse(s);
        } catch (DateTimeParseException e) {
          throw ValidationException.of(where, v, "an ISO-8601 time such as 2026-12-01T10:00:00Z");
        }
      }
      Long n = whole(v);
      if (n != null) {
        return Instant.ofEpochSecond(n);
      }
    } else if (t == MarshallingType.SDK_BYTES) {
      if (v instanceof String s) {
        return SdkBytes.fromUtf8String(s);
      }
    } else if (t == MarshallingType.SDK_POJO) {
      if (v instanceof Map<?, ?> m) {
        SdkPojo nested = f.constructor().get();
        fill(nested, m, where, builtClass(f).getSimpleName(), lenient);
        return ((SdkBuilder<?, ?>) nested).build();
      }
    } else if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      List<?> items = v instanceof List<?> l ? l : List.of(v);
      List<Object> out = new ArrayList<>();
      for (Object o : items) {
        Object c = convert(member, o, where + "[]", lenient);
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    } else if (t == MarshallingType.MAP) {
      if (v instanceof Map<?, ?> m) {
        SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> {
          Object c = convert(value, x, where + "." + k, lenient);
          if (c != null) {
            out.put(String.valueOf(k), c);
          }
        });
        return out;
      }
    }
    throw ValidationException.of(where, v instanceof String || v instanceof Number || v instanceof Boolean ? v : Jsons.write(v),
        "a value of AWS type " + t);
  }

  private static @Nullable Long whole(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    if (v instanceof String s && s.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }

  private static Method method(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      if (!Modifier.isStatic(m.getModifiers())) {
        throw new IllegalStateException(type + "." + name + " is not static");
      }
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no " + name + "()", e);
    }
  }

  private static Object invokeStatic(Method m) {
    try {
      return m.invoke(null);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }
}
