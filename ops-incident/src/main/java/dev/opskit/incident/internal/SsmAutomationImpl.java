package dev.opskit.incident.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.export.SsmAutomation;
import dev.opskit.incident.export.SsmDocument;
import dev.opskit.incident.export.StartOptions;
import dev.opskit.incident.export.TargetLocation;
import dev.opskit.incident.run.Execution;
import dev.opskit.incident.run.RunStatus;
import dev.opskit.incident.run.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Alarm;
import software.amazon.awssdk.services.ssm.model.AlarmConfiguration;
import software.amazon.awssdk.services.ssm.model.AutomationExecution;
import software.amazon.awssdk.services.ssm.model.CreateDocumentRequest;
import software.amazon.awssdk.services.ssm.model.CreateDocumentResponse;
import software.amazon.awssdk.services.ssm.model.DescribeAutomationStepExecutionsRequest;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentRequest;
import software.amazon.awssdk.services.ssm.model.DocumentDescription;
import software.amazon.awssdk.services.ssm.model.DocumentFormat;
import software.amazon.awssdk.services.ssm.model.DocumentType;
import software.amazon.awssdk.services.ssm.model.GetAutomationExecutionRequest;
import software.amazon.awssdk.services.ssm.model.GetDocumentRequest;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionRequest;
import software.amazon.awssdk.services.ssm.model.StartAutomationExecutionResponse;
import software.amazon.awssdk.services.ssm.model.StepExecution;
import software.amazon.awssdk.services.ssm.model.Target;
import software.amazon.awssdk.services.ssm.model.UpdateDocumentDefaultVersionRequest;
import software.amazon.awssdk.services.ssm.model.UpdateDocumentRequest;
import software.amazon.awssdk.services.ssm.model.UpdateDocumentResponse;

/** SSM Automation documents and executions. */
public final class SsmAutomationImpl implements SsmAutomation {
  private final OpsContext ctx;

  /**
   * The operations on a context.
   *
   * @param ctx the context
   */
  public SsmAutomationImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  private SsmClient ssm() {
    return ctx.client(SsmClient.class, SsmClient::builder);
  }

  @Override
  public Registration register(SsmDocument document) {
    Checks.present("document", document, "an exported SSM document");
    SsmClient ssm = ssm();
    String name = document.name();
    String yaml = document.toYaml();
    Optional<DocumentDescription> existing = describe(ssm, name);
    List<ChangeResult<?>> changes = new ArrayList<>();
    if (existing.isEmpty()) {
      CreateDocumentRequest create = CreateDocumentRequest.builder().name(name).content(yaml)
          .documentType(DocumentType.AUTOMATION).documentFormat(DocumentFormat.YAML).build();
      ChangeResult<CreateDocumentResponse> created =
          ctx.gate().submit(Change.of("ssm:CreateDocument", name, create, ssm::createDocument).build());
      changes.add(created);
      String version = created.value().map(r -> r.documentDescription().documentVersion()).orElse("");
      return new Registration(name, version, true, changes);
    }
    String current = existing.get().defaultVersion();
    String content = Reads.read("ssm:GetDocument", name, () -> ssm.getDocument(
        GetDocumentRequest.builder().name(name).documentVersion(current).build()).content());
    if (Values.copyMap("content", Jsons.readYamlOrJson("SSM document " + name, content)).equals(document.content())) {
      return new Registration(name, current, false, changes);
    }
    UpdateDocumentRequest update = UpdateDocumentRequest.builder().name(name).content(yaml)
        .documentVersion("$LATEST").documentFormat(DocumentFormat.YAML).build();
    ChangeResult<UpdateDocumentResponse> updated =
        ctx.gate().submit(Change.of("ssm:UpdateDocument", name, update, ssm::updateDocument).build());
    changes.add(updated);
    String version = updated.value().map(r -> r.documentDescription().documentVersion()).orElse("$LATEST");
    UpdateDocumentDefaultVersionRequest makeDefault = UpdateDocumentDefaultVersionRequest.builder().name(name)
        .documentVersion(version).build();
    changes.add(ctx.gate().submit(Change.of("ssm:UpdateDocumentDefaultVersion", name, makeDefault,
        ssm::updateDocumentDefaultVersion).build()));
    return new Registration(name, updated.isPlanned() ? current : version, false, changes);
  }

  /** SSM answers {@code InvalidDocument} ("does not exist") for a missing document, not a not-found error. */
  private static Optional<DocumentDescription> describe(SsmClient ssm, String name) {
    try {
      return Reads.find("ssm:DescribeDocument", name,
          () -> ssm.describeDocument(DescribeDocumentRequest.builder().name(name).build()).document());
    } catch (ServiceException e) {
      if ("InvalidDocument".equals(e.awsErrorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ChangeResult<String> start(String documentName, StartOptions options) {
    Checks.matches(Runbook.NAME, "DocumentName", Checks.length("DocumentName", documentName, 3, 128),
        "3 to 128 letters, digits, _, - and .");
    Checks.present("options", options, "start options, such as StartOptions.of(parameters)");
    StartAutomationExecutionRequest.Builder b = StartAutomationExecutionRequest.builder()
        .documentName(documentName)
        .parameters(options.parameters());
    if (options.targetParameterName() != null) {
      b.targetParameterName(options.targetParameterName());
      List<Target> targets = new ArrayList<>();
      options.targets().forEach((k, v) -> targets.add(Target.builder().key(k).values(v).build()));
      b.targets(targets);
    }
    if (options.maxConcurrency() != null) {
      b.maxConcurrency(options.maxConcurrency());
    }
    if (options.maxErrors() != null) {
      b.maxErrors(options.maxErrors());
    }
    if (!options.targetLocations().isEmpty()) {
      List<software.amazon.awssdk.services.ssm.model.TargetLocation> locations = new ArrayList<>();
      for (TargetLocation t : options.targetLocations()) {
        software.amazon.awssdk.services.ssm.model.TargetLocation.Builder l =
            software.amazon.awssdk.services.ssm.model.TargetLocation.builder()
                .accounts(t.accounts()).regions(t.regions());
        if (t.maxConcurrency() != null) {
          l.targetLocationMaxConcurrency(t.maxConcurrency());
        }
        if (t.maxErrors() != null) {
          l.targetLocationMaxErrors(t.maxErrors());
        }
        if (t.executionRoleName() != null) {
          l.executionRoleName(t.executionRoleName());
        }
        if (!t.excludeAccounts().isEmpty()) {
          l.excludeAccounts(t.excludeAccounts());
        }
        if (t.includeChildOrganizationUnits()) {
          l.includeChildOrganizationUnits(true);
        }
        locations.add(l.build());
      }
      b.targetLocations(locations);
    }
    if (options.alarmName() != null) {
      b.alarmConfiguration(AlarmConfiguration.builder().alarms(Alarm.builder().name(options.alarmName()).build()).build());
    }
    if (options.clientToken() != null) {
      b.clientToken(options.clientToken());
    }
    SsmClient ssm = ssm();
    ChangeResult<StartAutomationExecutionResponse> started = ctx.gate().submit(
        Change.of("ssm:StartAutomationExecution", documentName, b.build(), ssm::startAutomationExecution).build());
    return started.map(StartAutomationExecutionResponse::automationExecutionId);
  }

  @Override
  public Execution execution(String executionId) {
    Checks.length("AutomationExecutionId", executionId, 36, 36);
    SsmClient ssm = ssm();
    AutomationExecution e = Reads.read("ssm:GetAutomationExecution", executionId, () -> ssm.getAutomationExecution(
        GetAutomationExecutionRequest.builder().automationExecutionId(executionId).build()).automationExecution());
    List<StepExecution> steps = Boolean.TRUE.equals(e.stepExecutionsTruncated())
        ? Reads.read("ssm:DescribeAutomationStepExecutions", executionId, () -> ssm.describeAutomationStepExecutionsPaginator(
            DescribeAutomationStepExecutionsRequest.builder().automationExecutionId(executionId).build())
            .stepExecutions().stream().toList())
        : e.stepExecutions();
    Instant started = e.executionStartTime() == null ? Instant.EPOCH : e.executionStartTime();
    List<StepResult> results = new ArrayList<>();
    String failedStep = null;
    String failure = null;
    List<String> compensation = new ArrayList<>();
    for (StepExecution s : steps) {
      RunStatus status = RunStatus.of(s.stepStatusAsString() == null ? "Pending" : s.stepStatusAsString());
      Instant from = s.executionStartTime() == null ? started : s.executionStartTime();
      Instant to = s.executionEndTime() == null ? from : s.executionEndTime();
      if (failedStep != null) {
        compensation.add(s.stepName());
      }
      results.add(new StepResult(s.stepName(), s.action() == null ? "" : s.action(), status, from, to,
          s.executionStartTime() == null ? 0 : 1, flatten(s.outputs()), List.of(), s.failureMessage()));
      boolean critical = !Boolean.FALSE.equals(s.isCritical());
      if (failedStep == null && critical && (status.equals(RunStatus.FAILED) || status.equals(RunStatus.TIMED_OUT))) {
        failedStep = s.stepName();
        failure = s.failureMessage();
      }
    }
    if (failure == null && e.failureMessage() != null) {
      failure = e.failureMessage();
    }
    Map<String, Object> args = new LinkedHashMap<>();
    flatten(e.parameters()).forEach((k, v) -> args.put(k, Redaction.isSecretName(k, Set.of()) ? AuditEvent.REDACTED : v));
    String status = e.automationExecutionStatusAsString();
    return new Execution(executionId, e.documentName() == null ? "unknown" : e.documentName(),
        RunStatus.of(status == null ? "Pending" : status), false, started, e.executionEndTime(), args, results,
        failedStep, failure, compensation, flatten(e.outputs()));
  }

  /** SSM's {@code Map<String, List<String>>} with one-element lists as their element. */
  private static Map<String, Object> flatten(@Nullable Map<String, List<String>> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map == null) {
      return out;
    }
    map.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
    return out;
  }

}
