package dev.opskit.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds one secret in a text however it was encoded there: as is, URL-encoded, JSON-escaped, XML-escaped,
 * and any of those nested {@value #DEPTH} deep.
 *
 * <p>Each character of the secret may appear literally or in any of its escapes: {@code %XY} per UTF-8 byte
 * (hex in either case) and {@code +} for a space; the JSON short escapes ({@code \"}, {@code \\}, {@code \/},
 * {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}) and a backslash-u escape per UTF-16 unit (hex in
 * either case, so characters beyond the BMP as surrogate pairs); the XML entities and decimal or hex
 * character references. The characters of an escape may themselves be escaped, one level less deep, which
 * covers a URL-encoded JSON body or a JSON string quoting a form body. Matching follows a small set of
 * candidate ends from character to character, so it neither backtracks nor recurses per character of the
 * secret.
 */
final class EncodedForms {
  /** How many layers of encoding a secret may be wrapped in. */
  static final int DEPTH = 2;

  private static final Escape[][] ASCII_ESCAPES = new Escape[128][];

  static {
    for (int c = 0; c < ASCII_ESCAPES.length; c++) {
      ASCII_ESCAPES[c] = escapesOf(c);
    }
  }

  private final int[] codePoints;
  private final Escape[][] escapes;

  /**
   * Prepares the escapes of every character of a secret.
   *
   * @param secret the secret, not empty
   */
  EncodedForms(String secret) {
    this.codePoints = secret.codePoints().toArray();
    this.escapes = new Escape[codePoints.length][];
    for (int i = 0; i < codePoints.length; i++) {
      escapes[i] = escapes(codePoints[i]);
    }
  }

  /**
   * Whether a text character can start an escape (of any depth): only then can a secret start there with a
   * character other than its own first one.
   */
  static boolean isEscapeStart(char c) {
    return c == '%' || c == '\\' || c == '&' || c == '+';
  }

  /**
   * Where the longest spelling of the secret that starts at {@code start} ends.
   *
   * @param text the text
   * @param start where to look
   * @return the end (exclusive), or -1 when the secret does not start there
   */
  int matchEnd(String text, int start) {
    Ends current = Ends.of(start);
    for (int i = 0; i < codePoints.length; i++) {
      Ends next = new Ends();
      for (int j = 0; j < current.size; j++) {
        spell(text, current.at[j], codePoints[i], escapes[i], DEPTH, next);
      }
      if (next.size == 0) {
        return -1;
      }
      current = next;
    }
    return current.max();
  }

  /** Adds to {@code ends} where each spelling of one code point that starts at {@code p} ends. */
  private static void spell(String text, int p, int codePoint, Escape[] escapes, int depth, Ends ends) {
    if (p >= text.length()) {
      return;
    }
    if (text.codePointAt(p) == codePoint) {
      ends.add(p + Character.charCount(codePoint));
    }
    if (depth == 0 || !isEscapeStart(text.charAt(p))) {
      return;
    }
    for (Escape escape : escapes) {
      sequence(text, p, escape, depth - 1, ends);
    }
  }

  /** Adds where an escape (ASCII) ends, each of its characters spelled at most {@code depth} deep. */
  private static void sequence(String text, int p, Escape escape, int depth, Ends ends) {
    Ends current = Ends.of(p);
    String expected = escape.text();
    for (int i = 0; i < expected.length(); i++) {
      char e = expected.charAt(i);
      Ends next = new Ends();
      for (int j = 0; j < current.size; j++) {
        spell(text, current.at[j], e, ASCII_ESCAPES[e], depth, next);
        if (escape.anyCaseHex() && e >= 'A' && e <= 'F') {
          char lower = Character.toLowerCase(e);
          spell(text, current.at[j], lower, ASCII_ESCAPES[lower], depth, next);
        }
      }
      if (next.size == 0) {
        return;
      }
      current = next;
    }
    for (int j = 0; j < current.size; j++) {
      ends.add(current.at[j]);
    }
  }

  private static Escape[] escapes(int codePoint) {
    return codePoint < ASCII_ESCAPES.length ? ASCII_ESCAPES[codePoint] : escapesOf(codePoint);
  }

  private static Escape[] escapesOf(int codePoint) {
    List<Escape> list = new ArrayList<>();
    if (codePoint == ' ') {
      list.add(new Escape("+", false));
    }
    StringBuilder percent = new StringBuilder();
    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      percent.append('%').append(hex(b & 0xff, 2));
    }
    list.add(new Escape(percent.toString(), true));
    String shortEscape = jsonShortEscape(codePoint);
    if (shortEscape != null) {
      list.add(new Escape(shortEscape, false));
    }
    StringBuilder unicode = new StringBuilder();
    for (char unit : Character.toChars(codePoint)) {
      unicode.append('\\').append('u').append(hex(unit, 4));
    }
    list.add(new Escape(unicode.toString(), true));
    String entity = xmlEntity(codePoint);
    if (entity != null) {
      list.add(new Escape(entity, false));
    }
    list.add(new Escape("&#" + codePoint + ";", false));
    list.add(new Escape("&#x" + hex(codePoint, 1) + ";", true));
    return list.toArray(Escape[]::new);
  }

  private static String hex(int value, int digits) {
    String hex = Integer.toHexString(value).toUpperCase(Locale.ROOT);
    return "0".repeat(Math.max(0, digits - hex.length())) + hex;
  }

  private static @Nullable String jsonShortEscape(int codePoint) {
    return switch (codePoint) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '/' -> "\\/";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> null;
    };
  }

  private static @Nullable String xmlEntity(int codePoint) {
    return switch (codePoint) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      default -> null;
    };
  }

  /** One escape of a character; its hex digits may be written in either case when {@code anyCaseHex}. */
  private record Escape(String text, boolean anyCaseHex) {}

  /** A small set of text positions: the candidate ends of a partial match. */
  private static final class Ends {
    private int[] at = new int[4];
    private int size;

    static Ends of(int position) {
      Ends ends = new Ends();
      ends.add(position);
      return ends;
    }

    void add(int position) {
      for (int i = 0; i < size; i++) {
        if (at[i] == position) {
          return;
        }
      }
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = position;
    }

    int max() {
      int max = -1;
      for (int i = 0; i < size; i++) {
        max = Math.max(max, at[i]);
      }
      return max;
    }
  }
}
