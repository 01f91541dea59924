package dev.opskit.incident;

import java.util.Map;

/**
 * A step written in Java, for what AWS's engines cannot express (any OpsKit call, a paginated read, a
 * computation). It runs in the runner only; an export lists it as a gap. Its OpsKit calls go through
 * {@link Context#ops()}, whose gate plans instead of sending in a dry run.
 */
@FunctionalInterface
public interface JavaStep {

  /**
   * Runs the step.
   *
   * @param context the run's context, arguments and earlier outputs
   * @return the step's outputs, by name (texts, numbers, booleans, lists, maps); declared ones must be present
   */
  Map<String, Object> run(Context context);

  /** What a Java step sees of the run. */
  interface Context {
    /** {@return the OpsKit context of the run (dry-run when the run is)} */
    dev.opskit.core.OpsContext ops();

    /**
     * Resolves a reference.
     *
     * @param reference a parameter name or {@code step.Output}
     * @return its value
     * @throws dev.opskit.core.ValidationException when it has no value in this run
     */
    Object value(String reference);

    /** {@return whether the run is a dry run} */
    boolean isDryRun();
  }
}
