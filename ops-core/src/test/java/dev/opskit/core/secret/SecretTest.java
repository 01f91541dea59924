package dev.opskit.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @Nested
  class Values {
    @Test
    void neverShowTheSecretInTextOrJson() {
      SecretValue value = SecretValue.of("secretAccessKey", SECRET);

      assertThat(value.toString()).isEqualTo("*** redacted ***");
      assertThat(Json.write(value)).isEqualTo("\"*** redacted ***\"");
      assertThat(Json.write(Map.of("key", value, "list", List.of(value)))).doesNotContain(SECRET);
      assertThat(value.reveal()).isEqualTo(SECRET);
      assertThat(value.length()).isEqualTo(SECRET.length());
    }

    @Test
    void compareBySecretWithOneHashCode() {
      assertThat(SecretValue.of("a", SECRET)).isEqualTo(SecretValue.of("b", SECRET))
          .isNotEqualTo(SecretValue.of("a", SECRET + "x"));
      assertThat(SecretValue.of("a", "one").hashCode()).isEqualTo(SecretValue.of("a", "two").hashCode());
    }

    @Test
    void refuseEmptyAndNullWithoutShowingTheValue() {
      assertThatThrownBy(() -> SecretValue.of("password", ""))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid password: (redacted). Allowed: a secret of 1 to 65536 characters");
      assertThatThrownBy(() -> SecretValue.of("password", null)).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid password: (redacted). Allowed: a secret of 1 to 65536 characters");
      String tooLong = "x".repeat(SecretValue.MAX_LENGTH + 1);
      assertThatThrownBy(() -> SecretValue.of("password", tooLong)).isInstanceOf(ValidationException.class)
          .hasMessageNotContaining("xxxx");
    }
  }

  @Nested
  class Secrets {
    @Test
    void showOnlyVersionAndFieldNames() {
      Secret secret = accessKey();

      assertThat(secret.toString()).isEqualTo("Secret[versionId=rotation-1, fields=[AccessKeyId, SecretAccessKey]]");
      assertThat(Json.write(secret)).doesNotContain(SECRET);
      assertThat(secret.field("SecretAccessKey").reveal()).isEqualTo(SECRET);
    }

    @Test
    void renderTheirFieldsAsOneJsonObjectInOrder() {
      Map<String, SecretValue> fields = new LinkedHashMap<>();
      fields.put("b", SecretValue.of("b", "quote\" back\\ new\nline\u0001"));
      fields.put("a", SecretValue.of("a", "plain"));
      Secret secret = new Secret("v1", fields);

      String json = secret.asJson().reveal();
      assertThat(json).isEqualTo("{\"b\":\"quote\\\" back\\\\ new\\nline\\u0001\",\"a\":\"plain\"}");
      assertThat(Json.readTree("secret", json, "JSON").get("b").asText()).isEqualTo("quote\" back\\ new\nline\u0001");
      assertThat(secret.asJson().toString()).isEqualTo("*** redacted ***");
    }

    @Test
    void refuseBadVersionsAndFieldsAndNameTheMissingField() {
      assertThatThrownBy(() -> new Secret("bad version", Map.of("a", SecretValue.of("a", "x"))))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid versionId: 'bad version'. Allowed: 1 to 64 letters, digits, - and _");
      assertThatThrownBy(() -> new Secret("v1", Map.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("fields").hasMessageContaining("at least one field");
      assertThatThrownBy(() -> accessKey().field("Password"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid field: 'Password'. Allowed: one of [AccessKeyId, SecretAccessKey]");
    }

    @Test
    void publicationsPromoteAndCarryNoSecret() {
      Publication staged = new Publication("Secrets Manager secret app/key", "rotation-1", "uuid-1", true);
      assertThat(staged.promoted()).isEqualTo(new Publication("Secrets Manager secret app/key", "rotation-1", "uuid-1", false));
      SecretSink sink = new SecretSink() {
        @Override
        public String description() {
          return "test";
        }

        @Override
        public List<String> calls() {
          return List.of();
        }

        @Override
        public Publication publish(Secret secret) {
          return new Publication("test", secret.versionId(), secret.versionId(), false);
        }
      };
      assertThat(sink.promote(staged).pending()).isFalse();
    }
  }

  private static Secret accessKey() {
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    fields.put("AccessKeyId", SecretValue.of("AccessKeyId", "AKIAIOSFODNN7EXAMPLE"));
    fields.put("SecretAccessKey", SecretValue.of("SecretAccessKey", SECRET));
    return new Secret("rotation-1", fields);
  }
}
