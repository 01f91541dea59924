package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import dev.opskit.test.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Target 6: the guide's procedures against one moto, as the guide's AWS CLI commands and through OpsKit: in a
 * warm JVM (OpsKit at least 20× faster than the CLI script), and as whole processes, the OpsKit
 * {@link Launcher} with a Class Data Sharing archive against the CLI (at most 1.0× for one call, faster for
 * every multi-call procedure). The CLI is {@code $OPS_AWS_CLI}, else {@value #PYENV_AWS}, else {@code aws} on the
 * {@code PATH}; without one the row is reported as not measured.
 */
final class GuideRow {
  static final String TARGET = "Guide procedures vs the guide's CLI: warm JVM ≥ 20× faster each; launcher with CDS"
      + " ≤ 1.0× for one call, < 1× for multi-call";
  static final String PYENV_AWS = "/root/.pyenv/shims/aws";
  private static final @Nullable String AWS = findCli();
  private static final double WARM = 20;

  /** The launcher's class path: jars only, as CDS wants. */
  private static String classPath = "";

  private GuideRow() {}

  /** {@return the AWS CLI this run compares with, if the machine has one} */
  static Optional<String> cliPath() {
    return Optional.ofNullable(AWS);
  }

  private static @Nullable String findCli() {
    String named = System.getenv("OPS_AWS_CLI");
    if (named != null && !named.isBlank()) {
      return named;
    }
    if (Files.isExecutable(Path.of(PYENV_AWS))) {
      return PYENV_AWS;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) {
        return Path.of(dir, "aws").toString();
      }
    }
    return null;
  }

  static Row run(Run run) throws Exception {
    if (AWS == null) {
      return Row.failed(6, TARGET, "no AWS CLI on this machine (set OPS_AWS_CLI, or put aws on the PATH)");
    }
    Emulator moto = Moto.shared();
    String cliVersion = cli(List.of(List.of("--version")), moto).output.trim();
    List<Procedures.Procedure> procedures = run.smoke() ? List.of(Procedures.ONE_CALL) : Procedures.ALL;
    int repeats = run.pick(1, 3);
    int warmRounds = run.pick(1, 5);
    int warmUps = run.pick(1, 5);
    List<String> warm = new ArrayList<>();
    boolean pass = true;
    for (Procedures.Procedure p : procedures) {
      List<Double> ops = new ArrayList<>();
      List<Double> cli = new ArrayList<>();
      try {
        // A warm JVM: the procedure's own path run (and compiled) first, and the CLI's files read once.
        for (int i = 0; i < warmUps; i++) {
          opskit(moto, p);
        }
        cliTimed(moto, p);
        for (int i = 0; i < warmRounds; i++) {
          ops.add(opskit(moto, p));
          cli.add(cliTimed(moto, p));
        }
      } catch (RuntimeException e) {
        pass = false;
        warm.add(p.name() + " FAILED (" + e.getMessage() + ")");
        continue;
      }
      double ratio = Stats.median(cli) / Stats.median(ops);
      // In the smoke pass the one warm comparison is of a single call, which the 20× target is not about.
      boolean ok = run.smoke() || ratio >= WARM;
      pass &= ok;
      warm.add(Stats.format("%s %.0f×%s", p.name(), ratio, ok ? "" : " MISSED"));
    }
    // Whole processes.
    Path archive = archive(moto, run.smoke() ? Procedures.ONE_CALL.name() : "all");
    List<String> whole = new ArrayList<>();
    List<Procedures.Procedure> processes = new ArrayList<>();
    processes.add(Procedures.ONE_CALL);
    if (!run.smoke()) {
      processes.addAll(Procedures.ALL);
    }
    for (Procedures.Procedure p : processes) {
      List<Double> ops = new ArrayList<>();
      List<Double> cli = new ArrayList<>();
      try {
        for (int i = 0; i < repeats; i++) {
          reset(moto, p);
          ops.add(launcher(moto, p, archive));
          reset(moto, p);
          cli.add(cliTimed0(moto, p));
        }
      } catch (RuntimeException e) {
        pass = false;
        whole.add(p.name() + " FAILED (" + e.getMessage() + ")");
        continue;
      }
      double ratio = Stats.median(ops) / Stats.median(cli);
      boolean ok = p.name().equals(Procedures.ONE_CALL.name()) ? ratio <= 1.0 : ratio < 1.0;
      pass &= ok;
      whole.add(Stats.format("%s %.2f× (%.2f s vs %.2f s)%s", p.name(), ratio, Stats.median(ops), Stats.median(cli),
          ok ? "" : " MISSED"));
    }
    String measured = "warm JVM, CLI time ÷ OpsKit time: " + String.join(", ", warm)
        + "; whole process, launcher ÷ CLI: " + String.join(", ", whole)
        + "; CLI: " + cliVersion;
    return new Row(6, TARGET, measured, Stats.format("warm: median of %d interleaved rounds each after %d OpsKit warm-up"
        + " runs; whole process: median of %d runs each", warmRounds, warmUps, repeats), pass);
  }

  private static void reset(Emulator moto, Procedures.Procedure p) {
    moto.reset();
    try (OpsContext direct = moto.contextBuilder().build()) {
      p.setup().accept(direct);
    }
  }

  /** Seconds OpsKit takes for the procedure in this (warm) JVM, with a fresh context (its clients made inside). */
  private static double opskit(Emulator moto, Procedures.Procedure p) {
    reset(moto, p);
    try (OpsContext ctx = moto.contextBuilder().build()) {
      long start = System.nanoTime();
      p.opskit().accept(ctx);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static double cliTimed(Emulator moto, Procedures.Procedure p) {
    reset(moto, p);
    return cliTimed0(moto, p);
  }

  static double cliTimed0(Emulator moto, Procedures.Procedure p) {
    long start = System.nanoTime();
    Result r;
    try {
      r = cli(p.cli(), moto);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (r.exit != 0) {
      throw new IllegalStateException("the guide's CLI failed in " + p.name() + ": " + r.output);
    }
    return seconds;
  }

  private record Result(int exit, String output) {}

  private static Result cli(List<List<String>> commands, Emulator moto) throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    for (List<String> command : commands) {
      List<String> line = new ArrayList<>();
      line.add(java.util.Objects.requireNonNull(AWS, "the AWS CLI"));
      line.addAll(command);
      if (!command.equals(List.of("--version"))) {
        line.add("--endpoint-url");
        line.add(moto.endpoint().toString());
      }
      ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("AWS_ACCESS_KEY_ID", "testing");
      env.put("AWS_SECRET_ACCESS_KEY", "testing");
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_PAGER", "");
      Process process = pb.start();
      String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      process.waitFor(2, TimeUnit.MINUTES);
      out.append(text);
      if (process.exitValue() != 0) {
        return new Result(process.exitValue(), String.join(" ", command) + ": " + text);
      }
    }
    return new Result(0, out.toString());
  }

  /** The CDS archive of the launcher, made by one training run of every procedure. */
  private static Path archive(Emulator moto, String training) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("opskit-cds");
    classPath = JarClassPath.of(work);
    Path archive = work.resolve("opskit.jsa");
    moto.reset();
    int exit = java(List.of("-XX:ArchiveClassesAtExit=" + archive), moto, training);
    if (exit != 0 || !Files.exists(archive)) {
      throw new IllegalStateException("the CDS training run failed (exit " + exit + ")");
    }
    return archive;
  }

  private static double launcher(Emulator moto, Procedures.Procedure p, Path archive) {
    long start = System.nanoTime();
    int exit = javaUnchecked(List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), moto, p.name());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("the launcher failed in " + p.name() + " (exit " + exit + ")");
    }
    return seconds;
  }

  private static int javaUnchecked(List<String> flags, Emulator moto, String procedure) {
    try {
      return java(flags, moto, procedure);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int java(List<String> flags, Emulator moto, String procedure) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(flags);
    line.add("-Xshare:auto");
    line.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    line.add("-cp");
    line.add(classPath);
    line.add(Launcher.class.getName());
    line.add(moto.endpoint().toString());
    line.add(procedure);
    Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
