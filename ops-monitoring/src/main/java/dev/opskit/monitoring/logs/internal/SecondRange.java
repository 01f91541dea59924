package dev.opskit.monitoring.logs.internal;

import dev.opskit.core.ValidationException;
import java.util.List;

/**
 * A range of whole epoch seconds with both ends included (as StartQuery reads {@code startTime} and
 * {@code endTime}), and its split into two halves that cover it exactly once.
 *
 * @param from the first second
 * @param to the last second, not before {@code from}
 */
public record SecondRange(long from, long to) {
  /**
   * Validates.
   *
   * @param from the first second
   * @param to the last second
   */
  public SecondRange {
    if (to < from) {
      throw ValidationException.of("range.end", to, "a second not before the start (" + from + ")");
    }
  }

  /** {@return whether the range is one second, which cannot be split} */
  public boolean isSingleSecond() {
    return from == to;
  }

  /**
   * The two halves: {@code [from, mid]} and {@code [mid + 1, to]}.
   *
   * @return the halves, earlier first
   * @throws IllegalStateException for a single second
   */
  public List<SecondRange> halves() {
    if (isSingleSecond()) {
      throw new IllegalStateException("a single second cannot be split");
    }
    long mid = from + (to - from) / 2;
    return List.of(new SecondRange(from, mid), new SecondRange(mid + 1, to));
  }

  /** {@return how many seconds the range holds} */
  public long seconds() {
    return to - from + 1;
  }
}
