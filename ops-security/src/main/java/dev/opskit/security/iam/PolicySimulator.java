package dev.opskit.security.iam;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.internal.PolicySimulatorImpl;
import java.util.List;
import java.util.function.Consumer;

/**
 * IAM policy simulation, the guide's {@code aws iam simulate-principal-policy}, for many principals, actions
 * and resources at once. Each principal's actions are sent in batches ({@link Simulation#actionsPerCall()}),
 * every resource in each call, every page read ({@code Marker}/{@code IsTruncated}); every request takes a
 * permit of the context's rate limiter for IAM ({@link dev.opskit.core.RateLimitPolicy}, shared with every
 * other IAM call of the context tree), so a simulation of thousands of pairs stays under IAM's rate limit
 * instead of leaning on throttling retries (Cloud Custodian's #7641). Reads only: nothing is changed.
 *
 * <pre>{@code
 * List<Evaluation> decisions = PolicySimulator.using(ctx).simulate(s -> s
 *     .principal("arn:aws:iam::123456789012:role/app-role")
 *     .actions("s3:GetObject")
 *     .resources("arn:aws:s3:::app-data/*"));
 * }</pre>
 */
public interface PolicySimulator {

  /**
   * The simulator of a context.
   *
   * @param ctx the context
   * @return the simulator
   */
  static PolicySimulator using(OpsContext ctx) {
    return new PolicySimulatorImpl(Checks.present("ctx", ctx, "an OpsContext"));
  }

  /**
   * Simulates every principal × action × resource.
   *
   * @param simulation what to simulate
   * @return one decision per principal, action and resource, in that order
   * @throws dev.opskit.core.ValidationException when the simulation is missing
   * @throws dev.opskit.core.OpsException when IAM refuses (a principal that does not exist is a
   *     {@link dev.opskit.core.ResourceNotFoundException})
   */
  List<Evaluation> simulate(Simulation simulation);

  /**
   * Simulates, the simulation set on a builder.
   *
   * @param simulation sets the simulation
   * @return one decision per principal, action and resource
   * @throws dev.opskit.core.ValidationException on bad input, before any call
   * @throws dev.opskit.core.OpsException when IAM refuses
   */
  default List<Evaluation> simulate(Consumer<Simulation.Builder> simulation) {
    Simulation.Builder b = Simulation.builder();
    Checks.present("simulation", simulation, "a function that sets the simulation").accept(b);
    return simulate(b.build());
  }
}
