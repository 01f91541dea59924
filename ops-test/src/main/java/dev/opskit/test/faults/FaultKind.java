package dev.opskit.test.faults;

import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.FaultInjectingProxy.Request;
import dev.opskit.test.FaultInjectingProxy.Rule;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The faults {@link FaultSuite} injects into the requests that make an operation's change. "Once" means
 * the first such request only (the SDK's retry then gets through); "every attempt" and "past the budget"
 * mean every such request, so the SDK's retry budget ({@code RetryPolicy.maxAttempts}) is spent.
 */
public enum FaultKind {
  /** The first request reaches the emulator, its response is lost; the SDK sends it again. */
  LOST_RESPONSE_ONCE("lost response once", Fault.loseResponse(), 1),
  /** Every request reaches the emulator and every response is lost. */
  LOST_RESPONSE_EVERY_ATTEMPT("lost response on every attempt", Fault.loseResponse(), -1),
  /** The first request is answered HTTP 500 without reaching the emulator. */
  SERVER_ERROR_ONCE("500 once", Fault.serverError(), 1),
  /** The first request is answered HTTP 503 ServiceUnavailable without reaching the emulator. */
  UNAVAILABLE_ONCE("503 once", Fault.serviceUnavailable(), 1),
  /** Every request is answered HTTP 500 without reaching the emulator. */
  SERVER_ERROR_PAST_BUDGET("500 past the budget", Fault.serverError(), -1),
  /** The first request is answered with throttling, in the protocol's shape, without reaching the emulator. */
  THROTTLED_ONCE("throttled once", Fault.throttling(), 1),
  /** Every request is answered with throttling without reaching the emulator. */
  THROTTLED_PAST_BUDGET("throttled past the budget", Fault.throttling(), -1),
  /** The first request's connection is reset before it reaches the emulator. */
  RESET_BEFORE_FORWARDING("reset before forwarding", Fault.resetBeforeForwarding(), 1),
  /** The first request reaches the emulator, then its connection is reset instead of answered. */
  RESET_AFTER_FORWARDING("reset after forwarding", Fault.resetAfterForwarding(), 1),
  /** Every request reaches the emulator and is answered {@value #SLOW_MILLIS} ms late. */
  SLOW_RESPONSE("slow response", Fault.delay(Duration.ofMillis(FaultKind.SLOW_MILLIS)), -1);

  /** How late {@link #SLOW_RESPONSE} answers, in milliseconds. */
  public static final long SLOW_MILLIS = 150;

  private final String description;
  private final Fault fault;
  private final int times;

  FaultKind(String description, Fault fault, int times) {
    this.description = description;
    this.fault = fault;
    this.times = times;
  }

  /** {@return the proxy's fault} */
  public Fault fault() {
    return fault;
  }

  /** {@return whether only the first matching request gets the fault} */
  public boolean once() {
    return times == 1;
  }

  /**
   * Whether no request can get through: every attempt is answered with an error (or reset) without
   * reaching the emulator. The operation must then fail, and the emulator must be unchanged.
   *
   * @return true when none can
   */
  public boolean blocksEveryAttempt() {
    return !once() && !fault.forwards();
  }

  /**
   * Adds this fault's rule to a proxy.
   *
   * @param proxy the proxy
   * @param requests the requests it applies to
   * @return the rule, whose counts are live
   */
  public Rule install(FaultInjectingProxy proxy, Predicate<Request> requests) {
    FaultInjectingProxy.RuleBuilder rule = proxy.when(requests);
    return (once() ? rule.next(1) : rule.always()).inject(fault);
  }

  /** Such as {@code lost response once}. */
  @Override
  public String toString() {
    return description;
  }
}
