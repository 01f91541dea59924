package dev.opskit.test.faults;

import dev.opskit.core.OpsContext;
import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.FaultInjectingProxy.Request;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link FaultSuite}: an operation that changes something in AWS, the requests that make the
 * change (where the faults go), how to prepare the emulator, and how to tell from the emulator whether
 * the change happened.
 *
 * <pre>{@code
 * MutatingOperation snapshot = MutatingOperation.named("rds snapshot(name)")
 *     .given(direct -> createInstance(direct, "orders-db"))
 *     .changes(action("CreateDBSnapshot"))
 *     .call(ctx -> Backups.using(ctx).rds("orders-db").snapshot(o -> o.name("before-upgrade")))
 *     .creates("manual snapshot before-upgrade", direct -> countSnapshots(direct, "before-upgrade"))
 *     .build();
 * }</pre>
 *
 * <p>The {@code given} step and the counting get a context bound to the emulator directly (not through
 * the proxy, with no faults); count with the raw SDK client of that context, so that the count does not
 * depend on the code under test. An operation in a suite makes one change under the faulted requests and
 * stops at its first failure.
 */
public final class MutatingOperation {
  private final String name;
  private final Predicate<Request> changes;
  private final Consumer<OpsContext> given;
  private final Consumer<OpsContext> call;
  private final Effect effect;
  private final List<Background> background;
  private final Set<FaultKind> kinds;

  private MutatingOperation(Builder b) {
    this.name = b.name;
    this.changes = Objects.requireNonNull(b.changes, "changes: the requests that make the change");
    this.given = b.given;
    this.call = Objects.requireNonNull(b.call, "call: what the operation does");
    this.effect = Objects.requireNonNull(b.effect, "creates, deletes or makes: how to see the change in the emulator");
    this.background = List.copyOf(b.background);
    this.kinds = Set.copyOf(b.kinds);
  }

  /**
   * Starts a row.
   *
   * @param name how the row is shown, such as {@code rds snapshot(name)}
   * @return a builder
   */
  public static Builder named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return new Builder(name);
  }

  /** {@return how the row is shown} */
  public String name() {
    return name;
  }

  /** {@return the requests that make the change; the suite's faults go into these} */
  public Predicate<Request> changes() {
    return changes;
  }

  /** {@return the fault kinds this row is run under (all of them unless the builder chose)} */
  public Set<FaultKind> kinds() {
    return kinds;
  }

  /** {@return what the change does, such as {@code creates manual snapshot before-upgrade}} */
  public String effect() {
    return effect.toString();
  }

  void prepare(OpsContext direct) {
    given.accept(direct);
  }

  void run(OpsContext throughProxy) {
    call.accept(throughProxy);
  }

  Effect effectCheck() {
    return effect;
  }

  List<Background> background() {
    return background;
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }

  /** A fault that stays in place for the whole row, on other requests than the change's. */
  record Background(Predicate<Request> requests, Fault fault) {}

  /** How a change shows in the emulator: a count before and after. */
  record Effect(String what, Type type, ToIntFunction<OpsContext> count) {
    enum Type { CREATES, DELETES, MAKES }

    /** The count that a call that returned must leave, given the count before it. */
    int expectedAfter(int before) {
      return switch (type) {
        case CREATES -> before + 1;
        case DELETES -> before - 1;
        case MAKES -> 1;
      };
    }

    /** Why the count before the call cannot be right, or null when it is. */
    @Nullable String badStart(int before) {
      return switch (type) {
        case CREATES -> before < 0 ? "a negative count" : null;
        case DELETES -> before < 1 ? "nothing to delete" : null;
        case MAKES -> before != 0 ? "it already holds" : null;
      };
    }

    @Override
    public String toString() {
      return switch (type) {
        case CREATES -> "creates " + what;
        case DELETES -> "deletes " + what;
        case MAKES -> "makes " + what;
      };
    }
  }

  /** Builds a {@link MutatingOperation}. */
  public static final class Builder {
    private final String name;
    private @Nullable Predicate<Request> changes;
    private Consumer<OpsContext> given = ctx -> { };
    private @Nullable Consumer<OpsContext> call;
    private @Nullable Effect effect;
    private final List<Background> background = new ArrayList<>();
    private Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);

    private Builder(String name) {
      this.name = name;
    }

    /**
     * The requests that make the change, such as {@code action("CreateDBSnapshot")}; the suite's faults
     * go into these, and only these.
     *
     * @param requests the condition
     * @return this builder
     */
    public Builder changes(Predicate<Request> requests) {
      this.changes = Objects.requireNonNull(requests, "requests");
      return this;
    }

    /**
     * Prepares the emulator before the call (an instance to snapshot, a table to back up...), on a
     * context bound to the emulator directly. The emulator is empty before it.
     *
     * @param setup the preparation
     * @return this builder
     */
    public Builder given(Consumer<OpsContext> setup) {
      this.given = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /**
     * The operation under test, on a context whose endpoint is the fault-injecting proxy.
     *
     * @param call the operation; what it returns is not looked at
     * @return this builder
     */
    public Builder call(Consumer<OpsContext> call) {
      this.call = Objects.requireNonNull(call, "call");
      return this;
    }

    /**
     * The change creates one resource: a call that returned must leave exactly one more than before.
     *
     * @param what such as {@code manual snapshot before-upgrade}
     * @param count how many there are, read with the raw SDK client of the direct context
     * @return this builder
     */
    public Builder creates(String what, ToIntFunction<OpsContext> count) {
      this.effect = new Effect(Objects.requireNonNull(what, "what"), Effect.Type.CREATES, Objects.requireNonNull(count, "count"));
      return this;
    }

    /**
     * The change deletes one resource: a call that returned must leave exactly one fewer than before.
     *
     * @param what such as {@code manual snapshot nightly-1}
     * @param count how many there are, read with the raw SDK client of the direct context
     * @return this builder
     */
    public Builder deletes(String what, ToIntFunction<OpsContext> count) {
      this.effect = new Effect(Objects.requireNonNull(what, "what"), Effect.Type.DELETES, Objects.requireNonNull(count, "count"));
      return this;
    }

    /**
     * The change makes a state hold (a setting changed): false before the call, true after one that returned.
     *
     * @param what such as {@code versioning enabled on app-data}
     * @param holds whether it holds, read with the raw SDK client of the direct context
     * @return this builder
     */
    public Builder makes(String what, Predicate<OpsContext> holds) {
      Objects.requireNonNull(holds, "holds");
      this.effect = new Effect(Objects.requireNonNull(what, "what"), Effect.Type.MAKES, ctx -> holds.test(ctx) ? 1 : 0);
      return this;
    }

    /**
     * A fault that stays in place for the whole row on other requests, such as the reads an operation
     * makes after its change ({@code amzTarget("DynamoDB_20120810.ListBackups")} always throttled).
     *
     * @param requests which requests
     * @param fault the fault, injected into every one of them
     * @return this builder
     */
    public Builder alsoInjecting(Predicate<Request> requests, Fault fault) {
      background.add(new Background(Objects.requireNonNull(requests, "requests"), Objects.requireNonNull(fault, "fault")));
      return this;
    }

    /**
     * Runs the row under these fault kinds only (all of them by default).
     *
     * @param first a kind
     * @param more more kinds
     * @return this builder
     */
    public Builder under(FaultKind first, FaultKind... more) {
      this.kinds = EnumSet.of(first, more);
      return this;
    }

    /**
     * Builds the row.
     *
     * @return the row
     * @throws NullPointerException when {@code changes}, {@code call} or the effect is missing
     */
    public MutatingOperation build() {
      return new MutatingOperation(this);
    }
  }
}
