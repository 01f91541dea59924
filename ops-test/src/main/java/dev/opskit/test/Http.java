package dev.opskit.test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few bodiless HTTP calls made to an emulator's own API (readiness, reset). */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /**
   * Sends a request without a body.
   *
   * @return the HTTP status
   * @throws IOException when the emulator does not answer
   */
  static int send(String method, URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while calling " + uri);
    }
  }

  /** Whether a GET of {@code uri} answers 200. */
  static boolean answers(URI uri) {
    try {
      return send("GET", uri) == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
