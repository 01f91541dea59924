package dev.opskit.test;

import dev.opskit.test.FaultInjectingProxy.Request;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An error answer in one protocol's shape. */
@SuppressWarnings("ArrayRecordComponent") // written to the wire as made, never compared or hashed
record ErrorAnswer(int status, Map<String, List<String>> headers, byte[] body) {
  private static final Pattern JSON_TARGET = Pattern.compile("([A-Za-z]+)_(\\d{8})\\..+");

  static ErrorAnswer query(int status, String type, String code, String message, String requestId) {
    String body = "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + xml(code) + "</Code><Message>" + xml(message)
        + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    return new ErrorAnswer(status, headers("Content-Type", "text/xml", "x-amzn-RequestId", requestId), utf8(body));
  }

  /** EC2's error document: {@code <Response><Errors><Error>...</Error></Errors><RequestID>}. */
  static ErrorAnswer ec2(int status, String code, String message, String requestId) {
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + xml(code)
        + "</Code><Message>" + xml(message) + "</Message></Error></Errors><RequestID>" + requestId
        + "</RequestID></Response>";
    return new ErrorAnswer(status, headers("Content-Type", "text/xml;charset=UTF-8", "x-amzn-RequestId", requestId), utf8(body));
  }

  /** {@code __type} carries the service's namespace when the target names one ({@code DynamoDB_20120810.X}). */
  static ErrorAnswer json(Request request, int status, String code, String message, String requestId) {
    String namespace = request.header("X-Amz-Target").map(JSON_TARGET::matcher).filter(Matcher::matches)
        .map(m -> "com.amazonaws." + m.group(1).toLowerCase(Locale.ROOT) + ".v" + m.group(2) + "#").orElse("");
    String contentType = request.header("Content-Type").filter(v -> v.startsWith("application/x-amz-json"))
        .orElse("application/x-amz-json-1.0");
    String body = "{\"__type\":\"" + json(namespace + code) + "\",\"message\":\"" + json(message) + "\"}";
    return new ErrorAnswer(status, headers("Content-Type", contentType, "x-amzn-RequestId", requestId), utf8(body));
  }

  static ErrorAnswer restJson(int status, String code, String message, String requestId) {
    String body = "{\"message\":\"" + json(message) + "\"}";
    Map<String, List<String>> headers = headers("Content-Type", "application/json", "x-amzn-RequestId", requestId);
    headers.put("x-amzn-ErrorType", List.of(code));
    return new ErrorAnswer(status, headers, utf8(body));
  }

  static ErrorAnswer xml(int status, String code, String message, String requestId) {
    String hostId = UUID.randomUUID().toString().replace("-", "");
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xml(code) + "</Code><Message>" + xml(message)
        + "</Message><RequestId>" + requestId + "</RequestId><HostId>" + hostId + "</HostId></Error>";
    Map<String, List<String>> headers = headers("Content-Type", "application/xml", "x-amz-request-id", requestId);
    headers.put("x-amz-id-2", List.of(hostId));
    return new ErrorAnswer(status, headers, utf8(body));
  }

  private static Map<String, List<String>> headers(String n1, String v1, String n2, String v2) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(n1, List.of(v1));
    headers.put(n2, List.of(v2));
    return headers;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

