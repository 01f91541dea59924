package dev.opskit.test;

import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.Poller;
import dev.opskit.core.waiting.WaitOutcome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Starts {@code moto_server} (or {@code python3 -m moto.server}) on a free loopback port. */
final class MotoLauncher {
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int LOG_TAIL_CHARS = 4000;

  private MotoLauncher() {}

  /** moto started, or null when neither {@code moto_server} nor Python's moto is installed. */
  static @Nullable Emulator tryStart(Map<String, String> env) {
    List<String> command = command(env, MotoLauncher::pythonHasMoto);
    return command == null ? null : start(command);
  }

  /** The command that runs moto here, without host and port, or null when moto is not installed. */
  static @Nullable List<String> command(Map<String, String> env, BooleanSupplier pythonHasMoto) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      Path candidate = dir.isEmpty() ? null : Path.of(dir, "moto_server");
      if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return List.of(candidate.toString());
      }
    }
    return pythonHasMoto.getAsBoolean() ? List.of("python3", "-m", "moto.server") : null;
  }

  private static boolean pythonHasMoto() {
    try {
      Process check =
          new ProcessBuilder("python3", "-c", "import moto.server")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!check.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        check.destroyForcibly();
        return false;
      }
      return check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Emulator start(List<String> command) {
    int port = freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
    Path log = logFile();
    Process process;
    try {
      // To a file, not a pipe: moto can never block on a full pipe, and the log is there to read after.
      process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", full) + ": " + e.getMessage(), e);
    }
    Thread hook = new Thread(() -> destroyTree(process), "opskit-moto-stop-" + port);
    Runtime.getRuntime().addShutdownHook(hook);
    Runnable stop = () -> {
      removeHook(hook);
      destroyTree(process);
    };
    WaitOutcome<URI> ready =
        Poller.builder("moto:start", endpoint.toString())
            .timeout(STARTUP_TIMEOUT)
            .interval(Duration.ofMillis(100))
            .maxInterval(Duration.ofMillis(500))
            .await(() -> poll(process, endpoint));
    if (!(ready instanceof WaitOutcome.Done<URI>)) {
      stop.run();
      String why = ready instanceof WaitOutcome.Failed<URI> failed ? failed.reason() : "it did not answer within " + STARTUP_TIMEOUT;
      throw new IllegalStateException(
          "moto did not start (" + String.join(" ", full) + "): " + why + ". Its output (" + log + "):\n" + tail(log));
    }
    return new Emulator(Emulator.MOTO, endpoint, List.of(Emulator.MOTO_RESET), stop);
  }

  private static PollResult<URI> poll(Process process, URI endpoint) {
    if (!process.isAlive()) {
      return PollResult.failed("exited", "it exited with code " + process.exitValue());
    }
    return Http.answers(endpoint.resolve("/moto-api/")) ? PollResult.done(endpoint, "answering") : PollResult.pending("starting");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for moto", e);
    }
  }

  private static Path logFile() {
    Path target = Path.of("target");
    Path dir = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      return Files.createTempFile(dir, "moto-", ".log").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create moto's log file in " + dir.toAbsolutePath(), e);
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops moto and anything it started, politely first, forcibly after a grace period. */
  private static void destroyTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      tree.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook stops moto.
    }
  }
}
