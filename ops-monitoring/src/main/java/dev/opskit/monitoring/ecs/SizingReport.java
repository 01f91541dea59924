package dev.opskit.monitoring.ecs;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A task definition's size compared with what its service used over a range.
 *
 * @param service the service
 * @param family the task definition's family
 * @param start the start of the range
 * @param end the end of the range
 * @param cpu the CPU use
 * @param memory the memory use
 * @param suggested the smallest Fargate size that keeps the peaks at most {@value #HEADROOM_PERCENT} % of the
 *     reservation, or null when there is no data or none is big enough
 */
public record SizingReport(EcsService service, String family, Instant start, Instant end, ResourceUse cpu,
    ResourceUse memory, @Nullable FargateSize suggested) {
  /** The peak utilisation a suggested size aims at. */
  public static final double HEADROOM_PERCENT = 70;

  /** {@return the suggestion, when there is one} */
  public Optional<FargateSize> suggestion() {
    return Optional.ofNullable(suggested);
  }

  /** {@return whether CPU or memory is over-sized and neither under-sized} */
  public boolean overSized() {
    return (cpu.verdict() == Verdict.OVER_SIZED || memory.verdict() == Verdict.OVER_SIZED) && !underSized();
  }

  /** {@return whether CPU or memory is under-sized} */
  public boolean underSized() {
    return cpu.verdict() == Verdict.UNDER_SIZED || memory.verdict() == Verdict.UNDER_SIZED;
  }

  /** Two lines of numbers and a suggestion. */
  @Override
  public String toString() {
    return family + " for " + service + " from " + start + " to " + end + ":\n  " + cpu + "\n  " + memory
        + (suggested == null ? "" : "\n  suggested Fargate size: " + suggested);
  }
}
