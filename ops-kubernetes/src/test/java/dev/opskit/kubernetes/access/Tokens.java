package dev.opskit.kubernetes.access;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an EKS token back, as the authenticator on the cluster does. */
final class Tokens {
  static final String PREFIX = "k8s-aws-v1.";

  private Tokens() {}

  /** The presigned URL inside a token (unpadded base64url after the prefix). */
  static URI url(String token) {
    if (!token.startsWith(PREFIX)) {
      throw new AssertionError("not an EKS token: no " + PREFIX + " prefix");
    }
    return URI.create(new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())), StandardCharsets.UTF_8));
  }

  /** The URL's query parameters, decoded, in their order. */
  static Map<String, String> query(URI url) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : java.util.regex.Pattern.compile("&").split(url.getRawQuery(), -1)) {
      int eq = pair.indexOf('=');
      String previous = parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      if (previous != null) {
        throw new AssertionError("parameter given twice: " + pair);
      }
    }
    return parameters;
  }
}
