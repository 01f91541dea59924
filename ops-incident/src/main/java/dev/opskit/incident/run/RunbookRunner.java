package dev.opskit.incident.run;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressListener;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.internal.RunnerImpl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs runbooks in process on a context. Every AWS call that changes something goes through the context's
 * gate (so a dry-run context plans every call with its resolved parameters and sends none); reads
 * ({@code Describe*}, {@code Get*}, {@code List*}) go through core's {@code Reads}. Every step is audited to
 * the context's audit sink (operation {@code runbook:Step}: start, duration, outcome, outputs with secrets
 * redacted) and reported to the progress listener; the journal is written as the run goes.
 *
 * <pre>{@code
 * Execution run = RunbookRunner.builder(ctx).approvals(Approvals.autoApprove()).build()
 *     .run(restart, Map.of("Cluster", "prod", "Service", "api"));
 * System.out.println(run.toText());
 * }</pre>
 */
public interface RunbookRunner {

  /**
   * A runner with the defaults: no approvals configured, the JSON-lines journal in
   * {@code ${java.io.tmpdir}/opskit-executions}, random execution ids.
   *
   * @param ctx the context
   * @return the runner
   */
  static RunbookRunner using(OpsContext ctx) {
    return builder(ctx).build();
  }

  /**
   * Starts configuring a runner.
   *
   * @param ctx the context
   * @return a builder
   */
  static Builder builder(OpsContext ctx) {
    return new Builder(Checks.present("ctx", ctx, "a context"));
  }

  /**
   * Runs a runbook. Arguments are checked against the parameters (unknown, missing, wrong type, not
   * allowed), and every AWS step's operation and request members against the SDK, before any call.
   *
   * @param runbook the runbook
   * @param arguments the arguments by parameter name
   * @return what the execution did
   * @throws dev.opskit.core.ValidationException when the arguments or the runbook's requests are invalid
   */
  Execution run(Runbook runbook, Map<String, ?> arguments);

  /**
   * Resumes an interrupted execution after its last finished step; the steps that finished are not run again.
   *
   * @param runbook the runbook it ran (the same one)
   * @param executionId its id
   * @return what the execution did, the steps of before the interruption included
   * @throws dev.opskit.core.ValidationException when the journal has no such execution, it ran another
   *     runbook, or it finished
   */
  default Execution resume(Runbook runbook, String executionId) {
    return resume(runbook, executionId, Map.of());
  }

  /**
   * Resumes an interrupted execution, giving again the secret arguments the journal does not keep.
   *
   * @param runbook the runbook it ran
   * @param executionId its id
   * @param secretArguments the values of secret parameters
   * @return what the execution did
   * @throws dev.opskit.core.ValidationException as {@link #resume(Runbook, String)} does
   */
  Execution resume(Runbook runbook, String executionId, Map<String, ?> secretArguments);

  /** Configures a {@link RunbookRunner}. */
  final class Builder {
    private final OpsContext ctx;
    private Approvals approvals = Approvals.none();
    private ExecutionJournal journal =
        ExecutionJournal.jsonLines(Path.of(System.getProperty("java.io.tmpdir"), "opskit-executions"));
    private final List<Runbook> runbooks = new ArrayList<>();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();
    private ProgressListener progress;

    private Builder(OpsContext ctx) {
      this.ctx = ctx;
      this.progress = ctx.progressListener();
    }

    /**
     * Sets how approvals are asked.
     *
     * @param value the approvals
     * @return this builder
     */
    public Builder approvals(Approvals value) {
      this.approvals = Checks.present("approvals", value, "approvals, such as Approvals.autoApprove()");
      return this;
    }

    /**
     * Sets the journal.
     *
     * @param value the journal
     * @return this builder
     */
    public Builder journal(ExecutionJournal value) {
      this.journal = Checks.present("journal", value, "a journal, such as ExecutionJournal.jsonLines(dir)");
      return this;
    }

    /**
     * Makes runbooks callable by {@code StepAction.ExecuteRunbook} steps, by name.
     *
     * @param values the runbooks
     * @return this builder
     */
    public Builder runbooks(Runbook... values) {
      runbooks.addAll(Checks.elements("runbooks", "runbooks", values));
      return this;
    }

    /**
     * Sets how execution ids are made.
     *
     * @param value the id source
     * @return this builder
     */
    public Builder executionIds(Supplier<String> value) {
      this.ids = Checks.present("executionIds", value, "an id source");
      return this;
    }

    /**
     * Sets where step progress goes (the context's listener by default).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder progress(ProgressListener value) {
      this.progress = Checks.present("progress", value, "a progress listener");
      return this;
    }

    /** {@return the runner} */
    public RunbookRunner build() {
      return new RunnerImpl(ctx, approvals, journal, runbooks, ids, progress);
    }
  }
}
