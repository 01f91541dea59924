package dev.opskit.test;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 extension that runs tests against one AWS API emulator per test JVM. Apply it with
 * {@link OpsEmulatorTest} (or {@code @ExtendWith(OpsEmulatorExtension.class)}).
 *
 * <ul>
 *   <li>The emulator is {@linkplain Emulator#start() started} when a test first needs it, shared by every
 *       test class of the run, and stopped when the run ends.
 *   <li>Its state is {@linkplain Emulator#reset() reset} before each top-level test class, so a class
 *       never sees what another made. {@link Nested} classes share the state of their enclosing class.
 *   <li>Parameters it resolves: {@link OpsContext} (bound to the emulator, fresh for each test method,
 *       closed after it, with a fresh {@link InMemoryAuditSink} as its audit sink),
 *       {@link InMemoryAuditSink} (that same sink), {@link Emulator}, and {@link URI} (the endpoint).
 *   <li>When no emulator can be had, a test fails where the environment variable {@code CI} is set (any
 *       value but {@code false}), and is aborted (reported as skipped) elsewhere; either way with a message
 *       that says how to get one. A test never passes without an emulator.
 * </ul>
 */
public final class OpsEmulatorExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpsEmulatorExtension.class);
  private static final Set<Class<?>> RESOLVED = Set.of(OpsContext.class, InMemoryAuditSink.class, Emulator.class, URI.class);

  /** Creates the extension; JUnit does this. */
  public OpsEmulatorExtension() {}

  /** Resets the emulator before each top-level test class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
      emulator(context).reset();
    }
  }

  /** Supports {@link OpsContext}, {@link InMemoryAuditSink}, {@link Emulator} and {@link URI}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  /** Resolves one of the supported parameters. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Emulator.class) {
      return emulator(context);
    }
    if (type == URI.class) {
      return emulator(context).endpoint();
    }
    TestContext test =
        context.getStore(NAMESPACE).getOrComputeIfAbsent(TestContext.class, k -> TestContext.open(emulator(context)), TestContext.class);
    return type == OpsContext.class ? test.context() : test.sink();
  }

  private static Emulator emulator(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(RunEmulator.class, k -> RunEmulator.start(), RunEmulator.class)
        .get(System.getenv());
  }

  /**
   * What a test sees when there is no emulator: on CI the failure itself, elsewhere an aborted test.
   *
   * @param failure why there is none, with instructions
   * @param env the environment, read for {@code CI}
   * @return the exception to throw
   */
  static RuntimeException unavailable(EmulatorUnavailableException failure, Map<String, String> env) {
    String ci = env.get("CI");
    boolean onCi = ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci.strip());
    return onCi ? failure : new TestAbortedException(failure.getMessage(), failure);
  }

  /**
   * The emulator of the test run, or why it could not be started (kept, so that later classes do not try
   * again). Stored in the root context: JUnit closes it when the run ends.
   */
  private record RunEmulator(@Nullable Emulator emulator, @Nullable RuntimeException failure) implements AutoCloseable {
    static RunEmulator start() {
      try {
        return new RunEmulator(Emulator.start(), null);
      } catch (RuntimeException e) {
        return new RunEmulator(null, e);
      }
    }

    Emulator get(Map<String, String> env) {
      if (emulator != null) {
        return emulator;
      }
      throw failure instanceof EmulatorUnavailableException none ? unavailable(none, env) : failure;
    }

    @Override
    public void close() {
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /** One test's context and its audit sink. Stored in the test's context: closed after the test. */
  private record TestContext(InMemoryAuditSink sink, OpsContext context) implements AutoCloseable {
    static TestContext open(Emulator emulator) {
      InMemoryAuditSink sink = new InMemoryAuditSink();
      return new TestContext(sink, emulator.contextBuilder().auditSink(sink).build());
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
