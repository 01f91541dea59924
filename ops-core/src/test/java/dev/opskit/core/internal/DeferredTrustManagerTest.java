package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/** The context's HTTP client reads the trust store on the first TLS handshake, and trusts exactly what the JDK's default does. */
class DeferredTrustManagerTest {

  @Test
  void theTrustStoreIsReadOnFirstUseAndIsTheDefaultOne() throws Exception {
    DeferredTrustManager deferred = (DeferredTrustManager) DeferredTrustManager.trustManagers()[0];
    assertThat(deferred.isLoaded()).isFalse();

    X509Certificate[] issuers = deferred.getAcceptedIssuers();

    assertThat(deferred.isLoaded()).isTrue();
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    X509TrustManager standard = (X509TrustManager) factory.getTrustManagers()[0];
    assertThat(issuers).isNotEmpty().containsExactlyInAnyOrder(standard.getAcceptedIssuers());
  }

  @Test
  void aServerWithACertificateTheDefaultTrustStoreDoesNotHoldIsRefused(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("self-signed.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, "changeit".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(km.getKeyManagers(), new TrustManager[0], null);
    try (SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 8,
        InetAddress.getLoopbackAddress());
        OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .endpointOverride(URI.create("https://127.0.0.1:" + socket.getLocalPort())).build()) {
      Thread accept = new Thread(() -> {
        while (!socket.isClosed()) {
          try (SSLSocket client = (SSLSocket) socket.accept()) {
            client.startHandshake();
          } catch (java.io.IOException expected) {
            // The client refuses the certificate (or the socket closed).
          }
        }
      }, "tls-server");
      accept.setDaemon(true);
      accept.start();
      StsClient sts = ctx.client(StsClient.class, StsClient::builder);

      assertThatThrownBy(() -> sts.getCallerIdentity(GetCallerIdentityRequest.builder().build()))
          .isInstanceOf(SdkClientException.class)
          .hasRootCauseInstanceOf(CertPathBuilderException.class);
    }
  }
}
