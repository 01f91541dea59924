package dev.opskit.incident.export;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.SsmAutomationImpl;
import dev.opskit.incident.run.Execution;
import java.util.List;

/**
 * Registers exported runbooks as SSM Automation documents, starts executions on AWS's engine and reads their
 * step states back. Every change ({@code CreateDocument}, {@code UpdateDocument},
 * {@code UpdateDocumentDefaultVersion}, {@code StartAutomationExecution}) goes through the context's gate.
 */
public interface SsmAutomation {

  /**
   * The operations on a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static SsmAutomation using(OpsContext ctx) {
    return new SsmAutomationImpl(Checks.present("ctx", ctx, "a context"));
  }

  /**
   * What registering a document did.
   *
   * @param name the document name
   * @param defaultVersion the document's default version afterwards (empty text in a dry run that creates it)
   * @param created whether the document was created (else updated, or unchanged when no change was needed)
   * @param changes the changes submitted, in order (none when the content is already the default version's)
   */
  record Registration(String name, String defaultVersion, boolean created, List<ChangeResult<?>> changes) {
    /**
     * Copies.
     *
     * @param name the document name
     * @param defaultVersion the default version afterwards
     * @param created whether the document was created
     * @param changes the changes submitted
     */
    public Registration {
      changes = List.copyOf(changes);
    }

    /** {@return whether nothing needed changing} */
    public boolean unchanged() {
      return changes.isEmpty();
    }
  }

  /**
   * Creates the document (YAML), or, when it exists with other content, adds a version and makes it the
   * default.
   *
   * @param document the exported document
   * @return what was done
   */
  Registration register(SsmDocument document);

  /**
   * Starts an execution of a registered document.
   *
   * @param documentName the document
   * @param options arguments, rate control, locations, alarm, idempotency token
   * @return the {@code AutomationExecutionId} ({@code Planned} in a dry run)
   */
  ChangeResult<String> start(String documentName, StartOptions options);

  /**
   * Reads an execution and its step states back as an {@link Execution}.
   *
   * @param executionId the {@code AutomationExecutionId}
   * @return the execution as SSM reports it
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such execution
   */
  Execution execution(String executionId);
}
