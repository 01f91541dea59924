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
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.backup.model.StartRestoreJobRequest;
import software.amazon.awssdk.services.rds.model.CopyDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.ModifyOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.OptionConfiguration;
import software.amazon.awssdk.services.rds.model.OptionSetting;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
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

  /** Members the SDK marks sensitive are redacted whatever their name, and their values scrubbed from text. */
  @Nested
  class MembersTheSdkMarksSensitive {

    static Stream<Arguments> namedMembers() {
      String customerKey = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
      String sourceKey = "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
      String context = "eyJkZXBhcnRtZW50IjoiZmluYW5jZSJ9";
      String preSignedUrl = "https://rds.eu-west-1.amazonaws.com/?Action=CopyDBSnapshot&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
      return Stream.of(
          Arguments.of("SSECustomerKey", customerKey,
              PutObjectRequest.builder().bucket("invoices").key("2026/01.pdf").sseCustomerAlgorithm("AES256")
                  .sseCustomerKey(customerKey).build()),
          Arguments.of("CopySourceSSECustomerKey", sourceKey,
              CopyObjectRequest.builder().sourceBucket("invoices").sourceKey("a").destinationBucket("archive")
                  .destinationKey("a").copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(sourceKey).build()),
          Arguments.of("SSEKMSEncryptionContext", context,
              PutObjectRequest.builder().bucket("invoices").key("k").ssekmsEncryptionContext(context).build()),
          Arguments.of("PreSignedUrl", preSignedUrl,
              CopyDbSnapshotRequest.builder().sourceDBSnapshotIdentifier("arn:aws:rds:eu-west-1:123456789012:snapshot:s")
                  .targetDBSnapshotIdentifier("copy").preSignedUrl(preSignedUrl).build()),
          Arguments.of("Metadata", "arn:aws:kms:eu-west-1:123456789012:key/restore-key-7f3e",
              StartRestoreJobRequest.builder().recoveryPointArn("arn:aws:backup:eu-west-1:123456789012:recovery-point:1")
                  .metadata(Map.of("DBInstanceIdentifier", "orders-restored",
                      "KmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/restore-key-7f3e"))
                  .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedMembers")
    void isRedactedInTheParametersAndScrubbedFromText(String member, String secret, Object request) {
      RequestParameters p = RequestParameters.of(request, Set.of());

      assertThat(p.parameters()).containsEntry(member, AuditEvent.REDACTED);
      assertThat(p.parameters().toString()).doesNotContain(secret);
      assertThat(p.redaction().scrub("AWS said: " + secret + " is not valid"))
          .isEqualTo("AWS said: " + AuditEvent.REDACTED + " is not valid");
    }

    @Test
    void theOtherMembersOfTheSameRequestStayVisible() {
      PutObjectRequest request = PutObjectRequest.builder().bucket("invoices").key("2026/01.pdf")
          .sseCustomerAlgorithm("AES256").sseCustomerKey("q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=").build();

      assertThat(RequestParameters.of(request, Set.of()).parameters()).containsExactly(
          Map.entry("Bucket", "invoices"), Map.entry("Key", "2026/01.pdf"), Map.entry("SSECustomerAlgorithm", "AES256"),
          Map.entry("SSECustomerKey", AuditEvent.REDACTED));
    }

    @Test
    void aSensitiveMemberInsideListsOfStructuresIsRedactedThere() {
      ModifyOptionGroupRequest request = ModifyOptionGroupRequest.builder().optionGroupName("ldap")
          .optionsToInclude(OptionConfiguration.builder().optionName("LDAP")
              .optionSettings(OptionSetting.builder().name("BIND_DN").value("ldap-bind-s3cr3t").build()).build())
          .build();

      RequestParameters p = RequestParameters.of(request, Set.of());

      Map<String, Object> option = (Map<String, Object>) ((List<?>) p.parameters().get("OptionsToInclude")).get(0);
      Map<String, Object> setting = (Map<String, Object>) ((List<?>) option.get("OptionSettings")).get(0);
      assertThat(setting).containsExactly(Map.entry("Name", "BIND_DN"), Map.entry("Value", AuditEvent.REDACTED));
      assertThat(p.redaction().scrub("ldap-bind-s3cr3t")).isEqualTo(AuditEvent.REDACTED);
    }

    @Test
    void aSensitiveMemberDeepInNestedStructuresIsRedactedThere() {
      String keyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      PutBucketEncryptionRequest request = PutBucketEncryptionRequest.builder().bucket("invoices")
          .serverSideEncryptionConfiguration(ServerSideEncryptionConfiguration.builder().rules(
              ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(
                  ServerSideEncryptionByDefault.builder().sseAlgorithm("aws:kms").kmsMasterKeyID(keyArn).build()).build())
              .build())
          .build();

      RequestParameters p = RequestParameters.of(request, Set.of());

      assertThat(p.parameters().toString()).doesNotContain(keyArn).contains("KMSMasterKeyID=" + AuditEvent.REDACTED)
          .contains("SSEAlgorithm=aws:kms");
      assertThat(p.redaction().scrub(keyArn)).isEqualTo(AuditEvent.REDACTED);
    }

    @Test
    void sensitiveBytesAreScrubbedAsTextAndAsBase64() {
      SdkBytes binary = SdkBytes.fromUtf8String("binary-secret-77");
      RequestParameters p = RequestParameters.of(
          CreateSecretRequest.builder().name("billing/blob").secretBinary(binary).build(), Set.of());

      assertThat(p.parameters()).containsEntry("SecretBinary", AuditEvent.REDACTED);
      assertThat(p.redaction().scrub("got binary-secret-77")).isEqualTo("got " + AuditEvent.REDACTED);
      assertThat(p.redaction().scrub("{\"SecretBinary\":\"" + java.util.Base64.getEncoder().encodeToString(binary.asByteArray()) + "\"}"))
          .isEqualTo("{\"SecretBinary\":\"" + AuditEvent.REDACTED + "\"}");
    }
  }
}
