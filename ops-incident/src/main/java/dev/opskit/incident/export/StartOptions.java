package dev.opskit.incident.export;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an SSM Automation execution is started ({@code StartAutomationExecution}), checked as AWS checks it
 * before any call.
 *
 * @param parameters the runbook's arguments (SSM passes each as a list of texts)
 * @param targetParameterName the parameter the targets fill, for rate control, or null
 * @param targets for rate control: tag or resource-id keys and their values (a key such as
 *     {@code ParameterValues} or {@code tag:Environment}), or empty
 * @param maxConcurrency how many targets at once ({@code 10}, {@code 10%}), or null for AWS's default (10)
 * @param maxErrors how many failures stop the rest ({@code 0}, {@code 1}, {@code 5%}), or null
 * @param targetLocations accounts and Regions to run in, at most 100, or empty for here
 * @param alarmName a CloudWatch alarm that stops the execution when it fires, or null
 * @param clientToken an idempotency token (a UUID), or null
 */
public record StartOptions(Map<String, List<String>> parameters, @Nullable String targetParameterName,
    Map<String, List<String>> targets, @Nullable String maxConcurrency, @Nullable String maxErrors,
    List<TargetLocation> targetLocations, @Nullable String alarmName, @Nullable String clientToken) {

  private static final Pattern MAX_CONCURRENCY = Pattern.compile("([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)");
  private static final Pattern MAX_ERRORS = Pattern.compile("([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)");
  private static final Pattern UUID = Pattern.compile(
      "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");

  /**
   * Validates as AWS does.
   *
   * @param parameters the runbook's arguments
   * @param targetParameterName the parameter the targets fill, or null
   * @param targets tag or resource-id keys and their values, or empty
   * @param maxConcurrency how many targets at once, or null
   * @param maxErrors how many failures stop the rest, or null
   * @param targetLocations accounts and Regions to run in, at most 100
   * @param alarmName a CloudWatch alarm that stops the execution, or null
   * @param clientToken an idempotency token (a UUID), or null
   */
  public StartOptions {
    parameters = Checks.map("Parameters", parameters, "parameter names and their values");
    Checks.range("Parameters", parameters.size(), 0, 200, "at most 200 parameters");
    for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
      Checks.length("Parameters", e.getKey(), 1, 50);
      Checks.list("Parameters." + e.getKey(), e.getValue(), "texts");
    }
    if (targetParameterName != null) {
      Checks.length("TargetParameterName", targetParameterName, 1, 50);
    }
    targets = Checks.map("Targets", targets, "target keys and values");
    Checks.range("Targets", targets.size(), 0, 5, "at most 5 targets");
    Checks.require(targets.isEmpty() || targetParameterName != null, "TargetParameterName", null,
        "a parameter name when targets are given");
    if (maxConcurrency != null) {
      maxConcurrency("MaxConcurrency", maxConcurrency);
    }
    if (maxErrors != null) {
      maxErrors("MaxErrors", maxErrors);
    }
    targetLocations = Checks.list("TargetLocations", targetLocations, "1 to 100 target locations");
    Checks.range("TargetLocations", targetLocations.size(), 0, 100, "at most 100 target locations");
    if (alarmName != null) {
      Checks.length("AlarmConfiguration.Alarms", alarmName, 1, 255);
    }
    if (clientToken != null) {
      Checks.matches(UUID, "ClientToken", Checks.length("ClientToken", clientToken, 36, 36),
          "a UUID such as 2f1e9c3a-4b5d-4e6f-8a7b-9c0d1e2f3a4b");
    }
  }

  /**
   * Options with the runbook's arguments only.
   *
   * @param parameters the arguments
   * @return the options
   */
  public static StartOptions of(Map<String, List<String>> parameters) {
    return new StartOptions(parameters, null, Map.of(), null, null, List.of(), null, null);
  }

  /**
   * With rate control.
   *
   * @param value how many targets at once
   * @param errors how many failures stop the rest
   * @return the new options
   */
  public StartOptions withRateControl(String value, String errors) {
    return new StartOptions(parameters, targetParameterName, targets, value, errors, targetLocations, alarmName,
        clientToken);
  }

  /**
   * With target locations.
   *
   * @param locations the accounts and Regions
   * @return the new options
   */
  public StartOptions withTargetLocations(List<TargetLocation> locations) {
    return new StartOptions(parameters, targetParameterName, targets, maxConcurrency, maxErrors, locations,
        alarmName, clientToken);
  }

  /**
   * With an alarm that stops the execution.
   *
   * @param alarm the alarm name
   * @return the new options
   */
  public StartOptions withAlarm(String alarm) {
    return new StartOptions(parameters, targetParameterName, targets, maxConcurrency, maxErrors, targetLocations,
        alarm, clientToken);
  }

  /**
   * With an idempotency token.
   *
   * @param token a UUID
   * @return the new options
   */
  public StartOptions withClientToken(String token) {
    return new StartOptions(parameters, targetParameterName, targets, maxConcurrency, maxErrors, targetLocations,
        alarmName, token);
  }

  static String maxConcurrency(String field, String value) {
    Checks.length(field, value, 1, 7);
    if (!MAX_CONCURRENCY.matcher(value).matches()) {
      throw ValidationException.of(field, value, "a number from 1, or a percentage from 1% to 100%");
    }
    return value;
  }

  static String maxErrors(String field, String value) {
    Checks.length(field, value, 1, 7);
    if (!MAX_ERRORS.matcher(value).matches()) {
      throw ValidationException.of(field, value, "a number from 0, or a percentage from 0% to 100%");
    }
    return value;
  }
}
