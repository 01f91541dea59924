package dev.opskit.incident.internal;

import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.incident.run.ExecutionJournal;
import dev.opskit.incident.run.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The default journal: one JSON-lines file per execution, each entry written and synced before the step goes on. */
public final class JsonLinesJournal implements ExecutionJournal {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private final Path directory;

  /**
   * A journal in a directory.
   *
   * @param directory the directory, made when missing
   */
  public JsonLinesJournal(Path directory) {
    this.directory = directory;
  }

  private Path file(String executionId) {
    if (!ID.matcher(executionId).matches() || executionId.startsWith(".")) {
      throw ValidationException.of("executionId", executionId, "letters, digits, _, - and ., not starting with .");
    }
    return directory.resolve(executionId + ".jsonl");
  }

  @Override
  public synchronized void append(JournalEntry entry) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("executionId", entry.executionId());
    m.put("kind", entry.kind().name());
    m.put("time", entry.time().toString());
    m.put("data", entry.data());
    Path file = file(entry.executionId());
    try {
      Files.createDirectories(directory);
      Files.write(file, (Jsons.write(m) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
    } catch (IOException e) {
      throw new ResourceStateException("cannot write the execution journal " + file + ": " + e.getMessage(),
          "runbook:Journal", entry.executionId(), e);
    }
  }

  @Override
  public synchronized List<JournalEntry> read(String executionId) {
    Path file = file(executionId);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ResourceStateException("cannot read the execution journal " + file + ": " + e.getMessage(),
          "runbook:Journal", executionId, e);
    }
    List<JournalEntry> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Fields f;
      try {
        f = Fields.of("journal line", Jsons.readObject("journal line", line));
      } catch (ValidationException e) {
        // A line cut short by a crash while writing: what came before it stands.
        break;
      }
      out.add(new JournalEntry(f.string("executionId"), JournalEntry.Kind.valueOf(f.string("kind")),
          Instant.parse(f.string("time")), f.object("data")));
    }
    return out;
  }
}
