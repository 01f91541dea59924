package dev.opskit.security.iam;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's {@code SimulatePrincipalPolicy} at the HTTP level, answering in IAM's query/XML shapes as the API
 * reference shows them: one {@code EvaluationResult} per action, per-resource decisions in
 * {@code ResourceSpecificResults}, pages of {@code MaxItems} with {@code Marker}/{@code IsTruncated}. It throttles
 * like IAM: more than {@code limit} requests in any sliding second get HTTP 400 {@code Throttling}.
 *
 * <p>Decisions: {@code s3:Get*} and {@code s3:List*} are allowed by the principal's policy {@code app-read}
 * (lines 3 to 7), {@code s3:Delete*} explicitly denied by {@code deny-deletes}, anything else implicitly
 * denied; {@link #decision} says the same for the test.
 */
final class IamSimulationStub implements ResponseDefinitionTransformerV2 {
  private final int limit;
  private final Deque<Long> window = new ArrayDeque<>();
  private int requests;
  private int throttled;
  private int busiestSecond;

  IamSimulationStub(int limit) {
    this.limit = limit;
  }

  @Override
  public String getName() {
    return "iam-simulation";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  static String decision(String action) {
    if (action.startsWith("s3:Get") || action.startsWith("s3:List")) {
      return "allowed";
    }
    return action.startsWith("s3:Delete") ? "explicitDeny" : "implicitDeny";
  }

  synchronized int requests() {
    return requests;
  }

  synchronized int throttled() {
    return throttled;
  }

  synchronized int busiestSecond() {
    return busiestSecond;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    synchronized (this) {
      requests++;
      long now = System.nanoTime();
      while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
        window.removeFirst();
      }
      if (window.size() >= limit) {
        throttled++;
        return xml(400, "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
            + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>throttled-" + requests
            + "</RequestId></ErrorResponse>");
      }
      window.addLast(now);
      busiestSecond = Math.max(busiestSecond, window.size());
    }
    Map<String, List<String>> form = form(event.getRequest().getBodyAsString());
    if (!"SimulatePrincipalPolicy".equals(first(form, "Action"))) {
      return xml(400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>not stubbed</Message>"
          + "</Error><RequestId>x</RequestId></ErrorResponse>");
    }
    List<String> actions = members(form, "ActionNames");
    List<String> resources = members(form, "ResourceArns");
    int max = Integer.parseInt(first(form, "MaxItems") == null ? "100" : first(form, "MaxItems"));
    int from = first(form, "Marker") == null ? 0 : Integer.parseInt(first(form, "Marker").substring("page-".length()));
    int to = Math.min(actions.size(), from + max);
    StringBuilder results = new StringBuilder();
    for (String action : actions.subList(from, to)) {
      results.append(result(action, resources));
    }
    boolean truncated = to < actions.size();
    return xml(200, "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
        + "<SimulatePrincipalPolicyResult><IsTruncated>" + truncated + "</IsTruncated>"
        + "<EvaluationResults>" + results + "</EvaluationResults>"
        + (truncated ? "<Marker>page-" + to + "</Marker>" : "")
        + "</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>req-" + requests + "</RequestId>"
        + "</ResponseMetadata></SimulatePrincipalPolicyResponse>");
  }

  private static String result(String action, List<String> resources) {
    String decision = decision(action);
    StringBuilder perResource = new StringBuilder();
    for (String resource : resources) {
      perResource.append("<member><EvalResourceName>").append(resource).append("</EvalResourceName>")
          .append("<EvalResourceDecision>").append(decision).append("</EvalResourceDecision>")
          .append("<MatchedStatements>").append(statements(decision)).append("</MatchedStatements>")
          .append("<MissingContextValues/></member>");
    }
    return "<member><EvalActionName>" + action + "</EvalActionName>"
        + "<EvalResourceName>" + (resources.isEmpty() ? "*" : resources.get(0)) + "</EvalResourceName>"
        + "<EvalDecision>" + decision + "</EvalDecision>"
        + "<MatchedStatements>" + statements(decision) + "</MatchedStatements>"
        + "<MissingContextValues/>"
        + (resources.isEmpty() ? "" : "<ResourceSpecificResults>" + perResource + "</ResourceSpecificResults>")
        + "</member>";
  }

  private static String statements(String decision) {
    return switch (decision) {
      case "allowed" -> "<member><SourcePolicyId>app-read</SourcePolicyId><SourcePolicyType>role</SourcePolicyType>"
          + "<StartPosition><Line>3</Line><Column>16</Column></StartPosition>"
          + "<EndPosition><Line>7</Line><Column>4</Column></EndPosition></member>";
      case "explicitDeny" -> "<member><SourcePolicyId>deny-deletes</SourcePolicyId><SourcePolicyType>role</SourcePolicyType>"
          + "<StartPosition><Line>9</Line><Column>5</Column></StartPosition>"
          + "<EndPosition><Line>14</Line><Column>6</Column></EndPosition></member>";
      default -> "";
    };
  }

  private static ResponseDefinition xml(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "text/xml").withBody(body).build();
  }

  private static Map<String, List<String>> form(String body) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String first(Map<String, List<String>> form, String key) {
    List<String> values = form.get(key);
    return values == null ? null : values.get(0);
  }

  private static List<String> members(Map<String, List<String>> form, String list) {
    TreeMap<Integer, String> members = new TreeMap<>();
    form.forEach((k, v) -> {
      if (k.startsWith(list + ".member.")) {
        members.put(Integer.parseInt(k.substring((list + ".member.").length())), v.get(0));
      }
    });
    return new ArrayList<>(members.values());
  }
}
