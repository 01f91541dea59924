package dev.opskit.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * This JVM's class path as jars only, for a child JVM with a Class Data Sharing archive (which refuses non-empty
 * directories): a class directory is packed into a jar, and a surefire/failsafe booter jar is replaced by the
 * class path its manifest names.
 */
final class JarClassPath {
  private JarClassPath() {}

  static String of(Path work) throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String entry : Stats.split(System.getProperty("java.class.path"), java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (path.getFileName().toString().startsWith("surefirebooter") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          Manifest manifest = jar.getManifest();
          String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (classPath != null) {
            for (String url : Stats.split(classPath.trim(), " +")) {
              entries.add(Path.of(URI.create(url)));
            }
          }
        }
      } else {
        entries.add(path);
      }
    }
    List<String> jars = new ArrayList<>();
    int n = 0;
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        Path jar = work.resolve("classes-" + n++ + ".jar");
        pack(entry, jar);
        jars.add(jar.toString());
      } else if (Files.exists(entry)) {
        jars.add(entry.toString());
      }
    }
    return String.join(java.io.File.pathSeparator, jars);
  }

  private static void pack(Path dir, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, zip);
          zip.closeEntry();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
