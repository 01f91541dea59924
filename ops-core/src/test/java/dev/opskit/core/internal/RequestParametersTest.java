package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@SuppressWarnings("unchecked")
class RequestParametersTest {

  @Test
  void keepsAwsMemberNamesAndLeavesUnsetMembersOut() {
    RequestParameters p = RequestParameters.of(CreateQueueRequest.builder().queueName("orders").build(), Set.of());
    assertThat(p.parameters()).containsExactly(Map.entry("QueueName", "orders"));
  }

  @Test
  void redactsSecretNamesAtAnyDepthAndMasksAccessKeyIds() {
    Map<String, Object> request = Map.of(
        "MasterUserPassword", "pw-123456",
        "Nested", Map.of("SessionToken", "tok-abcdef", "AccessKeyId", "AKIAIOSFODNN7EXAMPLE", "Name", "x"),
        "NextToken", "page-2");
    RequestParameters p = RequestParameters.of(request, Set.of());

    assertThat(p.parameters()).containsEntry("MasterUserPassword", AuditEvent.REDACTED)
        .containsEntry("NextToken", "page-2");
    assertThat(p.parameters().get("Nested")).isEqualTo(
        Map.of("SessionToken", AuditEvent.REDACTED, "AccessKeyId", "****MPLE", "Name", "x"));
    assertThat(p.redaction().scrub("echo pw-123456 and tok-abcdef")).isEqualTo(
        "echo *** redacted *** and *** redacted ***");
  }

  @Test
  void convertsSdkValuesToPlainJsonFriendlyValues() {
    SendMessageRequest request = SendMessageRequest.builder().queueUrl("u").messageBody("hello").delaySeconds(5)
        .messageAttributes(Map.of("blob", MessageAttributeValue.builder().dataType("Binary")
            .binaryValue(SdkBytes.fromUtf8String("abc")).build()))
        .build();
    Map<String, Object> params = RequestParameters.of(request, Set.of("MessageBody")).parameters();
    assertThat(params).containsEntry("QueueUrl", "u").containsEntry("DelaySeconds", 5)
        .containsEntry("MessageBody", AuditEvent.REDACTED);
    assertThat(params.get("MessageAttributes").toString()).contains("BinaryValue=<3 bytes>");
    assertThat(RequestParameters.of(Map.of("At", Instant.parse("2026-01-01T00:00:00Z")), Set.of()).parameters())
        .containsEntry("At", "2026-01-01T00:00:00Z");
    assertThat(RequestParameters.of(Map.of("L", List.of(1, 2)), Set.of()).parameters()).containsEntry("L", List.of(1, 2));
  }

  @Test
  void aSecretNamedMemberHoldingAnSdkStructureHasEveryValueInsideCollected() {
    SendMessageRequest request = SendMessageRequest.builder().queueUrl("u").messageBody("hello")
        .messageAttributes(Map.of(
            "api_token", MessageAttributeValue.builder().dataType("String").stringValue("tok-abcdef-123").build(),
            "colour", MessageAttributeValue.builder().dataType("String").stringValue("blue").build()))
        .build();

    RequestParameters p = RequestParameters.of(request, Set.of());

    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) p.parameters().get("MessageAttributes");
    assertThat(attributes).containsEntry("api_token", AuditEvent.REDACTED);
    assertThat(attributes.get("colour").toString()).contains("StringValue=blue");
    assertThat(p.redaction().scrub("AWS said: tok-abcdef-123 is invalid")).isEqualTo("AWS said: *** redacted *** is invalid");
  }

  @Test
  void secretsInsideListsOfSdkStructuresAreRedacted() {
    SendMessageBatchRequest request = SendMessageBatchRequest.builder().queueUrl("u").entries(
            SendMessageBatchRequestEntry.builder().id("1").messageBody("a")
                .messageAttributes(Map.of("SessionToken",
                    MessageAttributeValue.builder().dataType("String").stringValue("tok-in-a-list").build()))
                .build())
        .build();

    RequestParameters p = RequestParameters.of(request, Set.of());

    assertThat(p.parameters().toString()).doesNotContain("tok-in-a-list").contains("SessionToken=" + AuditEvent.REDACTED);
    assertThat(p.redaction().scrub("tok-in-a-list")).isEqualTo(AuditEvent.REDACTED);
  }

  @Test
  void parametersAreDeeplyImmutable() {
    RequestParameters p = RequestParameters.of(
        Map.of("Tags", List.of(Map.of("Key", "team", "Value", "ops")), "Nested", Map.of("A", "b")), Set.of());

    assertThatThrownBy(() -> p.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) p.parameters().get("Tags")).add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) ((List<?>) p.parameters().get("Tags")).get(0)).put("Key", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) p.parameters().get("Nested")).put("A", "c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void auditEventsCopyNestedParametersSoNoHolderCanChangeThem() {
    Map<String, Object> nested = new java.util.HashMap<>(Map.of("Key", "team"));
    java.util.List<Object> list = new java.util.ArrayList<>(List.of(nested));
    Map<String, Object> params = new java.util.LinkedHashMap<>(Map.of("Tags", list));
    AuditEvent event = new AuditEvent(Instant.EPOCH, "a:B", "t", params, dev.opskit.core.audit.Outcome.PLANNED,
        java.time.Duration.ZERO, null, true, null);

    nested.put("Key", "changed");
    list.add("more");

    assertThat(event.parameters()).isEqualTo(Map.of("Tags", List.of(Map.of("Key", "team"))));
  }

  @Test
  void aSecretValueNeverSurvivesInParametersOrScrubbedText() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(3, 40)).checkAssert(secret -> {
      RequestParameters p = RequestParameters.of(Map.of("DbPassword", secret, "Name", "n"), Set.of());
      assertThat(p.parameters().toString().contains(secret) && !"n".contains(secret)
          && !p.parameters().toString().replace(AuditEvent.REDACTED, "").contains(secret)).isFalse();
      assertThat(p.redaction().scrub("before " + secret + " after")).doesNotContain(secret);
    });
  }
}
