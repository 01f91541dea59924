package dev.opskit.security.iam.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.security.iam.ContextEntry;
import dev.opskit.security.iam.EvalDecision;
import dev.opskit.security.iam.Evaluation;
import dev.opskit.security.iam.MatchedStatement;
import dev.opskit.security.iam.PolicySimulator;
import dev.opskit.security.iam.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * {@code SimulatePrincipalPolicy} per principal and batch of actions, every page through the SDK paginator.
 * The context's rate-limiting interceptor takes an IAM permit before every HTTP attempt, so the whole
 * simulation is paced by the context's IAM limit. Reads the per-resource decisions from
 * {@code ResourceSpecificResults} (IAM now answers one result per action, its top-level decision the most
 * restrictive over the resources), or the top-level result when IAM sends none.
 */
public final class PolicySimulatorImpl implements PolicySimulator {
  private static final Logger LOG = LoggerFactory.getLogger(PolicySimulatorImpl.class);

  private final OpsContext ctx;

  /**
   * Creates the simulator.
   *
   * @param ctx the context
   */
  public PolicySimulatorImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<Evaluation> simulate(Simulation simulation) {
    Checks.present("simulation", simulation, "a Simulation");
    IamClient iam = ctx.client(IamClient.class, IamClient::builder);
    List<software.amazon.awssdk.services.iam.model.ContextEntry> context = simulation.context().stream()
        .map(PolicySimulatorImpl::toSdk).toList();
    boolean allResources = simulation.resources().equals(List.of("*"));
    List<Evaluation> out = new ArrayList<>();
    int calls = 0;
    for (Arn principal : simulation.principals()) {
      List<String> actions = simulation.actions();
      for (int from = 0; from < actions.size(); from += simulation.actionsPerCall()) {
        List<String> batch = actions.subList(from, Math.min(actions.size(), from + simulation.actionsPerCall()));
        SimulatePrincipalPolicyRequest.Builder request = SimulatePrincipalPolicyRequest.builder()
            .policySourceArn(principal.toString())
            .actionNames(batch)
            .maxItems(simulation.pageSize());
        if (!allResources) {
          request.resourceArns(simulation.resources());
        }
        if (!context.isEmpty()) {
          request.contextEntries(context);
        }
        SimulatePrincipalPolicyRequest built = request.build();
        List<EvaluationResult> results = Reads.read("iam:SimulatePrincipalPolicy", principal.toString(),
            () -> iam.simulatePrincipalPolicyPaginator(built).evaluationResults().stream().toList());
        calls++;
        for (EvaluationResult r : results) {
          add(out, principal, r);
        }
      }
    }
    LOG.debug("policy simulation principals={} actions={} resources={} batches={} decisions={}",
        simulation.principals().size(), simulation.actions().size(), simulation.resources().size(), calls, out.size());
    return List.copyOf(out);
  }

  private static void add(List<Evaluation> out, Arn principal, EvaluationResult r) {
    if (r.hasResourceSpecificResults() && !r.resourceSpecificResults().isEmpty()) {
      for (ResourceSpecificResult rs : r.resourceSpecificResults()) {
        out.add(new Evaluation(principal, r.evalActionName(), orStar(rs.evalResourceName()),
            EvalDecision.of(rs.evalResourceDecisionAsString()), statements(rs.matchedStatements()),
            List.copyOf(rs.missingContextValues())));
      }
      return;
    }
    out.add(new Evaluation(principal, r.evalActionName(), orStar(r.evalResourceName()),
        EvalDecision.of(r.evalDecisionAsString()), statements(r.matchedStatements()),
        List.copyOf(r.missingContextValues())));
  }

  private static String orStar(@Nullable String resource) {
    return resource == null || resource.isEmpty() ? "*" : resource;
  }

  private static List<MatchedStatement> statements(List<Statement> statements) {
    return statements.stream().map(s -> new MatchedStatement(
        s.sourcePolicyId() == null ? "(unnamed)" : s.sourcePolicyId(), s.sourcePolicyTypeAsString(),
        line(s.startPosition()), column(s.startPosition()), line(s.endPosition()), column(s.endPosition()))).toList();
  }

  private static int line(@Nullable Position p) {
    return p == null || p.line() == null ? 0 : p.line();
  }

  private static int column(@Nullable Position p) {
    return p == null || p.column() == null ? 0 : p.column();
  }

  private static software.amazon.awssdk.services.iam.model.ContextEntry toSdk(ContextEntry e) {
    return software.amazon.awssdk.services.iam.model.ContextEntry.builder()
        .contextKeyName(e.key())
        .contextKeyType(ContextKeyTypeEnum.fromValue(e.type().aws()))
        .contextKeyValues(e.values())
        .build();
  }
}
