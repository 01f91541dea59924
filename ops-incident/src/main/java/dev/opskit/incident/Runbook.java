package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.export.ExportMode;
import dev.opskit.incident.export.SsmDocument;
import dev.opskit.incident.export.StateMachine;
import dev.opskit.incident.internal.AslExporter;
import dev.opskit.incident.internal.RunbookJson;
import dev.opskit.incident.internal.RunbookText;
import dev.opskit.incident.internal.RunbookValidator;
import dev.opskit.incident.internal.SsmExporter;
import dev.opskit.incident.internal.SsmImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A runbook: a named, described, parameterised sequence of steps. A value: building one touches nothing,
 * {@link #equals} compares every part, it has a JSON form ({@link #toJson()}, {@link #fromJson(String)}) and
 * a readable rendering ({@link #render()}) for review before running. Run it with
 * {@code RunbookRunner.using(ctx).run(runbook, arguments)}; export it with {@link #toSsmDocument()} or
 * {@link #toStateMachine()}.
 *
 * <pre>{@code
 * Runbook restart = Runbook.builder("service-restart")
 *     .description("Force a new deployment of an ECS service and wait until it is stable")
 *     .parameter(Parameter.string("Cluster"))
 *     .parameter(Parameter.string("Service"))
 *     // ECS's API members are camelCase (cluster, service); RDS's are DBInstanceIdentifier and so on.
 *     .step("restart", StepAction.awsCall("ecs", "UpdateService",
 *             Map.of("cluster", "{{ Cluster }}", "service", "{{ Service }}", "forceNewDeployment", true))
 *         .output("ServiceArn", "$.service.serviceArn", OutputType.STRING))
 *     .step("stable", StepAction.waitFor("ecs", "DescribeServices",
 *             Map.of("cluster", "{{ Cluster }}", "services", List.of("{{ Service }}")),
 *             "$.services[0].deployments[0].rolloutState", "COMPLETED"),
 *         c -> c.timeout(Duration.ofMinutes(15)))
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks: unique step and parameter names, every reference resolves to a parameter
 * or an output of an earlier step, every jump target exists, no cycle without a wait (sleep, wait or
 * approval), parameter defaults of their types; a {@link ValidationException} names what is wrong.
 */
public final class Runbook {
  /** A runbook name, as SSM names documents. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,128}");

  /** The name {@link #fromSsmDocument(String)} gives a runbook loaded without one. */
  public static final String IMPORTED_NAME = "imported-ssm-document";

  private final String name;
  private final String description;
  private final @Nullable String assumeRole;
  private final List<Parameter> parameters;
  private final List<Step> steps;
  private final List<String> outputs;

  private Runbook(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.assumeRole = b.assumeRole;
    this.parameters = List.copyOf(b.parameters);
    this.steps = List.copyOf(b.steps);
    this.outputs = List.copyOf(b.outputs);
  }

  /**
   * Starts a runbook.
   *
   * @param name the name, 3 to 128 letters, digits, {@code _}, {@code -} and {@code .}
   * @return a builder
   * @throws ValidationException when the name is malformed
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@return a builder holding this runbook's parts} */
  public Builder toBuilder() {
    Builder b = new Builder(name).description(description);
    if (assumeRole != null) {
      b.assumeRole(assumeRole);
    }
    parameters.forEach(b::parameter);
    steps.forEach(b::step);
    outputs.forEach(b::output);
    return b;
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the description, or empty} */
  public String description() {
    return description;
  }

  /** {@return the IAM role (ARN or {@code {{ Parameter }}}) SSM Automation assumes to run it, or null} */
  public @Nullable String assumeRole() {
    return assumeRole;
  }

  /** {@return the parameters, in order} */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** {@return the steps, in order; the first runs first} */
  public List<Step> steps() {
    return steps;
  }

  /** {@return the runbook's outputs, as {@code step.Output} references} */
  public List<String> outputs() {
    return outputs;
  }

  /**
   * Looks a step up.
   *
   * @param stepName its name
   * @return the step, or empty
   */
  public Optional<Step> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /**
   * Looks a parameter up.
   *
   * @param parameterName its name
   * @return the parameter, or empty
   */
  public Optional<Parameter> parameter(String parameterName) {
    return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
  }

  /** {@return the JSON form: every part, Java steps by their key} */
  public String toJson() {
    return RunbookJson.write(this);
  }

  /**
   * Reads a runbook's JSON form (from {@link #toJson()}); it is validated as {@link Builder#build()} does.
   *
   * @param json the text
   * @return the runbook
   * @throws ValidationException when it is malformed, invalid, or has a Java step (use {@link #fromJson(String, Map)})
   */
  public static Runbook fromJson(String json) {
    return RunbookJson.read(json, Map.of());
  }

  /**
   * Reads a runbook's JSON form whose Java steps are found by key.
   *
   * @param json the text
   * @param javaSteps the code of each Java step key
   * @return the runbook
   * @throws ValidationException when it is malformed or invalid, or names a key not given
   */
  public static Runbook fromJson(String json, Map<String, JavaStep> javaSteps) {
    Checks.present("javaSteps", javaSteps, "the code of each Java step key");
    return RunbookJson.read(json, javaSteps);
  }

  /**
   * Loads an SSM Automation document (schemaVersion 0.3, YAML or JSON) of the actions OpsKit exports
   * ({@code aws:executeAwsApi}, {@code aws:waitForAwsResourceProperty}, {@code aws:assertAwsResourceProperty},
   * {@code aws:branch}, {@code aws:approve}, {@code aws:sleep}, {@code aws:executeAutomation}), so it can run
   * in {@code RunbookRunner} offline.
   *
   * @param name the runbook's name (SSM documents carry their name outside the content)
   * @param yamlOrJson the document content
   * @return the runbook
   * @throws ValidationException when the document is malformed, of another schema, or uses another action
   */
  public static Runbook fromSsmDocument(String name, String yamlOrJson) {
    return SsmImporter.read(name, yamlOrJson);
  }

  /**
   * Loads an SSM Automation document as {@link #fromSsmDocument(String, String)} does, naming the runbook
   * {@value #IMPORTED_NAME}: an SSM document's name lives outside its content (it is the name it was registered
   * under), so pass it with the two-argument form when the runbook should keep it.
   *
   * @param yamlOrJson the document content
   * @return the runbook, named {@value #IMPORTED_NAME}
   * @throws ValidationException when the document is malformed, of another schema, or uses another action
   */
  public static Runbook fromSsmDocument(String yamlOrJson) {
    return fromSsmDocument(IMPORTED_NAME, yamlOrJson);
  }

  /**
   * The SSM Automation document of this runbook; what SSM cannot express is listed in
   * {@link SsmDocument#gaps()}.
   *
   * @return the document
   */
  public SsmDocument toSsmDocument() {
    return SsmExporter.export(this, ExportMode.LENIENT);
  }

  /**
   * The SSM Automation document of this runbook.
   *
   * @param mode {@link ExportMode#STRICT} to refuse a runbook with gaps
   * @return the document
   * @throws ValidationException in strict mode when SSM cannot express a part, naming every gap
   */
  public SsmDocument toSsmDocument(ExportMode mode) {
    return SsmExporter.export(this, Checks.present("mode", mode, "LENIENT or STRICT"));
  }

  /**
   * The Step Functions state machine (Amazon States Language, JSONPath) of this runbook; what it cannot
   * express is listed in {@link StateMachine#gaps()}.
   *
   * @return the state machine
   */
  public StateMachine toStateMachine() {
    return AslExporter.export(this, ExportMode.LENIENT);
  }

  /**
   * The Step Functions state machine of this runbook.
   *
   * @param mode {@link ExportMode#STRICT} to refuse a runbook with gaps
   * @return the state machine
   * @throws ValidationException in strict mode when Step Functions cannot express a part, naming every gap
   */
  public StateMachine toStateMachine(ExportMode mode) {
    return AslExporter.export(this, Checks.present("mode", mode, "LENIENT or STRICT"));
  }

  /** {@return a readable rendering of the parameters and steps, for review before running} */
  public String render() {
    return RunbookText.render(this);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Runbook r && name.equals(r.name) && description.equals(r.description)
        && Objects.equals(assumeRole, r.assumeRole) && parameters.equals(r.parameters) && steps.equals(r.steps)
        && outputs.equals(r.outputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, assumeRole, parameters, steps, outputs);
  }

  @Override
  public String toString() {
    return "Runbook[" + name + ", " + steps.size() + " steps]";
  }

  /** Builds a {@link Runbook}; {@link #build()} validates the whole. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private @Nullable String assumeRole;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    private Builder(String name) {
      this.name = Checks.matches(NAME, "runbook", Checks.length("runbook", name, 3, 128),
          "3 to 128 letters, digits, _, - and .");
    }

    /**
     * Sets the description.
     *
     * @param value what the runbook is for
     * @return this builder
     */
    public Builder description(String value) {
      this.description = Checks.length("description", value, 0, 10_000);
      return this;
    }

    /**
     * Sets the role SSM Automation assumes.
     *
     * @param value an IAM role ARN or a reference such as {@code {{ AutomationAssumeRole }}}
     * @return this builder
     */
    public Builder assumeRole(String value) {
      this.assumeRole = Checks.length("assumeRole", value, 1, 2048);
      return this;
    }

    /**
     * Adds a parameter.
     *
     * @param value the parameter
     * @return this builder
     */
    public Builder parameter(Parameter value) {
      parameters.add(Checks.present("parameter", value, "a parameter"));
      return this;
    }

    /**
     * Adds a step with the default controls.
     *
     * @param stepName the step's name
     * @param action what it does
     * @return this builder
     */
    public Builder step(String stepName, StepAction action) {
      return step(new Step(stepName, action, StepControls.defaults()));
    }

    /**
     * Adds a step.
     *
     * @param stepName the step's name
     * @param action what it does
     * @param controls changes the default controls, such as {@code c -> c.maxAttempts(3).onFailure(OnFailure.goTo("rollback"))}
     * @return this builder
     */
    public Builder step(String stepName, StepAction action, UnaryOperator<StepControls> controls) {
      Checks.present("controls", controls, "a function of the default controls");
      return step(new Step(stepName, action,
          Checks.present("controls", controls.apply(StepControls.defaults()), "step controls")));
    }

    /**
     * Adds a step.
     *
     * @param value the step
     * @return this builder
     */
    public Builder step(Step value) {
      steps.add(Checks.present("step", value, "a step"));
      return this;
    }

    /**
     * Adds a runbook output.
     *
     * @param reference {@code step.Output}
     * @return this builder
     */
    public Builder output(String reference) {
      outputs.add(Checks.length("output", reference, 3, 200));
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the runbook
     * @throws ValidationException naming the first thing that is wrong
     */
    public Runbook build() {
      Runbook runbook = new Runbook(this);
      RunbookValidator.validate(runbook);
      return runbook;
    }
  }
}
