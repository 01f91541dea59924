package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Knows which request members carry secrets, and scrubs secret values out of free text (AWS error
 * messages, exception messages) before anything is logged, audited or thrown.
 */
public final class Redaction {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|passphrase|secret|token|credential|privatekey|private_key|apikey|api_key|authkey|sessionkey).*");
  private static final Set<String> NOT_SECRET =
      Set.of(
          "nexttoken", "clienttoken", "clientrequesttoken", "idempotencytoken", "continuationtoken",
          "secretid", "secretarn", "secretname", "managemasteruserpassword", "mastersecretkmskeyid");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?i)(.*_)?access_?key_?id");

  private final List<String> secretValues;

  private Redaction(List<String> secretValues) {
    // Longest first, so a secret that contains another is scrubbed whole.
    List<String> sorted = new ArrayList<>(secretValues);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secretValues = List.copyOf(sorted);
  }

  /** A redaction that knows no secret values. */
  public static Redaction none() {
    return new Redaction(List.of());
  }

  /**
   * A redaction that scrubs the given values.
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
    return !NOT_SECRET.contains(lower) && SECRET_NAME.matcher(name).matches();
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

  /** Whether this redaction knows no secret values. */
  public boolean isEmpty() {
    return secretValues.isEmpty();
  }

  /**
   * Replaces every known secret value in a text.
   *
   * @param text the text, or null
   * @return the scrubbed text, or null
   */
  public @Nullable String scrub(@Nullable String text) {
    if (text == null || secretValues.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secretValues) {
      result = result.replace(secret, AuditEvent.REDACTED);
    }
    return result;
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
