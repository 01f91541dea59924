package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

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
  void aSecretValueNeverSurvivesInParametersOrScrubbedText() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(3, 40)).checkAssert(secret -> {
      RequestParameters p = RequestParameters.of(Map.of("DbPassword", secret, "Name", "n"), Set.of());
      assertThat(p.parameters().toString().contains(secret) && !"n".contains(secret)
          && !p.parameters().toString().replace(AuditEvent.REDACTED, "").contains(secret)).isFalse();
      assertThat(p.redaction().scrub("before " + secret + " after")).doesNotContain(secret);
    });
  }
}
