package dev.opskit.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text read as characters that may have been encoded, so that a secret can be found in it however it was
 * written: as is, URL-encoded, JSON-escaped or XML-escaped, and any of those nested {@value #DEPTH} deep.
 *
 * <p>At each position, {@link #at} gives every character that some spelling starting there stands for, and
 * where that spelling ends: the character itself; {@code %XY} per UTF-8 byte (hex in either case) and
 * {@code +} for a space; the JSON short escapes ({@code \"}, {@code \\}, {@code \/}, {@code \b}, {@code \f},
 * {@code \n}, {@code \r}, {@code \t}) and backslash-u escapes (hex in either case, surrogate pairs joined);
 * the XML entities and decimal or hex character references. The characters of an escape may themselves be
 * escaped, one level less deep, which covers a URL-encoded JSON body ({@code %5C%22}) or a form body quoted
 * in JSON. Several readings of one position are kept (a {@code %} may be a literal percent sign or start an
 * escape), so matching follows a small set of candidate ends and never backtracks; readings of escape
 * positions are computed once per position.
 */
final class EncodedText {
  /** How many layers of encoding a character may be wrapped in. */
  static final int DEPTH = 2;

  private static final long[] NONE = new long[0];
  private static final int MAX_ENTITY = 10;

  private final String text;
  private final List<Map<Integer, long[]>> memo;

  /**
   * Reads a text.
   *
   * @param text the text
   */
  EncodedText(String text) {
    this.text = text;
    this.memo = new ArrayList<>(DEPTH + 1);
    for (int d = 0; d <= DEPTH; d++) {
      memo.add(new HashMap<>());
    }
  }

  /** The code point of a reading. */
  static int codePoint(long reading) {
    return (int) (reading >>> 32);
  }

  /** Where a reading ends (exclusive). */
  static int end(long reading) {
    return (int) reading;
  }

  /** The length of the text. */
  int length() {
    return text.length();
  }

  /**
   * Every reading of the text at a position, at most {@value #DEPTH} encodings deep.
   *
   * @param p a position in the text
   * @return readings, each a code point and an end (see {@link #codePoint}, {@link #end}); empty at the end
   */
  long[] at(int p) {
    return read(p, DEPTH);
  }

  private long[] read(int p, int depth) {
    if (p >= text.length()) {
      return NONE;
    }
    int literal = text.codePointAt(p);
    long self = reading(literal, p + Character.charCount(literal));
    if (depth == 0 || !isEscapeStart(text.charAt(p))) {
      return new long[] {self};
    }
    long[] cached = memo.get(depth).get(p);
    if (cached != null) {
      return cached;
    }
    Readings out = new Readings();
    out.add(self);
    int inner = depth - 1;
    for (long first : read(p, inner)) {
      int q = end(first);
      switch (codePoint(first)) {
        case '+' -> out.add(reading(' ', q));
        case '%' -> percent(q, inner, out);
        case '\\' -> json(q, inner, out);
        case '&' -> xml(q, inner, new StringBuilder(), out);
        default -> { }
      }
    }
    long[] result = out.toArray();
    memo.get(depth).put(p, result);
    return result;
  }

  /** Every encoded spelling starts with one of these, or with an encoded one of them (which does too). */
  private static boolean isEscapeStart(char c) {
    return c == '%' || c == '\\' || c == '&' || c == '+';
  }

  /** After a {@code %}: one byte as two hex digits, then as many {@code %XY} continuation bytes as UTF-8 needs. */
  private void percent(int q, int depth, Readings out) {
    for (long hex : hexDigits(q, 2, depth)) {
      int lead = codePoint(hex);
      int more = lead < 0x80 ? 0 : lead < 0xC2 ? -1 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : lead <= 0xF4 ? 3 : -1;
      if (more == 0) {
        out.add(hex);
      } else if (more > 0) {
        continuation(end(hex), depth, more, lead & (0x3F >> more), out);
      }
    }
  }

  private void continuation(int q, int depth, int left, int value, Readings out) {
    if (left == 0) {
      out.add(reading(value, q));
      return;
    }
    for (long percentSign : read(q, depth)) {
      if (codePoint(percentSign) == '%') {
        for (long hex : hexDigits(end(percentSign), 2, depth)) {
          int b = codePoint(hex);
          if ((b & 0xC0) == 0x80) {
            continuation(end(hex), depth, left - 1, (value << 6) | (b & 0x3F), out);
          }
        }
      }
    }
  }

  /** After a backslash: a short escape, or {@code u} and four hex digits (a surrogate pair as two escapes). */
  private void json(int q, int depth, Readings out) {
    for (long next : read(q, depth)) {
      int c = codePoint(next);
      int shortEscape = switch (c) {
        case '"', '\\', '/' -> c;
        case 'b' -> '\b';
        case 'f' -> '\f';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        default -> -1;
      };
      if (shortEscape >= 0) {
        out.add(reading(shortEscape, end(next)));
      } else if (c == 'u') {
        for (long unit : hexDigits(end(next), 4, depth)) {
          out.add(unit);
          if (Character.isHighSurrogate((char) codePoint(unit))) {
            lowSurrogate((char) codePoint(unit), end(unit), depth, out);
          }
        }
      }
    }
  }

  private void lowSurrogate(char high, int q, int depth, Readings out) {
    for (long backslash : read(q, depth)) {
      if (codePoint(backslash) == '\\') {
        for (long u : read(end(backslash), depth)) {
          if (codePoint(u) == 'u') {
            for (long low : hexDigits(end(u), 4, depth)) {
              if (Character.isLowSurrogate((char) codePoint(low))) {
                out.add(reading(Character.toCodePoint(high, (char) codePoint(low)), end(low)));
              }
            }
          }
        }
      }
    }
  }

  /** After an {@code &}: a named entity or a decimal or hex character reference, up to its {@code ;}. */
  private void xml(int q, int depth, StringBuilder name, Readings out) {
    if (name.length() > MAX_ENTITY) {
      return;
    }
    for (long next : read(q, depth)) {
      int c = codePoint(next);
      if (c == ';') {
        int resolved = entity(name.toString());
        if (resolved >= 0) {
          out.add(reading(resolved, end(next)));
        }
      } else if (c == '#' || (c < 0x80 && Character.isLetterOrDigit(c))) {
        name.append((char) c);
        xml(end(next), depth, name, out);
        name.setLength(name.length() - 1);
      }
    }
  }

  private static int entity(String name) {
    int named = switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> -1;
    };
    if (named >= 0) {
      return named;
    }
    try {
      int value = name.startsWith("#x") || name.startsWith("#X")
          ? Integer.parseInt(name.substring(2), 16)
          : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1;
      return value >= 0 && value <= Character.MAX_CODE_POINT ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code count} hex digits (either case) from {@code q}, each read at {@code depth}: the value and its end. */
  private long[] hexDigits(int q, int count, int depth) {
    Readings current = new Readings();
    current.add(reading(0, q));
    for (int i = 0; i < count; i++) {
      Readings next = new Readings();
      for (long partial : current.toArray()) {
        for (long digit : read(end(partial), depth)) {
          int value = Character.digit(codePoint(digit), 16);
          if (value >= 0 && codePoint(digit) < 0x80) {
            next.add(reading((codePoint(partial) << 4) | value, end(digit)));
          }
        }
      }
      if (next.size == 0) {
        return NONE;
      }
      current = next;
    }
    return current.toArray();
  }

  private static long reading(int codePoint, int end) {
    return ((long) codePoint << 32) | (end & 0xFFFFFFFFL);
  }

  /** A small set of readings. */
  private static final class Readings {
    private long[] items = new long[4];
    private int size;

    void add(long reading) {
      for (int i = 0; i < size; i++) {
        if (items[i] == reading) {
          return;
        }
      }
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = reading;
    }

    long[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
