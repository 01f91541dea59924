package dev.opskit.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Checks#list}: linear in the list's length, and a message naming the listing only when it fails. */
class ChecksListTest {

  /** An element that counts how often it is rendered as text. */
  private static final class Counted {
    private final AtomicInteger renders;

    Counted(AtomicInteger renders) {
      this.renders = renders;
    }

    @Override
    public String toString() {
      renders.incrementAndGet();
      return "x";
    }
  }

  @Test
  void aValidListIsCopiedWithoutRenderingAnyElement() {
    AtomicInteger renders = new AtomicInteger();
    List<Counted> values = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      values.add(new Counted(renders));
    }

    List<Counted> copy = Checks.list("rows", values, "rows");

    assertThat(copy).containsExactlyElementsOf(values);
    assertThat(renders).hasValue(0);
  }

  @Test
  void aNullElementIsNamedWithTheListingOnce() {
    AtomicInteger renders = new AtomicInteger();
    List<Counted> values = new ArrayList<>(Arrays.asList(new Counted(renders), null));

    assertThatThrownBy(() -> Checks.list("rows", values, "result rows"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid rows: '[x, null]'. Allowed: result rows, without null elements");
    assertThat(renders).hasValue(1);
  }
}
