package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.Values;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a step does. Inputs are plain values (texts, numbers, booleans, lists, maps) in AWS's member names
 * (the API reference's, as SSM's {@code aws:executeAwsApi} takes them); a text may reference a parameter
 * ({@code {{ Cluster }}}) or an earlier step's output ({@code {{ restart.ServiceArn }}}).
 */
public sealed interface StepAction {

  /** A service name as SSM and the SDK name it, such as {@code ecs} or {@code rds}. */
  Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
  /** An API action, such as {@code UpdateService}. */
  Pattern ACTION = Pattern.compile("[A-Z][A-Za-z0-9]{1,99}");

  /** {@return the names of the outputs this action publishes} */
  default List<String> outputNames() {
    return List.of();
  }

  /**
   * An AWS API call ({@code aws:executeAwsApi}), made through the context's gate when it changes
   * something; {@code Describe*}, {@code Get*} and {@code List*} actions are reads.
   *
   * @param service the service, such as {@code ecs}
   * @param action the API action, such as {@code UpdateService}
   * @param inputs the request, in AWS's member names
   * @param outputs values selected from the answer
   */
  record AwsCall(String service, String action, Map<String, Object> inputs, List<Output> outputs)
      implements StepAction {
    /**
     * Validates.
     *
     * @param service the service, such as {@code ecs}
     * @param action the API action, such as {@code UpdateService}
     * @param inputs the request, in AWS's member names
     * @param outputs values selected from the answer
     */
    public AwsCall {
      service = checkService(service);
      action = checkAction(action);
      inputs = reserved(Values.copyMap("inputs", inputs), "Service", "Api");
      outputs = Checks.list("outputs", outputs, "outputs");
      unique(outputs.stream().map(Output::name).toList());
    }

    @Override
    public List<String> outputNames() {
      return outputs.stream().map(Output::name).toList();
    }

    /**
     * This call with one more output.
     *
     * @param name the output name
     * @param selector the selector, such as {@code $.Service.ServiceArn}
     * @param type the type
     * @return the new call
     */
    public AwsCall output(String name, String selector, OutputType type) {
      return new AwsCall(service, action, inputs,
          java.util.stream.Stream.concat(outputs.stream(), java.util.stream.Stream.of(Output.of(name, selector, type))).toList());
    }
  }

  /**
   * Waits until a property of an AWS resource has one of the desired values
   * ({@code aws:waitForAwsResourceProperty}); the step's timeout bounds the wait.
   *
   * @param service the service
   * @param action the read action, such as {@code DescribeServices}
   * @param inputs the request
   * @param selector the property, such as {@code $.Services[0].Status}
   * @param desiredValues the values that end the wait (texts)
   * @param pollInterval the pause between reads, 1 second to 1 hour
   */
  record WaitForProperty(String service, String action, Map<String, Object> inputs, String selector,
      List<String> desiredValues, Duration pollInterval) implements StepAction {
    /**
     * Validates.
     *
     * @param service the service
     * @param action the read action, such as {@code DescribeServices}
     * @param inputs the request
     * @param selector the property, such as {@code $.Services[0].Status}
     * @param desiredValues the values that end the wait (texts)
     * @param pollInterval the pause between reads, 1 second to 1 hour
     */
    public WaitForProperty {
      service = checkService(service);
      action = checkAction(action);
      inputs = reserved(Values.copyMap("inputs", inputs), "Service", "Api", "PropertySelector", "DesiredValues");
      Output.selector(Checks.length("PropertySelector", selector, 1, 1000), "PropertySelector");
      desiredValues = desired(desiredValues);
      Checks.duration("pollInterval", pollInterval, Duration.ofSeconds(1), Duration.ofHours(1), "1 second to 1 hour");
    }
  }

  /**
   * Asserts that a property of an AWS resource has one of the desired values
   * ({@code aws:assertAwsResourceProperty}); when it does not, the step fails (use
   * {@link OnFailure#goTo} to branch).
   *
   * @param service the service
   * @param action the read action
   * @param inputs the request
   * @param selector the property
   * @param desiredValues the values that pass (texts)
   */
  record AssertProperty(String service, String action, Map<String, Object> inputs, String selector,
      List<String> desiredValues) implements StepAction {
    /**
     * Validates.
     *
     * @param service the service
     * @param action the read action
     * @param inputs the request
     * @param selector the property
     * @param desiredValues the values that pass (texts)
     */
    public AssertProperty {
      service = checkService(service);
      action = checkAction(action);
      inputs = reserved(Values.copyMap("inputs", inputs), "Service", "Api", "PropertySelector", "DesiredValues");
      Output.selector(Checks.length("PropertySelector", selector, 1, 1000), "PropertySelector");
      desiredValues = desired(desiredValues);
    }
  }

  /**
   * An approval gate ({@code aws:approve}): the runner asks its {@code Approvals}; the step's timeout
   * bounds the wait.
   *
   * @param approvers who may approve (IAM user or role names or ARNs), 1 to 10
   * @param minRequiredApprovals approvals needed, 1 to the number of approvers
   * @param message what the approvers are asked, or empty
   * @param notificationArn an SNS topic that is told about the request, or null
   */
  record Approve(List<String> approvers, int minRequiredApprovals, String message, @Nullable String notificationArn)
      implements StepAction {
    /**
     * Validates.
     *
     * @param approvers who may approve (IAM user or role names or ARNs), 1 to 10
     * @param minRequiredApprovals approvals needed, 1 to the number of approvers
     * @param message what the approvers are asked, or empty
     * @param notificationArn an SNS topic that is told about the request, or null
     */
    public Approve {
      approvers = Checks.list("Approvers", approvers, "1 to 10 approvers");
      Checks.range("Approvers", approvers.size(), 1, 10, "1 to 10 approvers");
      for (String a : approvers) {
        Checks.length("Approvers", a, 1, 2048);
      }
      unique(approvers);
      Checks.range("MinRequiredApprovals", minRequiredApprovals, 1, approvers.size(), "1 to the number of approvers");
      message = Checks.length("Message", message, 0, 4096);
      if (notificationArn != null) {
        Checks.length("NotificationArn", notificationArn, 1, 2048);
      }
    }
  }

  /**
   * A branch ({@code aws:branch}): the first choice whose condition holds names the next step; else the
   * default; with no default the runbook fails.
   *
   * @param choices the choices, 1 to 100
   * @param defaultStep the step when no choice holds, or null
   */
  record Branch(List<Choice> choices, @Nullable String defaultStep) implements StepAction {
    /**
     * Validates.
     *
     * @param choices the choices, 1 to 100
     * @param defaultStep the step when no choice holds, or null
     */
    public Branch {
      choices = Checks.list("Choices", choices, "1 to 100 choices");
      Checks.range("Choices", choices.size(), 1, 100, "1 to 100 choices");
      if (defaultStep != null) {
        Checks.length("Default", defaultStep, 1, 80);
      }
    }
  }

  /**
   * A pause ({@code aws:sleep}).
   *
   * @param duration how long, 1 second to 7 days, whole seconds
   */
  record Sleep(Duration duration) implements StepAction {
    /**
     * Validates.
     *
     * @param duration how long, 1 second to 7 days, whole seconds
     */
    public Sleep {
      Checks.duration("Duration", duration, Duration.ofSeconds(1), Duration.ofDays(7), "1 second to 7 days");
      Checks.require(Duration.ofSeconds(duration.toSeconds()).equals(duration), "Duration", duration, "whole seconds");
    }
  }

  /**
   * Runs another runbook ({@code aws:executeAutomation}); outputs {@code ExecutionId}, {@code Status} and
   * {@code Output}.
   *
   * @param runbook the runbook's name (the SSM document name once exported)
   * @param parameters its arguments; texts may reference parameters and outputs
   */
  record ExecuteRunbook(String runbook, Map<String, Object> parameters) implements StepAction {
    /**
     * Validates.
     *
     * @param runbook the runbook's name (the SSM document name once exported)
     * @param parameters its arguments; texts may reference parameters and outputs
     */
    public ExecuteRunbook {
      Checks.matches(Runbook.NAME, "DocumentName", Checks.length("DocumentName", runbook, 3, 128),
          "3 to 128 letters, digits, _, - and .");
      parameters = Values.copyMap("RuntimeParameters", parameters);
    }

    @Override
    public List<String> outputNames() {
      return List.of("ExecutionId", "Status", "Output");
    }
  }

  /**
   * A Java step: runs in the runner only; the exports list it as a gap.
   *
   * @param key the code's name, by which {@link Runbook#fromJson(String, Map)} finds it again
   * @param code the code
   * @param outputs the names of the outputs it publishes
   */
  record JavaCode(String key, JavaStep code, List<String> outputs) implements StepAction {
    /**
     * Validates.
     *
     * @param key the code's name, by which {@link Runbook#fromJson(String, Map)} finds it again
     * @param code the code
     * @param outputs the names of the outputs it publishes
     */
    public JavaCode {
      Checks.matches(Parameter.NAME, "java step key", Checks.length("java step key", key, 1, 64),
          "letters, digits and underscores, starting with a letter");
      Checks.present("java step code", code, "the step's code");
      outputs = Checks.list("java step outputs", outputs, "output names");
      for (String o : outputs) {
        Checks.matches(Parameter.NAME, "java step output", Checks.length("java step output", o, 1, 64),
            "letters, digits and underscores, starting with a letter");
      }
      unique(outputs);
    }

    @Override
    public List<String> outputNames() {
      return outputs;
    }
  }

  /**
   * An AWS call.
   *
   * @param service such as {@code ecs}
   * @param action such as {@code UpdateService}
   * @param inputs the request in AWS's member names
   * @return the action; add outputs with {@link AwsCall#output}
   */
  static AwsCall awsCall(String service, String action, Map<String, ?> inputs) {
    return new AwsCall(service, action, Values.copyMap("inputs", inputs), List.of());
  }

  /**
   * A wait for a property.
   *
   * @param service such as {@code ecs}
   * @param action a read such as {@code DescribeServices}
   * @param inputs the request
   * @param selector the property
   * @param desiredValues the values that end the wait
   * @return the action, polling every 5 seconds
   */
  static WaitForProperty waitFor(String service, String action, Map<String, ?> inputs, String selector,
      String... desiredValues) {
    return new WaitForProperty(service, action, Values.copyMap("inputs", inputs), selector,
        Checks.elements("DesiredValues", "texts", desiredValues), Duration.ofSeconds(5));
  }

  /**
   * An assertion of a property.
   *
   * @param service such as {@code ecs}
   * @param action a read such as {@code DescribeServices}
   * @param inputs the request
   * @param selector the property
   * @param desiredValues the values that pass
   * @return the action
   */
  static AssertProperty assertThat(String service, String action, Map<String, ?> inputs, String selector,
      String... desiredValues) {
    return new AssertProperty(service, action, Values.copyMap("inputs", inputs), selector,
        Checks.elements("DesiredValues", "texts", desiredValues));
  }

  /**
   * An approval by any one of the approvers.
   *
   * @param message what they are asked
   * @param approvers who may approve
   * @return the action
   */
  static Approve approve(String message, String... approvers) {
    return new Approve(Checks.elements("Approvers", "approvers", approvers), 1, message, null);
  }

  /**
   * A branch.
   *
   * @param defaultStep the step when no choice holds, or null to fail then
   * @param choices the choices
   * @return the action
   */
  static Branch branch(@Nullable String defaultStep, Choice... choices) {
    return new Branch(Checks.elements("Choices", "choices", choices), defaultStep);
  }

  /**
   * A pause.
   *
   * @param duration how long
   * @return the action
   */
  static Sleep sleep(Duration duration) {
    return new Sleep(duration);
  }

  /**
   * Another runbook.
   *
   * @param runbook its name
   * @param parameters its arguments
   * @return the action
   */
  static ExecuteRunbook execute(String runbook, Map<String, ?> parameters) {
    return new ExecuteRunbook(runbook, Values.copyMap("RuntimeParameters", parameters));
  }

  /**
   * A Java step.
   *
   * @param key the code's name
   * @param code the code
   * @param outputs the names of the outputs it publishes
   * @return the action
   */
  static JavaCode java(String key, JavaStep code, String... outputs) {
    return new JavaCode(key, code, Checks.elements("java step outputs", "output names", outputs));
  }

  private static String checkService(String service) {
    return Checks.matches(SERVICE, "service", Checks.length("service", service, 2, 40),
        "an AWS service name as the SDK and SSM name it, such as ecs or rds");
  }

  private static String checkAction(String action) {
    return Checks.matches(ACTION, "action", Checks.length("action", action, 2, 100),
        "an API action name, such as UpdateService");
  }

  /** SSM puts its own inputs beside the request's members, so a member of the same name cannot be told apart. */
  private static Map<String, Object> reserved(Map<String, Object> inputs, String... names) {
    for (String n : names) {
      if (inputs.containsKey(n)) {
        throw ValidationException.of("inputs", n, "request members other than SSM's own inputs " + List.of(names)
            + " (member names are the API's: ECS's are camelCase, such as service)");
      }
    }
    return inputs;
  }

  private static List<String> desired(List<String> values) {
    List<String> copy = Checks.list("DesiredValues", values, "texts");
    Checks.require(!copy.isEmpty(), "DesiredValues", copy, "at least one value");
    return copy;
  }

  private static void unique(List<String> names) {
    if (names.stream().distinct().count() != names.size()) {
      throw ValidationException.of("names", names, "each name once");
    }
  }
}
