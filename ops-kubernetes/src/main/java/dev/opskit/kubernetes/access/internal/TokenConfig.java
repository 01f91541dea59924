package dev.opskit.kubernetes.access.internal;

import io.fabric8.kubernetes.client.Config;
import org.jspecify.annotations.Nullable;

/**
 * A fabric8 configuration whose bearer token lives only in its token provider. fabric8's token interceptor, after
 * a 401, asks the provider again and stores the answer in the configuration's {@code autoOAuthToken}, which the
 * configuration's {@code toString} prints: here it is never stored (the retried request already carries it in its
 * header, and every request asks the provider first), so the token never shows in the client's configuration.
 */
final class TokenConfig extends Config {
  TokenConfig(Config built) {
    super(built);
  }

  /** Kept nowhere: the provider is the one place the token is. */
  @Override
  public void setAutoOAuthToken(@Nullable String token) {
    // never stored
  }
}
