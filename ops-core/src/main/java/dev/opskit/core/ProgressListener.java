package dev.opskit.core;

/**
 * Receives progress of long-running operations, for a CLI progress line, a chat message or a log.
 * Called on the thread doing the work; keep it quick and never throw.
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called after each poll of a wait.
   *
   * @param event what was seen
   */
  void onProgress(ProgressEvent event);

  /** {@return a listener that ignores everything} */
  static ProgressListener none() {
    return event -> { };
  }
}
