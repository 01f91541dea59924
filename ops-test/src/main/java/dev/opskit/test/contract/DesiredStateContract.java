package dev.opskit.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import java.util.List;
import java.util.Objects;

/**
 * The one contract every desired-state type of OpsKit passes, against a real emulator (moto), an HTTP
 * stub shaped like AWS, or a fake: plan (it creates, or for settings of a resource that always exists,
 * updates), apply, plan again (empty), drift (empty), change one field (the
 * plan has exactly that field), dry-run apply (sends nothing, only {@link ChangeResult.Planned} results).
 *
 * <pre>{@code
 * DesiredStateContract.check(DesiredStateContract.of(alarms, dryRunAlarms, audit)
 *     .definitions(List.of(cpuAlarm))
 *     .changed(List.of(cpuAlarm.toBuilder().threshold(90).build()), "Threshold"));
 * }</pre>
 *
 * @param <D> the definition type
 */
public final class DesiredStateContract<D> {
  private final DesiredState<D> real;
  private final DesiredState<D> dryRun;
  private final InMemoryAuditSink audit;
  private List<? extends D> definitions = List.of();
  private List<? extends D> changed = List.of();
  private String changedField = "";
  private ResourceChange.Kind firstKind = ResourceChange.Kind.CREATE;

  private DesiredStateContract(DesiredState<D> real, DesiredState<D> dryRun, InMemoryAuditSink audit) {
    this.real = Objects.requireNonNull(real, "real");
    this.dryRun = Objects.requireNonNull(dryRun, "dryRun");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /**
   * Starts a contract.
   *
   * @param operations the operations on a context that applies
   * @param dryRunOperations the same operations on a dry-run context (same account and region)
   * @param audit the audit sink both contexts write to
   * @param <D> the definition type
   * @return the contract, to be given definitions
   */
  public static <D> DesiredStateContract<D> of(
      DesiredState<D> operations, DesiredState<D> dryRunOperations, InMemoryAuditSink audit) {
    return new DesiredStateContract<>(operations, dryRunOperations, audit);
  }

  /**
   * The definitions to make live (none of them live yet, or, with {@link #firstPlan}, not yet as defined).
   *
   * @param value the definitions
   * @return this contract
   */
  public DesiredStateContract<D> definitions(List<? extends D> value) {
    this.definitions = List.copyOf(value);
    return this;
  }

  /**
   * What the first plan does: {@link ResourceChange.Kind#CREATE} (the default) for definitions of resources
   * that are not live yet; {@link ResourceChange.Kind#UPDATE} for settings of a resource that always exists
   * (an RDS instance's automated-backup settings, a bucket's versioning), whose definitions never create.
   *
   * @param kind the kind of change the first plan holds
   * @return this contract
   */
  public DesiredStateContract<D> firstPlan(ResourceChange.Kind kind) {
    this.firstKind = Objects.requireNonNull(kind, "kind");
    return this;
  }

  /**
   * The same definitions with exactly one field of one of them changed.
   *
   * @param value the changed definitions
   * @param field the field that differs, as {@link FieldDiff#field()} names it
   * @return this contract
   */
  public DesiredStateContract<D> changed(List<? extends D> value, String field) {
    this.changed = List.copyOf(value);
    this.changedField = field;
    return this;
  }

  /** Runs the contract; fails with an assertion error saying which step broke it. */
  public void check() {
    assertThat(definitions).as("the contract needs definitions").isNotEmpty();
    Plan first = real.plan(definitions);
    assertThat(first.isEmpty()).as("a first plan creates something:%n%s", first.render()).isFalse();
    assertThat(first.changes(firstKind)).as("a first plan does %s:%n%s", firstKind.verb(), first.render()).isNotEmpty();

    ApplyResult applied = real.apply(first);
    assertThat(applied.isPlanned()).as("a real apply is not planned").isFalse();
    assertThat(applied.results()).extracting(a -> a.change().resource())
        .as("apply makes exactly the plan's changes")
        .containsExactlyElementsOf(first.drift().changes().stream().map(ResourceChange::resource).toList());

    Plan again = real.plan(definitions);
    assertThat(again.isEmpty()).as("after apply, the plan is empty:%n%s", again.render()).isTrue();
    assertThat(real.drift(definitions).changes()).as("after apply, there is no drift").isEmpty();

    assertThat(changed).as("the contract needs changed definitions").isNotEmpty();
    Plan update = real.plan(changed);
    assertThat(update.drift().changes()).as("one changed field is one update:%n%s", update.render())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
          assertThat(c.diffs()).extracting(FieldDiff::field).containsExactly(changedField);
        });
    assertThat(real.drift(changed).changes()).as("drift says the same").hasSize(1);

    audit.clear();
    Plan dryPlan = dryRun.plan(changed);
    ApplyResult planned = dryRun.apply(dryPlan);
    assertThat(planned.isPlanned()).as("a dry-run apply only plans").isTrue();
    assertThat(planned.results()).flatExtracting(ApplyResult.Applied::results)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).isInstanceOf(ChangeResult.Planned.class));
    assertThat(audit.events()).extracting(AuditEvent::outcome).as("a dry run sends nothing").containsOnly(Outcome.PLANNED);
    assertThat(real.plan(changed).drift().changes()).as("and changes nothing").hasSize(1);
  }
}
