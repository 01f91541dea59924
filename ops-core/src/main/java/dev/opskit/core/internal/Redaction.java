package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Knows which request members carry secrets, and scrubs secret values out of free text (AWS error
 * messages, exception messages) before anything is logged, audited or thrown.
 */
public final class Redaction {
  /**
   * A name is secret when it contains one of these words, in any case. (Once a regular expression,
   * {@code (?i).*(password|...).*}; a plain search in the lower-cased name matches every name it matched,
   * and also names with a line break or non-ASCII case forms, so it is at least as strict.)
   */
  private static final String[] SECRET_WORDS = {
      "password", "passwd", "passphrase", "secret", "token", "credential", "privatekey", "private_key", "apikey",
      "api_key", "authkey", "sessionkey"};
  private static final Set<String> NOT_SECRET =
      Set.of(
          "nexttoken", "clienttoken", "clientrequesttoken", "idempotencytoken", "continuationtoken",
          "secretid", "secretarn", "secretname", "managemasteruserpassword", "mastersecretkmskeyid");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?i)(.*_)?access_?key_?id");

  private final List<String> secretValues;
  /** The code points of each secret and of its base64 forms, by first code point. */
  private final Map<Integer, List<int[]>> byFirstCodePoint;

  private Redaction(List<String> secretValues) {
    this.secretValues = List.copyOf(secretValues);
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secretValues) {
      forms.add(secret);
      byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
      forms.add(Base64.getEncoder().encodeToString(utf8));
      forms.add(Base64.getEncoder().withoutPadding().encodeToString(utf8));
      forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
    }
    Map<Integer, List<int[]>> index = new HashMap<>();
    for (String form : forms) {
      int[] codePoints = form.codePoints().toArray();
      index.computeIfAbsent(codePoints[0], c -> new ArrayList<>()).add(codePoints);
    }
    this.byFirstCodePoint = Map.copyOf(index);
  }

  /** {@return a redaction that knows no secret values} */
  public static Redaction none() {
    return new Redaction(List.of());
  }

  /**
   * A redaction that scrubs the given values. Values shorter than three characters are not scrubbed from
   * text (they would blot out ordinary words), though their members are still shown redacted.
   *
   * @param secretValues values to scrub from text
   * @return the redaction
   */
  public static Redaction of(Collection<String> secretValues) {
    return new Redaction(secretValues.stream().filter(v -> v.length() >= 3).distinct().toList());
  }

  /**
   * Whether a member or key name carries a secret.
   *
   * @param name a request member name ({@code MasterUserPassword}) or map key ({@code DB_PASSWORD})
   * @param extra further names the caller marked secret
   * @return true when its value must never be shown
   */
  public static boolean isSecretName(String name, Set<String> extra) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (extra.contains(name) || extra.contains(lower)) {
      return true;
    }
    if (NOT_SECRET.contains(lower)) {
      return false;
    }
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a member names an access key id, which is shown masked (last four characters only).
   *
   * @param name the member name
   * @return true for {@code AccessKeyId} and the like
   */
  public static boolean isAccessKeyIdName(String name) {
    return ACCESS_KEY_ID.matcher(name).matches();
  }

  /**
   * Masks an access key id to its last four characters.
   *
   * @param value the key id
   * @return {@code ****WXYZ}
   */
  public static String maskKeyId(String value) {
    return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
  }

  /** {@return whether this redaction knows no secret values} */
  public boolean isEmpty() {
    return secretValues.isEmpty();
  }

  /**
   * Replaces every known secret value in a text, however it was written there: as is; URL-encoded (form
   * encoding with {@code +} or {@code %20} for a space, hex in either case, any set of characters left
   * unencoded); JSON-escaped (short escapes such as {@code \"} and {@code \\}, and backslash-u escapes in
   * either case, as surrogate pairs beyond the BMP); XML-escaped (<code>&amp;amp;</code>,
   * <code>&amp;#233;</code>, <code>&amp;#xE9;</code>); any of those nested two deep (a URL-encoded JSON
   * body, a JSON string quoting a form body); and the whole value in base64 (standard, unpadded,
   * URL-safe), itself in any of those forms.
   *
   * <p>No regular expressions: they recurse per character and overflow the stack on long secrets.
   *
   * @param text the text, or null
   * @return the scrubbed text, or null
   */
  public @Nullable String scrub(@Nullable String text) {
    if (text == null || byFirstCodePoint.isEmpty()) {
      return text;
    }
    EncodedText encoded = new EncodedText(text);
    StringBuilder out = null;
    int copied = 0;
    int p = 0;
    while (p < text.length()) {
      int end = longestMatchAt(encoded, p);
      if (end > p) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, p).append(AuditEvent.REDACTED);
        copied = end;
        p = end;
      } else {
        p++;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private int longestMatchAt(EncodedText text, int p) {
    int longest = -1;
    for (long first : text.at(p)) {
      for (int[] secret : byFirstCodePoint.getOrDefault(EncodedText.codePoint(first), List.of())) {
        longest = Math.max(longest, matchEnd(text, EncodedText.end(first), secret));
      }
    }
    return longest;
  }

  /** Where the longest reading of {@code secret} ends, its first code point read up to {@code afterFirst}; or -1. */
  private static int matchEnd(EncodedText text, int afterFirst, int[] secret) {
    int[] ends = {afterFirst};
    int size = 1;
    for (int i = 1; i < secret.length; i++) {
      int[] next = new int[4];
      int nextSize = 0;
      for (int j = 0; j < size; j++) {
        for (long reading : text.at(ends[j])) {
          int end = EncodedText.end(reading);
          if (EncodedText.codePoint(reading) == secret[i] && !contains(next, nextSize, end)) {
            if (nextSize == next.length) {
              next = Arrays.copyOf(next, nextSize * 2);
            }
            next[nextSize++] = end;
          }
        }
      }
      if (nextSize == 0) {
        return -1;
      }
      ends = next;
      size = nextSize;
    }
    int max = -1;
    for (int j = 0; j < size; j++) {
      max = Math.max(max, ends[j]);
    }
    return max;
  }

  private static boolean contains(int[] values, int size, int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /**
   * A redaction that knows both sets of secret values.
   *
   * @param other another redaction
   * @return the union
   */
  public Redaction and(Redaction other) {
    List<String> all = new ArrayList<>(secretValues);
    all.addAll(other.secretValues);
    return of(all);
  }
}
