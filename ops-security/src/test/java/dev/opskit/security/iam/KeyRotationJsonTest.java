package dev.opskit.security.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.secret.Publication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rotation's saved state reads back equal, and nothing else reads. */
class KeyRotationJsonTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  private static final String OLD = "AKIAOLDOLDOLDOLD1234";
  private static final String NEW = "AKIANEWNEWNEWNEW5678";

  private static KeyRotation state(int progress, boolean pending, boolean withTimes) {
    KeyRotation.Builder b = KeyRotation.builder("service-user", "Secrets Manager secret prod/key", T0)
        .userArn("arn:aws:iam::123456789012:user/service-user")
        .oldKey(OLD, progress > 5 ? KeyRotation.KeyState.INACTIVE : KeyRotation.KeyState.ACTIVE);
    if (progress >= 2) {
      b.newKey(NEW, KeyRotation.KeyState.ACTIVE).newKeyVerified(progress >= 4);
    }
    if (progress >= 3) {
      b.publication(new Publication("Secrets Manager secret prod/key", "opskit-" + NEW, "uuid-1", pending));
    }
    if (withTimes) {
      b.usage(T0.plusSeconds(60), T0.plusSeconds(120)).deactivatedAt(T0.plusSeconds(3600));
    }
    for (RotationStep step : RotationStep.values()) {
      if (step.number() <= progress) {
        b.step(new KeyRotation.Step(step, StepStatus.DONE, "done \"quoted\" \u00e9", List.of("iam:Call " + step), T0.plusSeconds(step.number())));
      }
    }
    if (progress < 7) {
      RotationStep next = java.util.Arrays.stream(RotationStep.values()).filter(st -> st.number() == progress + 1).findFirst().orElseThrow();
      b.step(new KeyRotation.Step(next, StepStatus.WAITING, "waiting", List.of(), T0));
    }
    return b.updatedAt(T0.plusSeconds(9)).build();
  }

  @Test
  void everyStateReadsBackEqual() {
    qt().forAll(integers().between(1, 7), booleans().all(), booleans().all())
        .checkAssert((progress, pending, times) -> {
          KeyRotation state = state(progress, pending, times);
          KeyRotation back = KeyRotation.fromJson(state.toJson());
          assertThat(back).isEqualTo(state);
          assertThat(back.steps()).isEqualTo(state.steps());
          assertThat(back.whereTheUserIs()).isEqualTo(state.whereTheUserIs());
          assertThat(back.toBuilder().build()).isEqualTo(state);
        });
  }

  @Test
  void reportsWhereTheUserIsWithKeyIdsMasked() {
    KeyRotation waiting = state(4, false, true);
    assertThat(waiting.waitingAt()).contains(RotationStep.WAIT_UNUSED);
    assertThat(waiting.whereTheUserIs()).isEqualTo("user service-user: old key ****1234 active; new key ****5678 active,"
        + " verified, published in Secrets Manager secret prod/key; working key: ****5678");
    assertThat(waiting.toString()).doesNotContain(OLD).doesNotContain(NEW).contains("next step 5 (wait unused)");
    assertThat(waiting.render()).contains("  5 wait until the old key is no longer used: WAITING (waiting)\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "null", "{\"version\":2}", "{\"version\":1,\"userName\":\"u\"}", "{\"extra\":1}",
      "{\"version\":1,\"userName\":\"u\",\"sink\":\"s\",\"startedAt\":\"yesterday\"}"})
  void refusesWhatIsNotARotation(String json) {
    assertThatThrownBy(() -> KeyRotation.fromJson(json)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid rotation JSON");
  }

  @Test
  void anythingElseIsAValidationExceptionNeverAnotherError() {
    String valid = state(5, true, true).toJson();
    qt().forAll(strings().allPossible().ofLengthBetween(0, 200), integers().between(0, valid.length() - 1),
            integers().between(0, 40))
        .checkAssert((junk, at, cut) -> {
          for (String text : List.of(junk, valid.substring(0, at) + junk + valid.substring(Math.min(valid.length(), at + cut)))) {
            try {
              KeyRotation read = KeyRotation.fromJson(text);
              assertThat(KeyRotation.fromJson(read.toJson())).isEqualTo(read);
            } catch (ValidationException expected) {
              assertThat(expected.getMessage()).startsWith("Invalid ");
            }
          }
        });
  }

  @Test
  void refusesAStateWhoseKeyIdsAreMalformed() {
    String json = state(3, true, false).toJson().replace(NEW, "not-a-key");
    assertThatThrownBy(() -> KeyRotation.fromJson(json)).isInstanceOf(ValidationException.class)
        .hasMessage("Invalid newKeyId: 'not-a-key'. Allowed: an access key id: 16 to 128 upper-case letters and digits");
  }
}
