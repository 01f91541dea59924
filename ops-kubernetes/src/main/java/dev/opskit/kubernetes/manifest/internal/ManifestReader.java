package dev.opskit.kubernetes.manifest.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.manifest.Manifest;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads manifest text as kubectl does: documents split at {@code ---} lines, empty documents skipped, a
 * {@code kind: List} expanded; each document parsed by fabric8's serialization (YAML or JSON).
 */
final class ManifestReader {
  /** A YAML document marker line: {@code ---}, possibly followed by a space and more (a tag, a comment). */
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---(?:[ \\t].*)?$");
  private static final int MAX_REASON = 200;
  private static final int MAX_DEPTH = 16;

  private final KubernetesSerialization serialization;

  ManifestReader(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** The objects of one file's text; {@code file} names it in every message. */
  List<Manifest> parse(String file, String text) {
    List<Manifest> result = new ArrayList<>();
    int number = 0;
    List<String> docs = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    java.util.regex.Matcher separators = SEPARATOR.matcher(text);
    int start = 0;
    while (separators.find()) {
      docs.add(text.substring(start, separators.start()));
      firstLines.add(lineOf(text, start));
      start = separators.end();
    }
    docs.add(text.substring(start));
    firstLines.add(lineOf(text, start));
    for (int d = 0; d < docs.size(); d++) {
      String doc = docs.get(d);
      int firstLine = firstLines.get(d);
      if (isEmpty(doc)) {
        continue;
      }
      number++;
      String source = file + ", document " + number;
      Object parsed;
      try {
        parsed = serialization.unmarshal(doc, Object.class);
      } catch (RuntimeException e) {
        throw invalid(source, "valid YAML or JSON (" + reason(e, firstLine) + ")");
      }
      if (parsed == null) {
        continue;
      }
      if (!(parsed instanceof Map<?, ?> object)) {
        throw invalid(source, "a Kubernetes object (a mapping with apiVersion, kind and metadata.name), not a "
            + kindOf(parsed));
      }
      Manifest m = manifest(source, object);
      if ("List".equals(m.kind())) {
        Object items = object.get("items");
        if (items != null && !(items instanceof List<?>)) {
          throw invalid(source, "a List whose items are a sequence of objects");
        }
        List<?> list = items == null ? List.of() : (List<?>) items;
        for (int i = 0; i < list.size(); i++) {
          String itemSource = source + ", item " + (i + 1);
          if (!(list.get(i) instanceof Map<?, ?> item)) {
            throw invalid(itemSource, "a Kubernetes object (a mapping with apiVersion, kind and metadata.name)");
          }
          result.add(typed(manifest(itemSource, item)));
        }
      } else {
        result.add(typed(m));
      }
    }
    return result;
  }

  /** Checks that fabric8's model of the kind takes the object (a string where a number belongs fails here). */
  private Manifest typed(Manifest m) {
    Class<?> type = serialization.getRegisteredKubernetesResource(m.apiVersion(), m.kind());
    if (type != null) {
      try {
        serialization.convertValue(m.content(), type);
      } catch (RuntimeException e) {
        throw invalid(m.source(), "a valid " + m.kind() + " of " + m.apiVersion() + " (" + reason(e, 1) + ")");
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Manifest manifest(String source, Map<?, ?> object) {
    String apiVersion = text(source, object, "apiVersion");
    String kind = text(source, object, "kind");
    if ("List".equals(kind)) {
      return new Manifest(source, apiVersion, kind, null, "list", (Map<String, Object>) object);
    }
    Object metadata = object.get("metadata");
    if (!(metadata instanceof Map<?, ?> meta)) {
      throw invalid(source, "an object with metadata.name (it has no metadata)");
    }
    String name = text(source, meta, "name");
    Object ns = meta.get("namespace");
    if (ns != null && !(ns instanceof String)) {
      throw invalid(source, "an object whose metadata.namespace is a string");
    }
    String namespace = ns == null || ((String) ns).isBlank() ? null : (String) ns;
    return new Manifest(source, apiVersion, kind, namespace, name, (Map<String, Object>) object);
  }

  private static String text(String source, Map<?, ?> object, String field) {
    Object v = object.get(field);
    String shown = "name".equals(field) ? "metadata.name" : field;
    if (!(v instanceof String s) || s.isBlank()) {
      throw invalid(source, "an object with " + shown + (v == null ? " (it has none)" : " as a non-blank string"));
    }
    return s;
  }

  static ValidationException invalid(String source, String allowed) {
    return ValidationException.of("manifest", source, allowed);
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean isEmpty(String doc) {
    for (String line : doc.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !"...".equals(t)) {
        return false;
      }
    }
    return true;
  }

  /** The parser's first line (what and where), without the document's text: the deepest cause that says something. */
  private static String reason(RuntimeException e, int firstLine) {
    Throwable t = e;
    String message = e.getMessage();
    for (int depth = 0; depth < MAX_DEPTH && t != null; depth++, t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank() && !t.getMessage().startsWith("An error has occurred")) {
        message = t.getMessage();
      }
    }
    message = message == null ? e.getClass().getSimpleName() : message.strip();
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    int source = first.indexOf(" at [Source:");
    first = source < 0 ? first : first.substring(0, source);
    String location = location(message, firstLine);
    String text = first.length() > MAX_REASON ? first.substring(0, MAX_REASON) + "..." : first;
    return location == null ? text : text + ", " + location;
  }

  /** The parser's line and column, the line counted in the file (the document starts at {@code firstLine}). */
  private static @Nullable String location(String message, int firstLine) {
    java.util.regex.Matcher m = Pattern.compile("line:? (\\d+), column:? (\\d+)").matcher(message);
    return m.find() ? "line " + (Integer.parseInt(m.group(1)) + firstLine - 1) + " of the file, column " + m.group(2)
        : null;
  }

  private static String kindOf(Object value) {
    return value instanceof List<?> ? "sequence" : "scalar " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
