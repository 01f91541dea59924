package dev.opskit.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.export.ExportGap;
import dev.opskit.incident.export.ExportMode;
import dev.opskit.incident.export.SsmDocument;
import dev.opskit.incident.export.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 4: golden files of the SSM document (YAML and JSON) and the state machine of two runbooks, the
 * runbook → SSM document → {@code Runbook.fromSsmDocument} round trip, and gaps for a Java step. The golden
 * files follow AWS's documentation: SSM's {@code aws:executeAwsApi} takes the API's member names
 * ({@code DBInstanceIdentifier}, ECS's camelCase {@code service}); Step Functions' aws-sdk tasks take the SDK's
 * PascalCase ({@code DbInstanceIdentifier}, {@code Service}) and its method name as the action
 * ({@code arn:aws:states:::aws-sdk:rds:createDBSnapshot}).
 * Run with {@code -Dopskit.golden.write=true} to rewrite them into target/golden for review.
 */
class ExportTest {

  static Stream<Runbook> runbooks() {
    return Stream.of(Examples.serviceRestart(), Examples.dbSnapshot());
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void theSsmDocumentMatchesItsGoldenFiles(Runbook runbook) throws IOException {
    SsmDocument doc = runbook.toSsmDocument();
    write(runbook.name() + ".ssm.yaml", doc.toYaml());
    write(runbook.name() + ".ssm.json", doc.toJson());

    assertThat(doc.toYaml()).isEqualTo(golden(runbook.name() + ".ssm.yaml"));
    assertThat(doc.toJson()).isEqualTo(golden(runbook.name() + ".ssm.json"));
    assertThat(doc.gaps()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void theStateMachineMatchesItsGoldenFile(Runbook runbook) throws IOException {
    StateMachine machine = runbook.toStateMachine();
    write(runbook.name() + ".asl.json", machine.toJson());

    assertThat(machine.toJson()).isEqualTo(golden(runbook.name() + ".asl.json"));
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void aRunbookComesBackEqualFromItsSsmDocumentInYamlAndJson(Runbook runbook) {
    SsmDocument doc = runbook.toSsmDocument();

    assertThat(Runbook.fromSsmDocument(runbook.name(), doc.toYaml())).isEqualTo(runbook);
    assertThat(Runbook.fromSsmDocument(runbook.name(), doc.toJson())).isEqualTo(runbook);
  }

  @ParameterizedTest
  @MethodSource("runbooks")
  void aDocumentLoadedWithoutANameIsTheSameRunbookUnderTheImportedName(Runbook runbook) {
    SsmDocument doc = runbook.toSsmDocument();

    Runbook loaded = Runbook.fromSsmDocument(doc.toYaml());

    assertThat(loaded.name()).isEqualTo(Runbook.IMPORTED_NAME);
    assertThat(loaded.toSsmDocument().toYaml()).isEqualTo(doc.toYaml());
    assertThat(Runbook.fromSsmDocument(runbook.name(), loaded.toSsmDocument().toJson())).isEqualTo(runbook);
  }

  @Test
  void theStateMachineUsesTheSdksPascalCaseAndKeepsWholeAnswersOutOfTheState() {
    String asl = Examples.dbSnapshot().toStateMachine().toJson();

    assertThat(asl).contains("\"Resource\" : \"arn:aws:states:::aws-sdk:rds:createDBSnapshot\"")
        .contains("\"DbInstanceIdentifier.$\" : \"$.DbInstance\"")
        .contains("\"SnapshotArn.$\" : \"$.DbSnapshot.DbSnapshotArn\"")
        .contains("\"value.$\" : \"$.DbSnapshots[0].Status\"")
        .doesNotContain("DBInstanceIdentifier\" :");
    // Every task either trims its answer (ResultSelector) or drops it (ResultPath null).
    String restart = Examples.serviceRestart().toStateMachine().toJson();
    assertThat(restart).contains("\"ResultPath\" : null").contains("\"ResultSelector\"");
  }

  @Nested
  class Gaps {
    private final Runbook withJava = Runbook.builder("with-java")
        .parameter(Parameter.string("Topic"))
        .step("compute", StepAction.java("countOpenIncidents", c -> Map.of("Count", 3L), "Count"))
        .step("tell", StepAction.awsCall("sns", "Publish", Examples.linked(
            "TopicArn", "{{ Topic }}", "Message", "open incidents: {{ compute.Count }}")))
        .build();

    @Test
    void aJavaStepIsListedAsAGapOfBothExports() {
      assertThat(withJava.toSsmDocument().gaps()).containsExactly(
          new ExportGap("compute", "Java step countOpenIncidents cannot run in SSM Automation; it is left out"));
      assertThat(withJava.toSsmDocument().toYaml()).doesNotContain("compute\n").contains("name: tell");
      assertThat(withJava.toStateMachine().gaps()).containsExactly(
          new ExportGap("compute", "Java step countOpenIncidents cannot run in Step Functions; it is a Pass state"));
    }

    @Test
    void strictModeRefusesARunbookWithGapsNamingThem() {
      assertThatThrownBy(() -> withJava.toSsmDocument(ExportMode.STRICT))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid runbook with-java: 'compute: Java step countOpenIncidents cannot run in SSM"
              + " Automation; it is left out'. Allowed: only what SSM Automation can express (strict export)");
      assertThatThrownBy(() -> withJava.toStateMachine(ExportMode.STRICT))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("only what Step Functions can express (strict export)");
      assertThat(Examples.dbSnapshot().toSsmDocument(ExportMode.STRICT).gaps()).isEmpty();
    }

    @Test
    void callsOver25SecondsPaginatedReadsBackoffAndOpsKitTypesAreGapsOfSsm() {
      Runbook r = Runbook.builder("long-calls")
          .parameter(Parameter.of("Instance", ParameterType.DB_INSTANCE_ID))
          .step("list", StepAction.awsCall("rds", "DescribeDBSnapshots",
              Examples.linked("DBInstanceIdentifier", "{{ Instance }}")), c -> c.timeout(Duration.ofSeconds(60)))
          .step("retry", StepAction.awsCall("sns", "Publish", Examples.linked("TopicArn", "arn:aws:sns:us-east-1:1:t",
              "Message", "x")), c -> c.maxAttempts(3).backoff(Duration.ofSeconds(2)))
          .build();

      assertThat(r.toSsmDocument().gaps()).extracting(ExportGap::toString).containsExactly(
          "parameter Instance: OpsKit type DB_INSTANCE_ID is exported as an SSM String; SSM does not check it as OpsKit does",
          "list: an aws:executeAwsApi call runs for at most 25 s; the step allows 60 s",
          "list: rds:DescribeDBSnapshots is paginated; aws:executeAwsApi reads only its first page",
          "retry: SSM repeats an attempt without a pause; the backoff PT2S is not kept");
      assertThat(r.toStateMachine().gaps()).extracting(ExportGap::toString).containsExactly(
          "list: rds:DescribeDBSnapshots is paginated; an aws-sdk task reads only its first page");
    }
  }

  @Test
  void anSsmDocumentOfAnotherSchemaOrActionIsRefused() {
    assertThatThrownBy(() -> Runbook.fromSsmDocument("other", """
        schemaVersion: '2.2'
        mainSteps: []
        """))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid schemaVersion: '2.2'. Allowed: 0.3 (an Automation runbook)");
    assertThatThrownBy(() -> Runbook.fromSsmDocument("other", """
        schemaVersion: '0.3'
        mainSteps:
          - name: script
            action: aws:executeScript
            inputs: {Runtime: python3.11, Handler: main, Script: ''}
        """))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid step script action: 'aws:executeScript'. Allowed: one of aws:executeAwsApi,");
    assertThatThrownBy(() -> Runbook.fromSsmDocument("other", "a: [unclosed"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid SSM document: 'a: [unclosed'. Allowed: a YAML or JSON object");
  }

  @Test
  void aDocumentWrittenByHandLoadsAndRuns() throws IOException {
    Runbook r = Runbook.fromSsmDocument("restart-by-hand", golden("service-restart.ssm.yaml"));

    assertThat(r.steps()).extracting(Step::name)
        .containsExactly("approve", "choose", "restart", "stable", "settle", "checkActive", "rollback");
    assertThat(r.step("restart").orElseThrow().controls().onFailure()).isEqualTo(OnFailure.goTo("rollback"));
    assertThat(r.parameter("DesiredCount").orElseThrow().defaultValue()).isEqualTo(2L);
    assertThat(r.outputs()).isEqualTo(List.of("restart.ServiceArn"));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ExportTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void write(String name, String text) throws IOException {
    if (Boolean.getBoolean("opskit.golden.write")) {
      Path dir = Path.of("target", "golden");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), text);
    }
  }
}
