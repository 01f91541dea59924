package dev.opskit.test;

import dev.opskit.test.FaultInjectingProxy.Request;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The HTTP/1.1 wire format of {@link FaultInjectingProxy}: reading requests, writing answers. */
final class ProxyWire {
  private static final int MAX_LINE = 64 * 1024;

  private ProxyWire() {}

  static void write(OutputStream out, int status, Map<String, List<String>> headers, byte[] body,
      boolean keepAlive, boolean head) throws IOException {
    StringBuilder s = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    boolean noBody = head || status == 204 || status == 304;
    headers.forEach((name, values) -> values.forEach(v -> s.append(name).append(": ").append(v).append("\r\n")));
    if (!noBody) {
      s.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (!keepAlive) {
      s.append("Connection: close\r\n");
    }
    s.append("\r\n");
    out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!noBody) {
      out.write(body);
    }
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }


  /** Decoded {@code name=value} pairs of a form body or query string; a name without a value maps to "". */
  static Map<String, String> parameters(String form) {
    Map<String, String> out = new LinkedHashMap<>();
    if (form.isEmpty()) {
      return out;
    }
    for (String pair : form.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.putIfAbsent(name, value);
      }
    }
    return out;
  }


  /** One request as read from the connection: the recorded request, its body bytes and whether to keep the connection. */
  @SuppressWarnings("ArrayRecordComponent") // forwarded as read, never compared or hashed
  record Raw(Request request, byte[] body, boolean keepAlive) {

    /** Reads the next request, or null when the client closed the connection before sending one. */
    static @Nullable Raw read(InputStream in, OutputStream out) throws IOException {
      String line = line(in);
      while (line != null && line.isEmpty()) {
        line = line(in); // tolerate stray CRLFs between requests
      }
      if (line == null) {
        return null;
      }
      String[] parts = line.split(" ", -1);
      if (parts.length != 3) {
        throw new IOException("not an HTTP request line: " + line);
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          throw new IOException("not an HTTP header: " + h);
        }
        String name = h.substring(0, colon).strip();
        String value = h.substring(colon + 1).strip();
        String key = headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
        headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
      if (first(headers, "Expect").filter("100-continue"::equalsIgnoreCase).isPresent()) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      byte[] body;
      if (first(headers, "Transfer-Encoding").filter(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).isPresent()) {
        body = chunked(in);
      } else {
        String length = first(headers, "Content-Length").orElse("0");
        int n;
        try {
          n = Integer.parseInt(length.strip());
        } catch (NumberFormatException e) {
          throw new IOException("not a Content-Length: " + length, e);
        }
        body = in.readNBytes(n);
        if (body.length != n) {
          throw new EOFException("the body ended after " + body.length + " of " + n + " bytes");
        }
      }
      boolean keepAlive = "HTTP/1.1".equals(parts[2])
          && first(headers, "Connection").filter("close"::equalsIgnoreCase).isEmpty();
      Request request = new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
      return new Raw(request, body, keepAlive);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static byte[] chunked(InputStream in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new EOFException("the chunked body ended early");
        }
        int semicolon = size.indexOf(';');
        int n;
        try {
          n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("not a chunk size: " + size, e);
        }
        if (n == 0) {
          for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // trailers are not forwarded
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(n);
        if (chunk.length != n) {
          throw new EOFException("a chunk ended early");
        }
        body.write(chunk);
        line(in);
      }
    }

    /** A line without its CRLF, or null at the end of the stream before any byte. */
    private static @Nullable String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        if (line.size() >= MAX_LINE) {
          throw new IOException("a line of more than " + MAX_LINE + " bytes");
        }
        line.write(b);
      }
      if (line.size() == 0) {
        return null;
      }
      throw new EOFException("the connection ended inside a line");
    }
  }
}
