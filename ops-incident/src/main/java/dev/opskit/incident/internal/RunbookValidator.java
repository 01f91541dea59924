package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The build-time checks of a runbook. */
public final class RunbookValidator {
  private RunbookValidator() {}

  /**
   * Checks a runbook as a whole.
   *
   * @param runbook the runbook
   * @throws ValidationException naming the first thing that is wrong
   */
  public static void validate(Runbook runbook) {
    if (runbook.steps().isEmpty()) {
      throw ValidationException.of("steps", "[]", "at least one step");
    }
    Set<String> parameterNames = new HashSet<>();
    for (Parameter p : runbook.parameters()) {
      if (!parameterNames.add(p.name())) {
        throw ValidationException.of("parameter", p.name(), "each parameter name once");
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < runbook.steps().size(); i++) {
      String name = runbook.steps().get(i).name();
      if (index.put(name, i) != null) {
        throw ValidationException.of("step", name, "each step name once");
      }
      if (parameterNames.contains(name)) {
        throw ValidationException.of("step", name, "a name no parameter has");
      }
    }
    Set<String> known = new HashSet<>(parameterNames);
    for (Step step : runbook.steps()) {
      for (String ref : references(step)) {
        if (!known.contains(ref) && !Templates.isBuiltIn(ref)) {
          throw ValidationException.of("step " + step.name() + " reference", "{{ " + ref + " }}",
              "a parameter or an output of an earlier step (" + String.join(", ", known.stream().sorted().toList()) + ")");
        }
      }
      for (String target : targets(step)) {
        if (!index.containsKey(target)) {
          throw ValidationException.of("step " + step.name() + " jump", target,
              "the name of a step of this runbook (" + String.join(", ", index.keySet().stream().sorted().toList()) + ")");
        }
      }
      step.action().outputNames().forEach(o -> known.add(step.name() + "." + o));
    }
    if (runbook.assumeRole() != null) {
      for (String ref : Templates.references(runbook.assumeRole())) {
        if (!parameterNames.contains(ref)) {
          throw ValidationException.of("assumeRole reference", "{{ " + ref + " }}", "a parameter of this runbook");
        }
      }
    }
    for (String out : runbook.outputs()) {
      if (!known.contains(out) || parameterNames.contains(out)) {
        throw ValidationException.of("runbook output", out, "step.Output of a step of this runbook");
      }
    }
    checkCycles(runbook, index);
  }

  /**
   * Every reference a step makes: in its inputs, branch variables, arguments and messages.
   *
   * @param step the step
   * @return the references, in order, without repeats
   */
  public static Set<String> references(Step step) {
    Set<String> refs = new LinkedHashSet<>();
    StepAction a = step.action();
    if (a instanceof StepAction.AwsCall c) {
      refs.addAll(Templates.references(c.inputs()));
    } else if (a instanceof StepAction.WaitForProperty w) {
      refs.addAll(Templates.references(w.inputs()));
    } else if (a instanceof StepAction.AssertProperty s) {
      refs.addAll(Templates.references(s.inputs()));
    } else if (a instanceof StepAction.Approve ap) {
      refs.addAll(Templates.references(ap.message()));
      refs.addAll(Templates.references(ap.approvers()));
    } else if (a instanceof StepAction.ExecuteRunbook e) {
      refs.addAll(Templates.references(e.parameters()));
    } else if (a instanceof StepAction.Branch b) {
      for (Choice c : b.choices()) {
        variables(step.name(), c.condition(), refs);
      }
    }
    return refs;
  }

  private static void variables(String step, Condition condition, Set<String> out) {
    if (condition instanceof Condition.Compare c) {
      String ref = Templates.whole(c.variable());
      if (ref == null) {
        throw ValidationException.of("step " + step + " branch variable", c.variable(),
            "one reference, such as {{ describe.Status }}");
      }
      out.add(ref);
    } else if (condition instanceof Condition.And and) {
      and.conditions().forEach(x -> variables(step, x, out));
    } else if (condition instanceof Condition.Or or) {
      or.conditions().forEach(x -> variables(step, x, out));
    } else if (condition instanceof Condition.Not not) {
      variables(step, not.condition(), out);
    }
  }

  /**
   * The steps a step names as jump targets (next step, failure target, branch targets).
   *
   * @param step the step
   * @return the names
   */
  public static List<String> targets(Step step) {
    List<String> out = new ArrayList<>();
    if (step.controls().nextStep() != null) {
      out.add(step.controls().nextStep());
    }
    OnFailure f = step.controls().onFailure();
    if (f.kind() == OnFailure.Kind.GO_TO && f.step() != null) {
      out.add(f.step());
    }
    if (step.action() instanceof StepAction.Branch b) {
      b.choices().forEach(c -> out.add(c.nextStep()));
      if (b.defaultStep() != null) {
        out.add(b.defaultStep());
      }
    }
    return out;
  }

  /**
   * The step after a step that succeeded, when no branch decides: its {@code nextStep}, none when it ends
   * the runbook, else the following step.
   *
   * @param runbook the runbook
   * @param i the step's index
   * @return the next step's name, or null when the runbook ends
   */
  public static @Nullable String following(Runbook runbook, int i) {
    Step step = runbook.steps().get(i);
    if (step.controls().end()) {
      return null;
    }
    if (step.controls().nextStep() != null) {
      return step.controls().nextStep();
    }
    return i + 1 < runbook.steps().size() ? runbook.steps().get(i + 1).name() : null;
  }

  /**
   * The steps that may run after a step: its jump targets, the following step when it is not a branch, and
   * the next one in order when a failure continues.
   *
   * @param runbook the runbook
   * @param i the step's index
   * @param index step indexes by name
   * @return the indexes
   */
  static Set<Integer> successors(Runbook runbook, int i, Map<String, Integer> index) {
    Step step = runbook.steps().get(i);
    Set<Integer> next = new LinkedHashSet<>();
    for (String t : targets(step)) {
      next.add(index.get(t));
    }
    if (!(step.action() instanceof StepAction.Branch)) {
      String f = following(runbook, i);
      if (f != null) {
        next.add(index.get(f));
      }
    }
    if (step.controls().onFailure().kind() == OnFailure.Kind.CONTINUE && i + 1 < runbook.steps().size()) {
      next.add(i + 1);
    }
    return next;
  }

  private static boolean isWait(Step step) {
    return step.action() instanceof StepAction.Sleep || step.action() instanceof StepAction.WaitForProperty
        || step.action() instanceof StepAction.Approve;
  }

  /**
   * Every loop must pass a wait: the steps that are not waits must form no cycle among themselves (Tarjan's
   * components over them, iteratively).
   */
  private static void checkCycles(Runbook runbook, Map<String, Integer> index) {
    int n = runbook.steps().size();
    List<List<Integer>> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Step step = runbook.steps().get(i);
      Set<Integer> next = new LinkedHashSet<>();
      if (!isWait(step)) {
        for (int j : successors(runbook, i, index)) {
          if (!isWait(runbook.steps().get(j))) {
            next.add(j);
          }
        }
      }
      edges.add(new ArrayList<>(next));
    }
    int[] order = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    java.util.Arrays.fill(order, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    int counter = 0;
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      Deque<int[]> work = new ArrayDeque<>();
      work.push(new int[] {root, 0});
      order[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        if (frame[1] < edges.get(v).size()) {
          int w = edges.get(v).get(frame[1]++);
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            work.push(new int[] {w, 0});
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == order[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          boolean cycle = component.size() > 1 || edges.get(v).contains(v);
          if (cycle) {
            List<String> names = component.stream().sorted().map(i -> runbook.steps().get(i).name()).toList();
            throw ValidationException.of("steps", String.join(" -> ", names),
                "a loop only through a sleep, a wait or an approval step");
          }
        }
      }
    }
  }
}
