package dev.opskit.test;

import static dev.opskit.test.FaultInjectingProxy.action;
import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static dev.opskit.test.FaultInjectingProxy.anyRequest;
import static dev.opskit.test.FaultInjectingProxy.bodyContains;
import static dev.opskit.test.FaultInjectingProxy.header;
import static dev.opskit.test.FaultInjectingProxy.mentions;
import static dev.opskit.test.FaultInjectingProxy.method;
import static dev.opskit.test.FaultInjectingProxy.pathStartsWith;
import static dev.opskit.test.FaultInjectingProxy.queryParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.FaultInjectingProxy.Injection;
import dev.opskit.test.FaultInjectingProxy.Protocol;
import dev.opskit.test.FaultInjectingProxy.Request;
import dev.opskit.test.FaultInjectingProxy.Rule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    assertThat(proxy.faultsInjected()).isZero();
  }

  @Test
  void forwardsManyRequestsOnOneConnectionAndChunkedBodiesAndExpectContinue() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/", "n=" + i).body()).isEqualTo("echo n=" + i);
    }
    HttpRequest chunked = HttpRequest.newBuilder(proxy.endpoint().resolve("/chunked"))
        .expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("streamed body".getBytes(StandardCharsets.UTF_8))))
        .build();

    HttpResponse<String> response = client.send(chunked, HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("echo streamed body");
    assertThat(received).containsExactly("POST / n=0", "POST / n=1", "POST / n=2", "POST /chunked streamed body");
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
  void dropResponsesReplacesOnlyTheRuleItMadeBefore() throws Exception {
    Rule throttled = proxy.when(mentions("Other")).next(1).inject(Fault.throttling());
    proxy.dropResponses(5, mentions("Create"));
    proxy.dropResponses(0, mentions("Create"));

    assertThat(post("/", "Action=Create").statusCode()).isEqualTo(201);
    assertThat(post("/", "Action=Other").statusCode()).isEqualTo(429); // no form content type: REST-JSON throttling

    assertThat(proxy.droppedResponses()).isZero();
    assertThat(throttled.injected()).isEqualTo(1);
    assertThatThrownBy(() -> proxy.dropResponses(-1, anyRequest()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be 0 or more, not -1");
  }

  @Test
  void mentionsLooksAtTargetHeadersAndBody() {
    var request = new Request("POST", "/?Action=A", Map.of("X-Amz-Target", List.of("secretsmanager.CreateSecret")), "B=1");
    assertThat(request.mentions("Action=A")).isTrue();
    assertThat(request.mentions("secretsmanager.CreateSecret")).isTrue();
    assertThat(request.mentions("B=1")).isTrue();
    assertThat(request.mentions("C=2")).isFalse();
  }

  @Nested
  class Rules {

    @Test
    void nextNAppliesToThatManyMatchingRequestsAndCountsWhatItSaw() throws Exception {
      Rule rule = proxy.when(bodyContains("Create")).next(2).inject(Fault.serviceUnavailable());

      assertThat(post("/", "Describe").statusCode()).isEqualTo(201);
      assertThat(post("/", "Create").statusCode()).isEqualTo(503);
      assertThat(post("/", "Create").statusCode()).isEqualTo(503);
      assertThat(post("/", "Create").statusCode()).isEqualTo(201);

      assertThat(rule.seen()).isEqualTo(3);
      assertThat(rule.injected()).isEqualTo(2);
      assertThat(rule.remaining()).isEqualTo(OptionalInt.of(0));
      assertThat(rule).hasToString("answer 503 ServiceUnavailable, next 2 (injected 2, seen 3)");
      assertThat(received).containsExactly("POST / Describe", "POST / Create");
      assertThat(proxy.received()).extracting(Request::body).containsExactly("Describe", "Create", "Create", "Create");
      assertThat(proxy.requests()).extracting(Request::body).containsExactly("Describe", "Create");
      assertThat(proxy.count(bodyContains("Create"))).isEqualTo(3);
      assertThat(proxy.faultsInjected()).isEqualTo(2);
      assertThat(proxy.injections()).extracting(Injection::fault).containsOnly(rule.fault()).hasSize(2);
    }

    @Test
    void alwaysIsTheDefaultAndNeverRunsOut() throws Exception {
      Rule rule = proxy.when(anyRequest()).inject(Fault.serverError());

      for (int i = 0; i < 4; i++) {
        assertThat(post("/", "x").statusCode()).isEqualTo(500);
      }

      assertThat(rule.injected()).isEqualTo(4);
      assertThat(rule.remaining()).isEmpty();
      assertThat(received).isEmpty();
    }

    @Test
    void theFirstMatchingRuleWithBudgetLeftInjectsAndEveryMatchingRuleCounts() throws Exception {
      Rule first = proxy.when(bodyContains("Create")).next(1).inject(Fault.throttling());
      Rule second = proxy.when(anyRequest()).next(1).inject(Fault.serverError());

      assertThat(post("/", "Create").statusCode()).isEqualTo(429);
      assertThat(post("/", "Create").statusCode()).isEqualTo(500);
      assertThat(post("/", "Create").statusCode()).isEqualTo(201);

      assertThat(first.seen()).isEqualTo(3);
      assertThat(first.injected()).isEqualTo(1);
      assertThat(second.seen()).isEqualTo(3);
      assertThat(second.injected()).isEqualTo(1);
    }

    @Test
    void clearRulesForwardsEverythingAgainAndKeepsTheCounts() throws Exception {
      proxy.when(anyRequest()).inject(Fault.serverError());
      assertThat(post("/", "a").statusCode()).isEqualTo(500);

      proxy.clearRules();

      assertThat(post("/", "b").statusCode()).isEqualTo(201);
      assertThat(proxy.faultsInjected()).isEqualTo(1);
      assertThat(proxy.received()).hasSize(2);
    }

    @Test
    void aRuleWhoseConditionFailsAnswers500AndTheProxyGoesOn() throws Exception {
      proxy.when(r -> {
        throw new IllegalStateException("broken condition");
      }).inject(Fault.serverError());

      HttpResponse<String> response = post("/", "a");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("a rule of the fault-injecting proxy failed: java.lang.IllegalStateException: broken condition");
    }

    @Test
    void badArgumentsAreRefused() {
      assertThatThrownBy(() -> proxy.when(anyRequest()).next(-1))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be 0 or more, not -1");
      assertThatThrownBy(() -> Fault.delay(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("delay must be a positive duration, not PT0S");
      assertThatThrownBy(() -> Fault.error(200, "Fine", "m"))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("status must be 400 to 599, not 200");
      assertThatThrownBy(() -> proxy.when(null))
          .isInstanceOf(NullPointerException.class).hasMessage("matching");
    }
  }

  @Nested
  class ConnectionFaults {

    @Test
    void resetBeforeForwardingNeverReachesTheTarget() throws Exception {
      Rule rule = proxy.when(anyRequest()).next(1).inject(Fault.resetBeforeForwarding());

      assertThatThrownBy(() -> rawPost("Action=Create")).isInstanceOf(SocketException.class).hasMessage("Connection reset");

      assertThat(received).isEmpty();
      assertThat(proxy.requests()).isEmpty();
      assertThat(proxy.received()).hasSize(1);
      assertThat(rule.injected()).isEqualTo(1);
      assertThat(rawPost("Action=Create")).startsWith("HTTP/1.1 201 Created");
    }

    @Test
    void resetAfterForwardingReachesTheTargetAndThenResets() throws Exception {
      proxy.when(anyRequest()).next(1).inject(Fault.resetAfterForwarding());

      assertThatThrownBy(() -> rawPost("Action=Create")).isInstanceOf(SocketException.class).hasMessage("Connection reset");

      assertThat(received).containsExactly("POST / Action=Create");
      assertThat(proxy.requests()).hasSize(1);
    }

    @Test
    void aLostResponseIsAnOrderlyCloseWithoutAnAnswer() throws Exception {
      proxy.when(anyRequest()).next(1).inject(Fault.loseResponse());

      assertThat(rawPost("Action=Create")).isEmpty();

      assertThat(received).containsExactly("POST / Action=Create");
      assertThat(proxy.droppedResponses()).isEqualTo(1);
    }

    @Test
    void aDelayHoldsTheAnswerBack() throws Exception {
      proxy.when(anyRequest()).next(1).inject(Fault.delay(Duration.ofMillis(300)));
      long start = System.nanoTime();

      HttpResponse<String> response = post("/", "slow");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(response.body()).isEqualTo("echo slow");
      assertThat(received).containsExactly("POST / slow");
    }
  }

  @Nested
  class ErrorShapes {

    @Test
    void queryProtocolThrottlingIsTheErrorResponseDocument() throws Exception {
      proxy.when(anyRequest()).inject(Fault.throttling());

      HttpResponse<String> response = send(form("Action=CreateDBSnapshot&Version=2014-10-31"));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
      assertThat(response.body()).matches("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
          + "<Message>Rate exceeded</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>");
    }

    @Test
    void ec2ThrottlingIsRequestLimitExceededInEc2sOwnDocument() throws Exception {
      proxy.when(anyRequest()).inject(Fault.throttling());

      HttpResponse<String> response = send(form("Action=DeleteVolume&Version=2016-11-15&VolumeId=vol-1")
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>\n<Response><Errors><Error>"
          + "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>"
          + "<RequestID>[0-9a-f-]{36}</RequestID></Response>");
    }

    @Test
    void ec2ServerErrorsAreInEc2sOwnDocumentToo() throws Exception {
      proxy.when(anyRequest()).next(1).inject(Fault.serverError());
      proxy.when(anyRequest()).next(1).inject(Fault.serviceUnavailable());
      String ec2 = "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host";

      HttpResponse<String> first = send(form("Action=CreateTags&Version=2016-11-15").header("Authorization", ec2));
      HttpResponse<String> second = send(form("Action=CreateTags&Version=2016-11-15").header("Authorization", ec2));

      assertThat(first.statusCode()).isEqualTo(500);
      assertThat(first.body()).contains("<Response><Errors><Error><Code>InternalError</Code>");
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(second.body()).contains("<Response><Errors><Error><Code>ServiceUnavailable</Code>");
    }

    @Test
    void jsonProtocolThrottlingNamesTheServiceNamespace() throws Exception {
      proxy.when(anyRequest()).inject(Fault.throttling());

      HttpResponse<String> response = send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
          .header("X-Amz-Target", "DynamoDB_20120810.CreateBackup")
          .header("Content-Type", "application/x-amz-json-1.0")
          .POST(HttpRequest.BodyPublishers.ofString("{}")));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
      assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
      assertThat(response.body())
          .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }

    @Test
    void restJsonThrottlingIs429WithTheErrorTypeHeader() throws Exception {
      proxy.when(anyRequest()).inject(Fault.throttling());

      HttpResponse<String> response = send(HttpRequest.newBuilder(proxy.endpoint().resolve("/backup-vaults/v"))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{}")));

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ThrottlingException");
      assertThat(response.body()).isEqualTo("{\"message\":\"Rate exceeded\"}");
    }

    @Test
    void restXmlThrottlingIsS3sSlowDown() throws Exception {
      proxy.when(anyRequest()).inject(Fault.throttling());

      HttpResponse<String> response = send(HttpRequest.newBuilder(proxy.endpoint().resolve("/bucket?versioning"))
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host")
          .PUT(HttpRequest.BodyPublishers.ofString("<VersioningConfiguration/>")));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
      assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message><RequestId>");
    }

    @Test
    void serverErrorsUseEachProtocolsCodeAndAnExplicitProtocolWins() throws Exception {
      proxy.when(bodyContains("one")).next(1).inject(Fault.serverError());
      proxy.when(bodyContains("two")).next(1).inject(Fault.serverError().inProtocol(Protocol.REST_XML));
      proxy.when(bodyContains("three")).next(1).inject(Fault.error(400, "ProvisionedThroughputExceededException", "too <fast> \"now\""));

      HttpResponse<String> query = send(form("Action=X&one=1"));
      HttpResponse<String> xml = send(form("Action=X&two=1"));
      HttpResponse<String> json = send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
          .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
          .POST(HttpRequest.BodyPublishers.ofString("three")));

      assertThat(query.statusCode()).isEqualTo(500);
      assertThat(query.body()).contains("<Type>Receiver</Type><Code>InternalFailure</Code>");
      assertThat(xml.statusCode()).isEqualTo(500);
      assertThat(xml.body()).contains("<Error><Code>InternalError</Code>");
      assertThat(json.body()).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
          + "\"message\":\"too <fast> \\\"now\\\"\"}");
      assertThat(Fault.serverError().inProtocol(Protocol.REST_XML)).hasToString("answer 500 as REST_XML");
    }

    private HttpRequest.Builder form(String body) {
      return HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
          .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Nested
  class Conditions {
    private final Request query = new Request("POST", "/",
        Map.of("content-type", List.of("application/x-www-form-urlencoded"), "Authorization",
            List.of("AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/rds/aws4_request, SignedHeaders=host")),
        "Action=CreateDBSnapshot&DBSnapshotIdentifier=a%2Db");
    private final Request ec2 = new Request("POST", "/",
        Map.of("content-type", List.of("application/x-www-form-urlencoded"), "Authorization",
            List.of("AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host")),
        "Action=DeleteVolume&VolumeId=vol-1");
    private final Request json = new Request("POST", "/",
        Map.of("X-Amz-Target", List.of("DynamoDB_20120810.CreateBackup"), "Content-Type", List.of("application/x-amz-json-1.0")),
        "{\"TableName\":\"t\"}");
    private final Request restJson = new Request("PUT", "/backup-vaults/nightly?x=1",
        Map.of("Content-Type", List.of("application/json")), "{}");
    private final Request s3 = new Request("PUT", "/bucket?versioning",
        Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host")),
        "<VersioningConfiguration/>");

    @Test
    void matchTheQueryActionExactly() {
      assertThat(action("CreateDBSnapshot")).accepts(query).rejects(json, restJson, s3);
      assertThat(action("CreateDBSnapshots")).rejects(query);
      assertThat(action("CreateDB")).rejects(query);
      assertThat(query.parameter("DBSnapshotIdentifier")).contains("a-b");
      assertThat(new Request("GET", "/?Action=DescribeDBInstances", Map.of(), "")).matches(action("DescribeDBInstances"));
    }

    @Test
    void matchHeadersInAnyCaseMethodsPathsAndQueryParameters() {
      assertThat(amzTarget("DynamoDB_20120810.CreateBackup")).accepts(json).rejects(query);
      assertThat(amzTarget("DynamoDB_20120810.Create")).rejects(json);
      assertThat(header("CONTENT-TYPE", "application/json")).accepts(restJson).rejects(json);
      assertThat(method("put")).accepts(restJson, s3).rejects(query);
      assertThat(pathStartsWith("/backup-vaults/")).accepts(restJson).rejects(s3);
      assertThat(queryParameter("versioning")).accepts(s3).rejects(restJson, query);
      assertThat(bodyContains("TableName")).accepts(json).rejects(s3);
      assertThat(method("PUT").and(pathStartsWith("/bucket"))).accepts(s3).rejects(restJson);
      assertThat(restJson.path()).isEqualTo("/backup-vaults/nightly");
      assertThat(restJson.query()).isEqualTo("x=1");
      assertThat(query.header("Content-Type")).contains("application/x-www-form-urlencoded");
    }

    @ParameterizedTest
    @CsvSource({"query, AWS_QUERY", "ec2, EC2_QUERY", "json, AWS_JSON", "restJson, REST_JSON", "s3, REST_XML"})
    void tellTheProtocolApart(String which, Protocol expected) {
      Request request = switch (which) {
        case "query" -> query;
        case "ec2" -> ec2;
        case "json" -> json;
        case "restJson" -> restJson;
        default -> s3;
      };
      assertThat(Protocol.of(request)).isEqualTo(expected);
    }

    @Test
    void aRequestPrintsWithoutItsBody() {
      assertThat(query).hasToString("POST / (" + query.body().length() + " characters of body)");
    }
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends one request on a fresh socket and reads until the proxy closes: "" for an orderly close without an answer. */
  private String rawPost(String body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.endpoint().getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
