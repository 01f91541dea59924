package dev.opskit.test.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.FaultInjectingProxy.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table-driven fault-injection suite: every {@link MutatingOperation} under every {@link FaultKind},
 * through a {@link FaultInjectingProxy} in front of an emulator. For each pair, {@link #check} asserts
 *
 * <ul>
 *   <li><b>either</b> the call returned, its fault was injected, and the emulator shows the change exactly
 *       once (one more resource for a create, one fewer for a delete, the state for a setting), counted
 *       directly and not through the proxy; <b>or</b> it threw a subclass of {@link OpsException};
 *   <li>the audit trail matches what the caller saw: when the call threw, no event {@code SUCCEEDED} and,
 *       when any change request was sent, the last event {@code FAILED}; when it returned, the last event
 *       {@code SUCCEEDED};
 *   <li>when every attempt is refused without reaching the emulator ({@link FaultKind#blocksEveryAttempt()}),
 *       the call threw (a {@link ThrottledException} or {@link ServiceException} in its causes), the
 *       emulator is unchanged, and exactly {@link RetryPolicy#maxAttempts()} requests were sent.
 * </ul>
 *
 * <p>What happened in each row (outcome, audit trail, faults injected, counts) is logged at DEBUG by
 * this class's logger.
 *
 * <p>A module adds its rows in a failsafe test:
 *
 * <pre>{@code
 * @OpsEmulatorTest
 * class FaultInjectionIT {
 *   static final List<MutatingOperation> OPERATIONS = List.of(...);
 *
 *   static Stream<Object[]> rows() {
 *     return FaultSuite.matrix(OPERATIONS);
 *   }
 *
 *   @ParameterizedTest(name = "{0} / {1}")
 *   @MethodSource("rows")
 *   void holdsUnderFaults(MutatingOperation operation, FaultKind fault, Emulator emulator) {
 *     FaultSuite.check(emulator, operation, fault);
 *   }
 * }
 * }</pre>
 */
public final class FaultSuite {
  private static final Logger LOG = LoggerFactory.getLogger(FaultSuite.class);
  /**
   * The retry budget of the context under test: the default number of attempts, with backoff of 1 to
   * 10 ms so that a row takes milliseconds, not seconds.
   */
  public static final RetryPolicy RETRY =
      RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(10)).withOperationAttempts(3, Duration.ofMillis(10));

  private FaultSuite() {}

  /**
   * Every row with every fault kind it runs under, in order, as arguments for a JUnit
   * {@code @MethodSource}: {@code {operation, kind}}.
   *
   * @param operations the rows
   * @return the pairs
   */
  public static Stream<Object[]> matrix(List<MutatingOperation> operations) {
    return operations.stream().flatMap(op -> Arrays.stream(FaultKind.values())
        .filter(op.kinds()::contains)
        .map(kind -> new Object[] {op, kind}));
  }

  /**
   * Runs one operation under one fault and asserts the suite's rules (see the class). The emulator is
   * reset first.
   *
   * @param emulator the emulator
   * @param operation the operation
   * @param fault the fault
   * @throws AssertionError when a rule does not hold; the message tells what happened
   */
  public static void check(Emulator emulator, MutatingOperation operation, FaultKind fault) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fault, "fault");
    emulator.reset();
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
        OpsContext direct = emulator.contextBuilder().build();
        OpsContext ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit).retryPolicy(RETRY).build()) {
      operation.prepare(direct);
      MutatingOperation.Effect effect = operation.effectCheck();
      int before = effect.count().applyAsInt(direct);
      assertThat(effect.badStart(before)).as("%s: before the call (%d found), the emulator is ready for it: %s", operation, before, effect)
          .isNull();
      Rule rule = fault.install(proxy, operation.changes());
      operation.background().forEach(b -> proxy.when(b.requests()).inject(b.fault()));

      Throwable thrown = catchThrowable(() -> operation.run(ctx));

      proxy.clearRules();
      int after = effect.count().applyAsInt(direct);
      int sent = proxy.count(operation.changes());
      List<AuditEvent> events = audit.events();
      String story = story(operation, fault, thrown, events, rule, sent, effect, before, after);
      LOG.debug("{}", story);
      if (thrown == null) {
        assertThat(rule.injected()).as("%s%nthe fault was injected (else the row tests nothing)", story).isPositive();
        assertThat(after).as("%s%non return, the emulator shows the change exactly once", story).isEqualTo(effect.expectedAfter(before));
        assertThat(events).as("%s%non return, the change was audited", story).isNotEmpty();
        assertThat(events.get(events.size() - 1).outcome()).as("%s%nthe last event of a call that returned is SUCCEEDED", story)
            .isEqualTo(Outcome.SUCCEEDED);
      } else {
        assertThat(thrown).as("%s%na failure is a typed OpsKit exception", story).isInstanceOf(OpsException.class);
        assertThat(events).extracting(AuditEvent::outcome).as("%s%nno SUCCEEDED event for a call that threw", story)
            .doesNotContain(Outcome.SUCCEEDED);
        if (sent > 0) {
          assertThat(events).as("%s%na change request was sent, so the change was audited", story).isNotEmpty();
          assertThat(events.get(events.size() - 1).outcome()).as("%s%nthe last event of a call that threw is FAILED", story)
              .isEqualTo(Outcome.FAILED);
        }
      }
      if (fault.blocksEveryAttempt()) {
        assertThat(thrown).as("%s%nevery attempt was refused, so the call fails", story).isNotNull();
        assertThat(after).as("%s%nno request reached the emulator, so it is unchanged", story).isEqualTo(before);
        if (sent > 0) {
          assertThat(sent).as("%s%nthe SDK sent RetryPolicy.maxAttempts requests, no more", story).isEqualTo(RETRY.maxAttempts());
          Class<? extends OpsException> expected = fault == FaultKind.THROTTLED_PAST_BUDGET ? ThrottledException.class : ServiceException.class;
          assertThat(causes(thrown)).as("%s%nthe failure says why", story).hasAtLeastOneElementOfType(expected);
        }
      }
    }
  }

  private static List<Throwable> causes(@Nullable Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String story(MutatingOperation operation, FaultKind fault, @Nullable Throwable thrown, List<AuditEvent> events,
      Rule rule, int sent, MutatingOperation.Effect effect, int before, int after) {
    String outcome = thrown == null ? "returned" : "threw " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    String trail = events.stream().map(e -> e.operation() + " " + e.target() + " " + e.outcome()
        + (e.detail() == null ? "" : " (" + e.detail() + ")")).collect(Collectors.joining("; ", "[", "]"));
    return operation + " under " + fault + ": " + outcome
        + "\n  audit: " + trail
        + "\n  proxy: " + rule + "; change requests received: " + sent
        + "\n  emulator: " + effect + ": " + before + " before, " + after + " after";
  }
}
