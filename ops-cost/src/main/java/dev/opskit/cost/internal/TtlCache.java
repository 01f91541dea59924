package dev.opskit.cost.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept per identical request for a fixed time on the context's clock. Nothing is served past that time,
 * answers with {@code Estimated} rows included (they are the ones that change); a zero time keeps nothing.
 *
 * @param <K> the request type (SDK requests compare by their members)
 * @param <V> the answer type
 */
final class TtlCache<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final Clock clock;
  private final Duration ttl;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  TtlCache(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  void put(K key, V value) {
    if (!ttl.isZero()) {
      entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
  }
}
