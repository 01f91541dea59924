package dev.opskit.kubernetes.access.internal;

import dev.opskit.kubernetes.access.EksToken;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The bearer token of a fabric8 client: fabric8 asks before every request (and again after a 401); the current
 * token is given until it is {@linkplain EksToken#isDueForRefresh due} on the context's clock, then a new one is
 * made. Safe for fabric8's threads.
 */
final class RefreshingTokenProvider implements OAuthTokenProvider {
  private final Supplier<EksToken> mint;
  private final Clock clock;
  private EksToken current;

  RefreshingTokenProvider(EksToken first, Supplier<EksToken> mint, Clock clock) {
    this.current = first;
    this.mint = mint;
    this.clock = clock;
  }

  @Override
  public synchronized String getToken() {
    if (current.isDueForRefresh(clock.instant())) {
      current = mint.get();
    }
    return current.token().reveal();
  }

  /** The cluster and times of the current token, never the token. */
  @Override
  public synchronized String toString() {
    return "RefreshingTokenProvider[" + current + "]";
  }
}
