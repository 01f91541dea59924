package dev.opskit.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Acceptance 5: build-time validation accepts exactly the well-formed runbooks (an oracle written apart from the
 * validator decides which those are), and every valid runbook round-trips through its JSON form.
 */
class RunbookPropertiesTest {
  private static final JavaStep CODE = c -> Map.of("Out", "x");
  private static final int MISSING = 99;

  /** The shape of a random runbook: what each step is, what it references and where it jumps. */
  record ParamSpec(boolean integer, boolean goodDefault, boolean hasDefault) {}

  /** One step: kind 0 call, 1 sleep, 2 branch, 3 java; a reference (-1 none, 0..9 parameter, 10.. step 10+k). */
  record StepSpec(int kind, int ref, int next, boolean end, int onFailure, int failTarget, int choiceTarget,
      int defaultTarget) {}

  record Spec(List<ParamSpec> params, List<StepSpec> steps) {}

  private static long pick(org.quicktheories.core.RandomnessSource in, int min, int max) {
    return in.next(Constraint.between(min, max));
  }

  /** A target: mostly a real step, sometimes none (-1) or a missing one. */
  private static int target(org.quicktheories.core.RandomnessSource in, int steps, boolean optional) {
    long r = pick(in, 0, 19);
    if (optional && r < 10) {
      return -1;
    }
    if (r == 19) {
      return MISSING;
    }
    return (int) pick(in, 0, steps - 1);
  }

  static Gen<Spec> specs() {
    return in -> {
      int nParams = (int) pick(in, 0, 2);
      List<ParamSpec> params = new ArrayList<>();
      for (int i = 0; i < nParams; i++) {
        params.add(new ParamSpec(pick(in, 0, 1) == 1, pick(in, 0, 9) > 0, pick(in, 0, 1) == 1));
      }
      int nSteps = (int) pick(in, 1, 6);
      List<StepSpec> steps = new ArrayList<>();
      for (int i = 0; i < nSteps; i++) {
        int kind = (int) pick(in, 0, 3);
        long r = pick(in, 0, 9);
        int ref = r < 4 ? -1 : r < 7 ? (int) pick(in, 0, 2) : 10 + (int) pick(in, 0, nSteps - 1);
        steps.add(new StepSpec(kind, ref, target(in, nSteps, true), pick(in, 0, 9) == 0,
            (int) pick(in, 0, 2), target(in, nSteps, false), target(in, nSteps, false), target(in, nSteps, true)));
      }
      return new Spec(params, steps);
    };
  }

  // ------------------------------------------------------------ the oracle, apart from the validator

  private static boolean publishes(StepSpec s) {
    return s.kind == 0 || s.kind == 3;
  }

  static boolean wellFormed(Spec spec) {
    for (ParamSpec p : spec.params) {
      if (p.hasDefault && !p.goodDefault) {
        return false;
      }
    }
    int n = spec.steps.size();
    List<List<Integer>> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StepSpec s = spec.steps.get(i);
      if (s.end && s.next >= 0) {
        return false;
      }
      boolean references = s.kind == 0 || s.kind == 2;
      if (!references) {
        // sleeps and Java steps reference nothing
      } else if (s.ref >= 10) {
        int k = s.ref - 10;
        if (k >= i || !publishes(spec.steps.get(k))) {
          return false;
        }
      } else if (s.ref >= spec.params.size()) {
        return false;
      }
      List<Integer> out = new ArrayList<>();
      if (s.next == MISSING || (s.onFailure == 2 && s.failTarget == MISSING)
          || (s.kind == 2 && (s.choiceTarget == MISSING || s.defaultTarget == MISSING))) {
        return false;
      }
      if (s.next >= 0) {
        out.add(s.next);
      }
      if (s.onFailure == 2) {
        out.add(s.failTarget);
      }
      if (s.onFailure == 1 && i + 1 < n) {
        out.add(i + 1);
      }
      if (s.kind == 2) {
        out.add(s.choiceTarget);
        if (s.defaultTarget >= 0) {
          out.add(s.defaultTarget);
        }
      } else if (!s.end && s.next < 0 && i + 1 < n) {
        out.add(i + 1);
      }
      edges.add(out);
    }
    // A loop of steps none of which waits: depth-first search over the non-sleep steps, with colours.
    int[] colour = new int[n];
    for (int i = 0; i < n; i++) {
      if (spec.steps.get(i).kind != 1 && colour[i] == 0 && loops(i, spec, edges, colour)) {
        return false;
      }
    }
    return true;
  }

  private static boolean loops(int v, Spec spec, List<List<Integer>> edges, int[] colour) {
    colour[v] = 1;
    for (int w : edges.get(v)) {
      if (spec.steps.get(w).kind == 1) {
        continue;
      }
      if (colour[w] == 1 || (colour[w] == 0 && loops(w, spec, edges, colour))) {
        return true;
      }
    }
    colour[v] = 2;
    return false;
  }

  // ------------------------------------------------------------ building from the shape

  private static String name(int i) {
    return i == MISSING ? "Nowhere" : "S" + i;
  }

  static Runbook build(Spec spec) {
    Runbook.Builder b = Runbook.builder("generated");
    for (int i = 0; i < spec.params.size(); i++) {
      ParamSpec p = spec.params.get(i);
      Object dflt = !p.hasDefault ? null : p.integer == p.goodDefault ? (Object) 5L : "five";
      b.parameter(new Parameter("P" + i, p.integer ? ParameterType.INTEGER : ParameterType.STRING, "", dflt,
          List.of(), null, false));
    }
    for (int i = 0; i < spec.steps.size(); i++) {
      StepSpec s = spec.steps.get(i);
      String ref = s.ref < 0 ? "plain" : s.ref < 10 ? "{{ P" + s.ref + " }}" : "{{ S" + (s.ref - 10) + ".Out }}";
      StepAction action = switch (s.kind) {
        case 0 -> {
          Map<String, Object> in = new LinkedHashMap<>();
          in.put("TopicArn", "arn:aws:sns:us-east-1:123456789012:t");
          in.put("Message", ref);
          yield StepAction.awsCall("sns", "Publish", in).output("Out", "$.MessageId", OutputType.STRING);
        }
        case 1 -> StepAction.sleep(Duration.ofSeconds(1 + i));
        case 2 -> StepAction.branch(s.defaultTarget < 0 ? null : name(s.defaultTarget), Choice.of(
            Condition.stringEquals(s.ref < 0 ? "{{ automation:EXECUTION_ID }}" : ref, "go"), name(s.choiceTarget)));
        default -> StepAction.java("code", CODE, "Out");
      };
      OnFailure failure = switch (s.onFailure) {
        case 0 -> OnFailure.abort();
        case 1 -> OnFailure.proceed();
        default -> OnFailure.goTo(name(s.failTarget));
      };
      b.step(new Step(name(i), action, new StepControls(null, 1 + i % 3, Duration.ZERO, failure, i % 2 == 0, s.end,
          s.next < 0 ? null : name(s.next))));
    }
    return b.build();
  }

  @Test
  void validationAcceptsExactlyTheWellFormedRunbooks() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withExamples(2000).forAll(specs()).checkAssert(spec -> {
      boolean expected = wellFormed(spec);
      Runbook built = null;
      String why = null;
      try {
        built = build(spec);
      } catch (ValidationException e) {
        why = e.getMessage();
      }
      assertThat(built != null).as("%s: %s", spec, why).isEqualTo(expected);
      (expected ? accepted : rejected).incrementAndGet();
    });
    // Both sides were exercised, each many times.
    assertThat(accepted.get()).isGreaterThan(200);
    assertThat(rejected.get()).isGreaterThan(200);
  }

  @Test
  void everyValidRunbookRoundTripsThroughItsJsonForm() {
    Map<String, JavaStep> code = new HashMap<>();
    code.put("code", CODE);
    AtomicInteger checked = new AtomicInteger();
    qt().withExamples(2000).forAll(specs()).checkAssert(spec -> {
      if (!wellFormed(spec)) {
        return;
      }
      checked.incrementAndGet();
      Runbook runbook = build(spec);
      Runbook back = Runbook.fromJson(runbook.toJson(), code);

      assertThat(back).isEqualTo(runbook);
      assertThat(back.hashCode()).isEqualTo(runbook.hashCode());
      assertThat(back.toJson()).isEqualTo(runbook.toJson());
      assertThat(runbook.toBuilder().build()).isEqualTo(runbook);
    });
    assertThat(checked.get()).isGreaterThan(200);
  }

  @Test
  void theExamplesRoundTripThroughJsonAndRenderForReview() {
    for (Runbook r : List.of(Examples.serviceRestart(), Examples.dbSnapshot())) {
      assertThat(Runbook.fromJson(r.toJson())).isEqualTo(r);
    }
    assertThat(Examples.serviceRestart().render()).contains(
        "   3. restart: call ecs:UpdateService {\"cluster\":\"{{ Cluster }}\",\"service\":\"{{ Service }}\","
            + "\"forceNewDeployment\":true,\"desiredCount\":\"{{ DesiredCount }}\"} -> ServiceArn=$.service.serviceArn,"
            + " RunningCount=$.service.runningCount [timeout PT20S, 3 attempts, on failure step:rollback]");
  }
}
