package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingProxyTest {
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer target;
  private FaultInjectingProxy proxy;

  @BeforeEach
  void start() throws IOException {
    target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
      byte[] answer = ("echo " + body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Target", "yes");
      exchange.sendResponseHeaders(201, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    target.start();
    proxy = FaultInjectingProxy.start(URI.create("http://127.0.0.1:" + target.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    proxy.close();
    target.stop(0);
  }

  @Test
  void forwardsRequestAndAnswer() throws Exception {
    HttpResponse<String> response = post("/?Action=Describe", "Name=a");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("echo Name=a");
    assertThat(response.headers().firstValue("X-Target")).contains("yes");
    assertThat(received).containsExactly("POST /?Action=Describe Name=a");
    assertThat(proxy.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.target()).isEqualTo("/?Action=Describe");
      assertThat(r.body()).isEqualTo("Name=a");
    });
  }

  @Test
  void dropsTheAnswerOfTheNextMatchingRequestsAfterForwardingThem() throws Exception {
    proxy.dropResponses(1, r -> r.mentions("Action=Create"));

    assertThat(post("/", "Action=Describe").statusCode()).isEqualTo(201);
    assertThatThrownBy(() -> post("/", "Action=Create&Name=a")).isInstanceOf(IOException.class);
    assertThat(post("/", "Action=Create&Name=a").statusCode()).isEqualTo(201);

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(received).containsExactly("POST / Action=Describe", "POST / Action=Create&Name=a", "POST / Action=Create&Name=a");
  }

  @Test
  void mentionsLooksAtTargetHeadersAndBody() {
    var request = new FaultInjectingProxy.Request("POST", "/?Action=A", java.util.Map.of("X-Amz-Target", List.of("secretsmanager.CreateSecret")), "B=1");
    assertThat(request.mentions("Action=A")).isTrue();
    assertThat(request.mentions("secretsmanager.CreateSecret")).isTrue();
    assertThat(request.mentions("B=1")).isTrue();
    assertThat(request.mentions("C=2")).isFalse();
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
