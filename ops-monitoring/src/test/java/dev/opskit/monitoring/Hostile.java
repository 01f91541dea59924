package dev.opskit.monitoring;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Hostile input for the fuzz suites (random Unicode, mutations of valid examples, 1 MB strings, nulls,
 * extreme numbers and durations) and the one rule they check: a call either returns or throws
 * {@link ValidationException}; any other throwable, {@code StackOverflowError} included, fails the test.
 */
final class Hostile {
  static final int MEGABYTE = 1 << 20;

  /** Characters that parsers split on, quote, trim or choke on, and some outside ASCII. */
  private static final String SPECIALS = ":/-_.,;=+@#*?()[]{}\"'\\ \t\n\r\u0000\u001f\u007f\u00a0\u00e9\u2028\u3000\ufeff";
  private static final List<String> UNICODE = List.of("\ud83d\ude00", "\ud800", "\udfff", "\u0301", "\u0130", "\u017f");
  private static final List<Integer> REPEATS = List.of(2, 3, 10, 100, 1_000, 3_000);
  private static final List<String> HUGE = List.of(
      "a".repeat(MEGABYTE), "-a".repeat(MEGABYTE / 2), ":".repeat(MEGABYTE), "\ud83d\ude00".repeat(MEGABYTE / 2),
      "0".repeat(MEGABYTE), "[".repeat(MEGABYTE), " ".repeat(MEGABYTE));

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HOLE = "@@hostile@@";

  private static final String FUZZ_THREAD = "fuzz-small-stack";
  private static final ExecutorService SMALL_STACK = Executors.newSingleThreadExecutor(task -> {
    Thread t = new Thread(null, task, FUZZ_THREAD, 512 * 1024);
    t.setDaemon(true);
    return t;
  });

  private Hostile() {}

  /**
   * Mutations of valid JSON documents: one to three members or elements replaced by hostile JSON (numbers
   * beyond the doubles and longs, deep nesting, hostile strings, other types), removed, or added; or the
   * text itself mutated.
   *
   * @param documents valid JSON documents
   * @param members member names to add besides the ones there (known ones, typos)
   * @return the generator
   */
  static Gen<String> json(Gen<String> documents, String... members) {
    List<String> extra = new ArrayList<>(List.of("Unknown", ""));
    extra.addAll(List.of(members));
    Gen<String> hostileText = strings("x", "us-east-1", "arn:aws:sns:us-east-1:123456789012:t");
    Gen<String> gen = in -> {
      String doc = documents.generate(in);
      if (Generate.range(0, 4).generate(in) == 0) {
        return mutate(doc, List.of(doc, "{}", "[]", "null"), in);
      }
      try {
        JsonNode root = MAPPER.readTree(doc);
        List<String> raw = new ArrayList<>();
        for (int edits = Generate.range(1, 3).generate(in); edits > 0; edits--) {
          List<JsonNode> containers = new ArrayList<>();
          collect(root, containers);
          JsonNode c = pick(containers, in);
          String value = hostileJson(hostileText, in);
          if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.add(pick(extra, in));
            String name = pick(names, in);
            if (Generate.range(0, 5).generate(in) == 0) {
              o.remove(name);
              continue;
            }
            o.put(name, HOLE + raw.size());
          } else if (c instanceof ArrayNode a) {
            int at = Generate.range(0, a.size()).generate(in);
            if (at == a.size()) {
              a.add(HOLE + raw.size());
            } else {
              a.set(at, a.textNode(HOLE + raw.size()));
            }
          }
          raw.add(value);
        }
        String text = MAPPER.writeValueAsString(root);
        for (int i = raw.size() - 1; i >= 0; i--) {
          text = text.replace("\"" + HOLE + i + "\"", raw.get(i));
        }
        return text;
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not a valid example: " + doc, e);
      }
    };
    return gen.describedAs(Hostile::describe);
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  /** JSON text that parsers find hard: numbers beyond the doubles and longs, deep nesting, odd strings, other types. */
  private static String hostileJson(Gen<String> texts, RandomnessSource in) throws JsonProcessingException {
    List<String> values = List.of("1e400", "-1e400", "1e-400", "-0", "0", "-1", "1.5", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400), "null", "true",
        "\"\"", "[]", "{}", "[1e400]", "{\"a\":1e400}", "[" .repeat(900) + "]".repeat(900),
        "[".repeat(1_100) + "]".repeat(1_100), "{\"a\":".repeat(1_100) + "1" + "}".repeat(1_100), "[null]", "[\"x\"]",
        "300", "60", "86400", "4294967340", "\"Average\"", "\"GreaterThanThreshold\"");
    return Generate.range(0, 2).generate(in) == 0 ? MAPPER.writeValueAsString(texts.generate(in)) : pick(values, in);
  }

  /**
   * Strings to throw at a parser: the valid examples, mutations of them (characters inserted, removed or
   * replaced, a piece repeated up to 3,000 times, two examples joined), random Unicode, null, empty, and
   * 1 MB strings (alone or after an example).
   *
   * @param examples valid inputs
   * @return the generator
   */
  static Gen<String> strings(String... examples) {
    List<String> valid = List.of(examples);
    Gen<String> gen = in -> {
      int kind = Generate.range(0, 99).generate(in);
      if (kind < 3) {
        return null;
      }
      if (kind < 5) {
        return "";
      }
      if (kind < 20) {
        return pick(valid, in);
      }
      if (kind < 70) {
        return mutate(pick(valid, in), valid, in);
      }
      if (kind < 90) {
        return randomUnicode(in, Generate.range(1, 40).generate(in));
      }
      String huge = pick(HUGE, in);
      return kind < 95 ? huge : pick(valid, in) + huge;
    };
    return gen.describedAs(Hostile::describe);
  }

  /** One to three random edits of {@code text}. */
  static String mutate(String text, List<String> others, RandomnessSource in) {
    String s = text;
    for (int edits = Generate.range(1, 3).generate(in); edits > 0; edits--) {
      int at = Generate.range(0, s.length()).generate(in);
      switch (Generate.range(0, 6).generate(in)) {
        case 0 -> s = s.substring(0, at) + special(in) + s.substring(at);
        case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + Generate.range(1, 3).generate(in)));
        case 2 -> s = at < s.length() ? s.substring(0, at) + special(in) + s.substring(at + 1) : s + special(in);
        case 3 -> {
          String piece = s.substring(at, Math.min(s.length(), at + Generate.range(1, 4).generate(in)));
          s = s.substring(0, at) + piece.repeat(pick(REPEATS, in)) + s.substring(at);
        }
        case 4 -> s = s.substring(0, at);
        case 5 -> s = s + pick(others, in);
        default -> s = swapCase(s);
      }
    }
    return s;
  }

  /** Whole numbers around the edges: 0, ±1, the int and long limits and their neighbours, and any long. */
  static Gen<Long> longs() {
    List<Long> edges = List.of(0L, 1L, -1L, 59L, 60L, 61L, 3600L, 86_400L, 604_800L, 36_500L, 52_560_000L,
        (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1,
        Long.MIN_VALUE, Long.MAX_VALUE / 60, Long.MAX_VALUE / 86_400);
    return in -> Generate.range(0, 2).generate(in) == 0
        ? Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in)
        : Generate.range(0, 1).generate(in) == 0 ? pick(edges, in) : Generate.longRange(-100, 100_000).generate(in);
  }

  /** {@link #longs()} cut to ints (the int limits among them). */
  static Gen<Integer> ints() {
    return longs().map(l -> l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? (int) (l % 1_000_000) : (int) (long) l);
  }

  /** Durations: null, zero, negative, tiny, fractional, the largest and smallest there are, and in between. */
  static Gen<Duration> durations() {
    List<Duration> edges = new ArrayList<>();
    edges.add(null);
    edges.addAll(List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMillis(1_500), Duration.ofSeconds(-1),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
        Duration.ofSeconds(Long.MAX_VALUE / 60 * 60), Duration.ofDays(1), Duration.ofDays(35), Duration.ofDays(365),
        Duration.ofDays(366), Duration.ofDays(36_500), Duration.ofDays(36_501), Duration.ofMinutes(5)));
    Gen<Long> longs = longs();
    return in -> switch (Generate.range(0, 4).generate(in)) {
      case 0 -> pick(edges, in);
      case 1 -> Duration.ofSeconds(longs.generate(in));
      case 2 -> Duration.ofMinutes(Generate.range(-10, 100_000).generate(in));
      case 3 -> Duration.ofDays(Generate.range(-10, 40_000).generate(in));
      default -> Duration.ofMillis(Generate.longRange(-10, 10_000_000).generate(in));
    };
  }

  /** Doubles: NaN, the infinities, ±0, the extremes, and any. */
  static Gen<Double> doubles() {
    List<Double> edges = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e308, 100.0, 99.99999999999);
    return in -> Generate.range(0, 1).generate(in) == 0 ? pick(edges, in)
        : Double.longBitsToDouble(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).generate(in));
  }

  /** One of {@code values} (null allowed among them). */
  static <T> T pick(List<T> values, RandomnessSource in) {
    return values.get(Generate.range(0, values.size() - 1).generate(in));
  }

  /**
   * A call prepared with hostile arguments (drawn when generated), described by what it does.
   *
   * @param description what the call does, with its arguments abbreviated
   * @param call the call
   * @param <T> what it returns
   */
  record Attempt<T>(String description, Callable<T> call) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** {@code n} values of {@code gen} (nulls kept). */
  static <T> Gen<List<T>> several(Gen<T> gen, int n) {
    return in -> {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(gen.generate(in));
      }
      return out;
    };
  }

  /** {@code gen}, or null one time in ten. */
  static <T> Gen<T> orNull(Gen<T> gen) {
    return in -> Generate.range(0, 9).generate(in) == 0 ? null : gen.generate(in);
  }

  /**
   * Calls {@code call} and tells what came of it. The call runs in a thread with half the default stack
   * (512 KiB), so that work that recurses once per character or element of the input shows as the
   * {@code StackOverflowError} it would be in a smaller thread, instead of passing by luck.
   *
   * @return the result when accepted, empty when it threw {@link ValidationException}
   * @throws AssertionError when it threw anything else
   */
  static <T> Optional<T> outcome(Object input, Callable<T> call) {
    Throwable thrown;
    try {
      return Optional.of(Thread.currentThread().getName().equals(FUZZ_THREAD) ? call.call()
          : SMALL_STACK.submit(call).get());
    } catch (ExecutionException e) {
      thrown = e.getCause();
    } catch (Throwable t) {
      thrown = t;
    }
    if (thrown instanceof ValidationException) {
      return Optional.empty();
    }
    return fail("only ValidationException may come out, but " + thrown.getClass().getName() + " did, for "
        + describe(input), thrown);
  }

  /**
   * A short description of an input for a failure message: long strings abbreviated, lists and maps shown
   * only a few levels deep (a list nested 100,000 deep or a map holding itself cannot be printed whole).
   */
  static String describe(Object input) {
    String text = render(input, 0);
    return text.length() <= 200 ? text : text.substring(0, 120) + "...(" + text.length() + " characters)";
  }

  private static String render(Object input, int depth) {
    if (input instanceof java.util.Collection<?> c) {
      return depth > 3 ? "[...]" : "[" + c.stream().limit(5).map(v -> render(v, depth + 1))
          .collect(java.util.stream.Collectors.joining(", ")) + (c.size() > 5 ? ", ..." : "") + "]";
    }
    if (input instanceof java.util.Map<?, ?> m) {
      return depth > 3 ? "{...}" : "{" + m.entrySet().stream().limit(5)
          .map(e -> render(e.getKey(), depth + 1) + "=" + render(e.getValue(), depth + 1))
          .collect(java.util.stream.Collectors.joining(", ")) + (m.size() > 5 ? ", ..." : "") + "}";
    }
    String text = String.valueOf(input);
    return text.length() <= 200 ? text : text.substring(0, 120) + "...(" + text.length() + " characters)";
  }

  private static String special(RandomnessSource in) {
    return Generate.range(0, 3).generate(in) == 0 ? pick(UNICODE, in)
        : String.valueOf(SPECIALS.charAt(Generate.range(0, SPECIALS.length() - 1).generate(in)));
  }

  private static String randomUnicode(RandomnessSource in, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = Generate.range(0, 3).generate(in);
      int cp = kind == 0 ? Generate.range(0, 0x7f).generate(in)
          : kind == 1 ? Generate.range(0, 0xffff).generate(in) : Generate.range(0, Character.MAX_CODE_POINT).generate(in);
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static String swapCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.chars().forEach(c -> sb.append((char) (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))));
    return sb.toString();
  }
}
