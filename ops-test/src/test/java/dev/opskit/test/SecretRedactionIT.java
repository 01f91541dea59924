package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditSinks;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.Change;
import dev.opskit.core.internal.Slf4jAuditSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.invocation.Invocation;
import org.slf4j.Logger;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;

/**
 * A database password and a secret value pass through the gate (a create that succeeds, the same create
 * failing, a Secrets Manager secret) and must never show in any sink, log or message.
 */
@OpsEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretRedactionIT {
  private static final String DB_PASSWORD = "Billing-Pa55word-7q2x";
  private static final String API_KEY = "sk-live-4f9a8b7c6d5e";

  private final InMemoryAuditSink memory = new InMemoryAuditSink();
  private final Logger auditLog = mock(Logger.class);
  @TempDir static Path dir;
  private Path jsonFile;
  private OpsException failure;

  @BeforeAll
  void passSecretsThroughTheGate(Emulator emulator) {
    when(auditLog.isInfoEnabled()).thenReturn(true);
    jsonFile = dir.resolve("audit.jsonl");
    try (AuditSinks.ClosableAuditSink json = AuditSinks.jsonLines(jsonFile);
        OpsContext ctx = emulator.contextBuilder().auditSink(AuditSinks.all(memory, json, new Slf4jAuditSink(auditLog))).build()) {
      CreateDbInstanceRequest create = Rds.postgres("billing-db", DB_PASSWORD);
      Rds.create(ctx, create);
      failure = catchThrowableOfType(OpsException.class, () -> Rds.create(ctx, create));
      SecretsManagerClient secrets = ctx.client(SecretsManagerClient.class, SecretsManagerClient::builder);
      CreateSecretRequest secret =
          CreateSecretRequest.builder().name("billing/api-key").secretString("{\"apiKey\":\"" + API_KEY + "\"}").build();
      ctx.gate().submit(Change.of("secretsmanager:CreateSecret", "billing/api-key", secret, secrets::createSecret).build());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DB_PASSWORD, API_KEY})
  void notInTheInMemoryEvents(String secret) {
    AuditAssertions.assertThat(memory).hasEvents(3).containsNoText(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {DB_PASSWORD, API_KEY})
  void notInTheJsonLinesFileWhoseLinesAreEachOneObject(String secret) throws IOException {
    List<String> lines = Files.readAllLines(jsonFile, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3).allSatisfy(line -> {
      assertThat(new ObjectMapper().readTree(line).isObject()).as("one JSON object: %s", line).isTrue();
      assertThat(line).doesNotContain(secret);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {DB_PASSWORD, API_KEY})
  void notInTheSlf4jAuditLog(String secret) {
    List<Invocation> infos = mockingDetails(auditLog).getInvocations().stream()
        .filter(i -> i.getMethod().getName().equals("info"))
        .toList();
    assertThat(infos).hasSize(3);
    assertThat(infos)
        .flatExtracting(i -> Arrays.asList(i.getArguments()))
        .map(SecretRedactionIT::text)
        .isNotEmpty()
        .allSatisfy(argument -> assertThat(argument).doesNotContain(secret));
  }

  @Test
  void notInTheFailureOfTheSecondCreateNorItsCauses() {
    assertThat(failure)
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("DBInstanceAlreadyExists");
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).contains("billing-db").doesNotContain(DB_PASSWORD);
  }

  private static String text(Object argument) {
    return argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument);
  }
}
