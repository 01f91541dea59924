package dev.opskit.cost.waste;

/**
 * The notify hook of the cleanup cycle: told what each step marked, unmarked and deleted (a chat message, a
 * ticket, an e-mail to the owners). Called after the step's changes, in a dry run too.
 */
@FunctionalInterface
public interface CleanupNotifier {
  /** A notifier that does nothing. */
  CleanupNotifier NONE = notice -> { };

  /**
   * Receives a step's notice.
   *
   * @param notice what the step did
   */
  void notify(CleanupNotice notice);
}
