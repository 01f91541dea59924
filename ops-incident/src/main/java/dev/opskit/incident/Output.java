package dev.opskit.incident;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * A value a step publishes, selected from AWS's answer with a JSONPath-like selector, and referenced by
 * later steps as {@code {{ step.Name }}}.
 *
 * <pre>{@code
 * Output.of("ServiceArn", "$.Service.ServiceArn", OutputType.STRING)
 * }</pre>
 *
 * @param name the output name, letters, digits and underscores, starting with a letter
 * @param selector the selector, {@code $} then {@code .Member} or {@code [index]} parts, in AWS's member names
 * @param type the output type
 */
public record Output(String name, String selector, OutputType type) {

  /** A selector: {@code $}, then {@code .Member} and {@code [n]} parts. */
  public static final Pattern SELECTOR = Pattern.compile("\\$(\\.[A-Za-z0-9_-]{1,128}|\\[[0-9]{1,6}\\]){0,32}");

  /**
   * Validates.
   *
   * @param name the output name, letters, digits and underscores, starting with a letter
   * @param selector the selector, {@code $} then {@code .Member} or {@code [index]} parts
   * @param type the output type
   * @throws dev.opskit.core.ValidationException when a part is malformed
   */
  public Output {
    Checks.matches(Parameter.NAME, "output", Checks.length("output", name, 1, 64),
        "letters, digits and underscores, starting with a letter, at most 64 characters");
    selector(Checks.length("output " + name + " selector", selector, 1, 1000), "output " + name + " selector");
    Checks.present("output " + name + " type", type, "an output type");
  }

  /**
   * An output.
   *
   * @param name the output name
   * @param selector the selector, such as {@code $.Service.ServiceArn}
   * @param type the type
   * @return the output
   */
  public static Output of(String name, String selector, OutputType type) {
    return new Output(name, selector, type);
  }

  static String selector(String selector, String field) {
    return Checks.matches(SELECTOR, field, selector, "$ followed by .Member and [index] parts, such as $.Service.ServiceArn");
  }
}
