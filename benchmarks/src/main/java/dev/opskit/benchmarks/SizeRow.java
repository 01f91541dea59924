package dev.opskit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Target 8: the runtime jars of each library module (Maven's runtime class path of ops-backup and
 * ops-monitoring, plus the module's own jar), split into the AWS SDK's (its service jars and what they bring:
 * {@code software.amazon.*}, Apache HTTP client, commons-codec/logging, reactive-streams) and OpsKit's additions
 * (everything else: ops-core, the module, Jackson, Resilience4j, SLF4J API, JSpecify). No netty anywhere.
 */
final class SizeRow {
  static final String TARGET = "Size: OpsKit's runtime additions ≤ 3 MB over the SDK jars of each module; no netty";
  /** 3 MB, decimal: the stricter reading of the target (3 MiB would allow 3,145,728 bytes). */
  private static final long MAX_DECIMAL = 3_000_000L;
  private static final List<String> MODULES = List.of("ops-backup", "ops-monitoring");

  private SizeRow() {}

  static Row run(Run run) throws Exception {
    Path root = root();
    Path out = Files.createTempDirectory("opskit-size");
    // One Maven run over the modules and what they depend on in this tree (-am), each module writing its own
    // runtime class path (a relative outputFile is resolved against each module's directory).
    List<String> command = List.of("mvn", "-B", "-q", "-o", "-f", root.resolve("pom.xml").toString(),
        "-pl", String.join(",", MODULES), "-am", "dependency:build-classpath", "-DincludeScope=runtime",
        "-Dmdep.outputFile=target/opskit-runtime.cp");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("mvn.log").toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      return Row.failed(8, TARGET, "mvn dependency:build-classpath failed: " + Files.readString(out.resolve("mvn.log")));
    }
    List<String> figures = new ArrayList<>();
    boolean pass = true;
    for (String module : MODULES) {
      List<Path> jars = new ArrayList<>();
      Path cp = root.resolve(module).resolve("target").resolve("opskit-runtime.cp");
      for (String entry : Stats.split(Files.readString(cp).trim(), java.io.File.pathSeparator)) {
        // OpsKit's own jars as built in this tree, not as installed.
        java.util.regex.Matcher own = java.util.regex.Pattern.compile(".*/dev/opskit/([a-z-]+)/.*").matcher(entry);
        jars.add(own.matches() ? ownJar(root, own.group(1)) : Path.of(entry));
      }
      jars.add(ownJar(root, module));
      long sdk = 0;
      long ours = 0;
      int sdkJars = 0;
      boolean netty = false;
      for (Path jar : jars) {
        String path = jar.toString().replace('\\', '/');
        long size = Files.size(jar);
        netty |= path.contains("/io/netty/");
        if (path.contains("/software/amazon/") || path.contains("/org/apache/httpcomponents/")
            || path.contains("/commons-codec/") || path.contains("/commons-logging/")
            || path.contains("/org/reactivestreams/") || path.contains("/io/netty/")) {
          sdk += size;
          sdkJars++;
        } else {
          ours += size;
        }
      }
      boolean ok = ours <= MAX_DECIMAL && !netty;
      pass &= ok;
      figures.add(Stats.format("%s: +%.2f MiB (%.2f MB) over %.1f MiB of SDK (%d + %d jars)%s", module,
          ours / 1048576.0, ours / 1e6, sdk / 1048576.0, sdkJars, jars.size() - sdkJars,
          netty ? ", NETTY PRESENT" : ", no netty"));
    }
    return new Row(8, TARGET, String.join("; ", figures), "- (sizes)", pass);
  }

  /** The module's own jar: built in this tree if it is, else the one in the local repository. */
  private static Path ownJar(Path root, String module) throws IOException {
    Path target = root.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (var files = Files.list(target)) {
        var built = files.filter(f -> f.getFileName().toString().matches(module + "-[0-9.]+(-SNAPSHOT)?\\.jar")).findFirst();
        if (built.isPresent()) {
          return built.get();
        }
      }
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "opskit", module, "0.1.0-SNAPSHOT",
        module + "-0.1.0-SNAPSHOT.jar");
  }

  /** The reactor's root: the first directory up from here whose pom lists the benchmarks module. */
  static Path root() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.exists(pom) && Files.readString(pom).contains("<module>benchmarks</module>")) {
        return dir;
      }
    }
    throw new IOException("no OpsKit reactor root above " + Path.of("").toAbsolutePath());
  }
}
