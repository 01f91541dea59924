package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.opskit.core.audit.AuditEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

class RedactionTest {
  private static final String R = AuditEvent.REDACTED;
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final ObjectMapper JACKSON_ASCII =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** An RDS master password with every character that URL encoding changes. */
  private static final String PASSWORD = "Pa55+w/rd=9 x~*&é";

  @Nested
  class UrlEncodedEchoes {

    @Test
    void aFormEncodedQueryBodyWithPlusForSpace() {
      String body = "Action=CreateDBInstance&MasterUserPassword=" + form(PASSWORD) + "&Engine=postgres";
      assertThat(body).contains("Pa55%2Bw%2Frd%3D9+x");

      assertThat(Redaction.of(List.of(PASSWORD)).scrub(body))
          .isEqualTo("Action=CreateDBInstance&MasterUserPassword=" + R + "&Engine=postgres");
    }

    @Test
    void percent20ForSpaceAsTheSdkEncodesAndLowerCaseHex() {
      Redaction redaction = Redaction.of(List.of(PASSWORD));

      assertThat(redaction.scrub("p=" + SdkHttpUtils.urlEncode(PASSWORD) + ";")).isEqualTo("p=" + R + ";");
      assertThat(redaction.scrub("p=" + form(PASSWORD).replace("+", "%20") + ";")).isEqualTo("p=" + R + ";");
      assertThat(redaction.scrub("p=" + lowerHex(form(PASSWORD)) + ";")).isEqualTo("p=" + R + ";");
    }

    @Test
    void aFormBodyUrlEncodedAgain() {
      String body = "MasterUserPassword=" + form(PASSWORD);
      assertThat(Redaction.of(List.of(PASSWORD)).scrub("echo " + form(body)))
          .isEqualTo("echo MasterUserPassword%3D" + R);
    }
  }

  @Nested
  class JsonEscapedEchoes {
    private static final String SECRET_STRING = "{\"apiKey\":\"sk\\live-\u00e9\u20ac\ud83d\ude00\n/\"}";

    @Test
    void aSecretStringAsJacksonWritesIt() throws JsonProcessingException {
      String body = JACKSON.writeValueAsString(Map.of("Name", "billing/api-key", "SecretString", SECRET_STRING));
      assertThat(body).contains("\\\"apiKey\\\"", "sk\\\\live", "\\n");

      assertThat(Redaction.of(List.of(SECRET_STRING)).scrub(body)).doesNotContain("apiKey", "sk\\\\live")
          .isEqualTo(body.replace(quoted(SECRET_STRING), R));
    }

    @Test
    void withEveryNonAsciiCharacterAsAUnicodeEscapeInEitherCase() throws JsonProcessingException {
      String escaped = quoted(JACKSON_ASCII, SECRET_STRING);
      assertThat(escaped).contains("\\u00E9", "\\uD83D\\uDE00");
      Redaction redaction = Redaction.of(List.of(SECRET_STRING));

      assertThat(redaction.scrub("\"" + escaped + "\"")).isEqualTo("\"" + R + "\"");
      assertThat(redaction.scrub("\"" + lowerHex(escaped) + "\"")).isEqualTo("\"" + R + "\"");
      assertThat(redaction.scrub("\"" + escaped.replace("/", "\\/") + "\"")).isEqualTo("\"" + R + "\"");
    }

    @Test
    void aJsonBodyQuotedInsideAnotherJsonStringOrUrlEncoded() throws JsonProcessingException {
      String body = JACKSON.writeValueAsString(Map.of("SecretString", SECRET_STRING));
      Redaction redaction = Redaction.of(List.of(SECRET_STRING));

      assertThat(redaction.scrub(JACKSON.writeValueAsString(Map.of("message", "bad body " + body))))
          .isEqualTo("{\"message\":\"bad body {\\\"SecretString\\\":\\\"" + R + "\\\"}\"}");
      assertThat(redaction.scrub(form(body))).isEqualTo(form("{\"SecretString\":\"") + R + form("\"}"));
    }
  }

  @Test
  void xmlEscapedEchoes() {
    Redaction redaction = Redaction.of(List.of(PASSWORD));
    String xml = PASSWORD.replace("&", "&amp;").replace("\u00e9", "&#233;");

    assertThat(redaction.scrub("<Message>" + xml + "</Message>")).isEqualTo("<Message>" + R + "</Message>");
    assertThat(redaction.scrub("<M>" + PASSWORD.replace("&", "&#x26;") + "</M>")).isEqualTo("<M>" + R + "</M>");
  }

  @Test
  void theWholeValueInBase64() {
    byte[] utf8 = PASSWORD.getBytes(StandardCharsets.UTF_8);
    Redaction redaction = Redaction.of(List.of(PASSWORD));

    assertThat(redaction.scrub("b=" + Base64.getEncoder().encodeToString(utf8) + ";")).isEqualTo("b=" + R + ";");
    assertThat(redaction.scrub("b=" + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8) + ";"))
        .isEqualTo("b=" + R + ";");
    assertThat(redaction.scrub("b=" + form(Base64.getEncoder().encodeToString(utf8)) + ";")).isEqualTo("b=" + R + ";");
  }

  @Test
  void textThatOnlyResemblesTheSecretIsLeftAlone() {
    Redaction redaction = Redaction.of(List.of("Pa55+word"));
    String text = "Pa55 word, Pa55-word, Pa55%2Cword, Pa55%2word, Pa55\\u002word, Pa55&#43word";

    assertThat(redaction.scrub(text)).isSameAs(text);
    assertThat(redaction.scrub("Pa55%2bword Pa55\\u002Bword Pa55&#43;word"))
        .isEqualTo(R + " " + R + " " + R);
  }

  @Test
  void aLongSecretInALongTextIsScrubbedWithoutOverflowingTheStack() {
    String secret = "k" + "x+/\u00e9".repeat(25_000);
    String text = "a".repeat(50_000) + form(secret) + "b".repeat(50_000) + quoted(secret);
    long start = System.nanoTime();

    String scrubbed = Redaction.of(List.of(secret)).scrub(text);

    assertThat(scrubbed).isEqualTo("a".repeat(50_000) + R + "b".repeat(50_000) + R);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void everyEncodingOfAnySecretIsScrubbed() {
    List<UnaryOperator<String>> encodings = List.of(
        s -> s, RedactionTest::form, s -> form(s).replace("+", "%20"), SdkHttpUtils::urlEncode,
        s -> lowerHex(form(s)), RedactionTest::quoted, s -> quoted(JACKSON_ASCII, s), s -> form(form(s)),
        s -> quoted(quoted(s)), s -> form(quoted(s)), s -> quoted(form(s)),
        s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    qt().forAll(secrets()).checkAssert(secret -> {
      Redaction redaction = Redaction.of(List.of(secret));
      for (UnaryOperator<String> encoding : encodings) {
        assertThat(redaction.scrub("<" + encoding.apply(secret) + ">")).as(encoding.apply(secret))
            .isEqualTo("<" + R + ">");
      }
    });
  }

  /** Random secrets from an alphabet rich in characters that some encoding changes. */
  private static Gen<String> secrets() {
    int[] alphabet = "aZ09 +/=%&\\\"'<>~*.-_\n\t\u00e9\u20ac\ud83d\ude00".codePoints().toArray();
    return lists().of(integers().between(0, alphabet.length - 1)).ofSizeBetween(3, 24).map(indexes -> {
      StringBuilder s = new StringBuilder();
      indexes.forEach(i -> s.appendCodePoint(alphabet[i]));
      return s.toString();
    });
  }

  static String form(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The JSON string literal Jackson writes for {@code s}, without its quotes. */
  static String quoted(String s) {
    return quoted(JACKSON, s);
  }

  private static String quoted(ObjectMapper mapper, String s) {
    try {
      String json = mapper.writeValueAsString(s);
      return json.substring(1, json.length() - 1);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lowerHex(String encoded) {
    Matcher m = Pattern.compile("(%|\\\\u)([0-9A-F]{2,4})").matcher(encoded);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2).toLowerCase(Locale.ROOT)));
    }
    return m.appendTail(out).toString();
  }
}
