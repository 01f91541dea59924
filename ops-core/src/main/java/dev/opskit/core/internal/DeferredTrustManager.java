package dev.opskit.core.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's default trust manager, loaded on the first TLS handshake instead of when the HTTP client is built.
 * Loading it parses the whole trust store (the {@code cacerts} of the JDK, or {@code javax.net.ssl.trustStore}),
 * a large share of the start of a short process, and one a context that only talks plain HTTP (an emulator on
 * loopback) never needs. Every check is the default trust manager's own, with the same trust store and
 * system properties: nothing is trusted that the default would not trust, and a trust store that cannot be
 * loaded fails the handshake (fails closed).
 */
final class DeferredTrustManager extends X509ExtendedTrustManager {
  private volatile @Nullable X509ExtendedTrustManager delegate;

  /** {@return trust managers for the SDK's TLS settings: this one} */
  static TrustManager[] trustManagers() {
    return new TrustManager[] {new DeferredTrustManager()};
  }

  /** {@return whether the default trust manager has been loaded (for tests)} */
  boolean isLoaded() {
    return delegate != null;
  }

  private X509ExtendedTrustManager delegate() throws CertificateException {
    X509ExtendedTrustManager d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = load();
          delegate = d;
        }
      }
    }
    return d;
  }

  private static X509ExtendedTrustManager load() throws CertificateException {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new CertificateException("the JDK's default trust manager factory offers no X509ExtendedTrustManager");
    } catch (GeneralSecurityException e) {
      throw e instanceof CertificateException c ? c
          : new CertificateException("the default trust store could not be loaded: " + e.getMessage(), e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate().checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate().checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    delegate().checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    delegate().checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate().checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate().checkServerTrusted(chain, authType);
  }

  /** The default trust manager's accepted issuers; none when the trust store cannot be loaded (trusting nothing). */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    try {
      return delegate().getAcceptedIssuers();
    } catch (CertificateException e) {
      return new X509Certificate[0];
    }
  }
}
