package dev.opskit.core.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSinks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends one JSON object a line to a file, flushing after each event. */
public final class JsonLinesAuditSink implements AuditSinks.ClosableAuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

  private final Path file;
  private final BufferedWriter writer;

  private JsonLinesAuditSink(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens the file for appending, creating it and its parent folders if needed.
   *
   * @param file the file
   * @return the sink
   */
  public static JsonLinesAuditSink open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      BufferedWriter writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new JsonLinesAuditSink(file, writer);
    } catch (IOException e) {
      throw ValidationException.of("auditFile", file, "a writable file path (" + e.getMessage() + ")");
    }
  }

  @Override
  public synchronized void record(AuditEvent event) {
    try {
      writer.write(Json.auditLine(event));
      writer.newLine();
      writer.flush();
    } catch (IOException | RuntimeException e) {
      LOG.warn("audit event for operation={} could not be written to {}: {}", event.operation(), file, e.toString());
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("audit file {} could not be closed: {}", file, e.toString());
    }
  }
}
