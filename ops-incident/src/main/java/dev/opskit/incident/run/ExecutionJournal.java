package dev.opskit.incident.run;

import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.JsonLinesJournal;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the runner writes an execution as it goes, so an interrupted one can be resumed. The default is one
 * JSON-lines file per execution in a directory; implement it for a database or a bucket.
 */
public interface ExecutionJournal {

  /**
   * Writes an entry durably before returning.
   *
   * @param entry the entry
   */
  void append(JournalEntry entry);

  /**
   * Reads an execution's entries.
   *
   * @param executionId the execution
   * @return its entries in order; empty when there are none
   */
  List<JournalEntry> read(String executionId);

  /**
   * A journal of JSON-lines files, {@code <directory>/<executionId>.jsonl}.
   *
   * @param directory the directory, made when missing
   * @return the journal
   */
  static ExecutionJournal jsonLines(Path directory) {
    return new JsonLinesJournal(Checks.present("directory", directory, "a directory"));
  }

  /** {@return a journal in memory (lost with the JVM: for tests)} */
  static ExecutionJournal inMemory() {
    java.util.Map<String, List<JournalEntry>> entries = new java.util.concurrent.ConcurrentHashMap<>();
    return new ExecutionJournal() {
      @Override
      public void append(JournalEntry entry) {
        entries.computeIfAbsent(entry.executionId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(entry);
      }

      @Override
      public List<JournalEntry> read(String executionId) {
        return List.copyOf(entries.getOrDefault(executionId, List.of()));
      }
    };
  }
}
