package dev.opskit.security.iam;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to simulate: every principal × action × resource, with condition context. A value; the
 * {@link PolicySimulator} sends it as {@code SimulatePrincipalPolicy} calls, one per principal and batch of
 * actions (all resources in each call), every page read.
 *
 * <pre>{@code
 * Simulation simulation = Simulation.builder()
 *     .principal("arn:aws:iam::123456789012:role/app-role")
 *     .actions("s3:GetObject")
 *     .resources("arn:aws:s3:::app-data/*")
 *     .build();
 * }</pre>
 */
public final class Simulation {
  /** The most principals, actions or resources one simulation takes. */
  public static final int MAX_ITEMS = 10_000;

  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]{1,64}:[A-Za-z0-9*?]{1,120}");
  private static final Set<String> PRINCIPAL_TYPES = Set.of("user", "group", "role");

  private final List<Arn> principals;
  private final List<String> actions;
  private final List<String> resources;
  private final List<ContextEntry> context;
  private final int actionsPerCall;
  private final int pageSize;

  private Simulation(Builder b) {
    this.principals = List.copyOf(b.principals);
    this.actions = List.copyOf(b.actions);
    this.resources = b.resources.isEmpty() ? List.of("*") : List.copyOf(b.resources);
    this.context = List.copyOf(b.context);
    this.actionsPerCall = b.actionsPerCall;
    this.pageSize = b.pageSize;
    Checks.require(!principals.isEmpty(), "principals", principals, "at least one user, group or role ARN");
    Checks.require(!actions.isEmpty(), "actions", actions, "at least one action, such as s3:GetObject");
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder with this simulation's settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.principals.addAll(principals);
    b.actions.addAll(actions);
    if (!resources.equals(List.of("*"))) {
      b.resources.addAll(resources);
    }
    b.context.addAll(context);
    b.actionsPerCall = actionsPerCall;
    b.pageSize = pageSize;
    return b;
  }

  /** {@return the users, groups and roles whose policies are simulated} */
  public List<Arn> principals() {
    return principals;
  }

  /** {@return the actions, such as {@code s3:GetObject}} */
  public List<String> actions() {
    return actions;
  }

  /** {@return the resources: ARNs, or {@code *} for all} */
  public List<String> resources() {
    return resources;
  }

  /** {@return the condition context} */
  public List<ContextEntry> context() {
    return context;
  }

  /** {@return how many actions one call carries} */
  public int actionsPerCall() {
    return actionsPerCall;
  }

  /** {@return how many results one page carries ({@code MaxItems})} */
  public int pageSize() {
    return pageSize;
  }

  /** {@return how many (principal, action, resource) decisions the simulation yields} */
  public long size() {
    return (long) principals.size() * actions.size() * resources.size();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Simulation that && principals.equals(that.principals) && actions.equals(that.actions)
        && resources.equals(that.resources) && context.equals(that.context)
        && actionsPerCall == that.actionsPerCall && pageSize == that.pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(principals, actions, resources, context, actionsPerCall, pageSize);
  }

  @Override
  public String toString() {
    return "Simulation[" + principals.size() + " principals x " + actions.size() + " actions x " + resources.size()
        + " resources, " + actionsPerCall + " actions per call, pages of " + pageSize + "]";
  }

  /** Builds a {@link Simulation}. */
  public static final class Builder {
    private final List<Arn> principals = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();
    private final List<ContextEntry> context = new ArrayList<>();
    private int actionsPerCall = 20;
    private int pageSize = 1000;

    private Builder() {}

    /**
     * Adds a principal.
     *
     * @param arn a user, group or role ARN, such as {@code arn:aws:iam::123456789012:role/app-role}
     * @return this builder
     */
    public Builder principal(String arn) {
      Checks.require(arn != null && Arn.isValid(arn), "principal", arn, "an IAM user, group or role ARN, such as"
          + " arn:aws:iam::123456789012:role/app-role");
      return principal(Arn.parse(arn));
    }

    /**
     * Adds a principal.
     *
     * @param arn a user, group or role ARN
     * @return this builder
     */
    public Builder principal(Arn arn) {
      Checks.present("principal", arn, "a user, group or role ARN");
      String type = arn.resourceType().orElse("").toLowerCase(Locale.ROOT);
      if (!"iam".equals(arn.service()) || !PRINCIPAL_TYPES.contains(type)) {
        throw ValidationException.of("principal", arn, "an IAM user, group or role ARN, such as"
            + " arn:aws:iam::123456789012:role/app-role");
      }
      room(principals, "principals");
      principals.add(arn);
      return this;
    }

    /**
     * Adds principals.
     *
     * @param arns user, group or role ARNs
     * @return this builder
     */
    public Builder principals(List<Arn> arns) {
      Checks.list("principals", arns, "user, group or role ARNs").forEach(this::principal);
      return this;
    }

    /**
     * Adds actions.
     *
     * @param names actions with their service prefix, such as {@code s3:GetObject} (wildcards allowed)
     * @return this builder
     */
    public Builder actions(String... names) {
      return actions(Checks.elements("actions", "actions such as s3:GetObject", names));
    }

    /**
     * Adds actions.
     *
     * @param names actions with their service prefix
     * @return this builder
     */
    public Builder actions(List<String> names) {
      for (String name : Checks.list("actions", names, "actions such as s3:GetObject")) {
        Checks.matches(ACTION, "actions", Checks.length("actions", name, 3, 128),
            "service:Action, such as s3:GetObject (wildcards * and ? allowed in the action)");
        room(actions, "actions");
        actions.add(name);
      }
      return this;
    }

    /**
     * Adds resources (default: {@code *}).
     *
     * @param arns resource ARNs, or {@code *}
     * @return this builder
     */
    public Builder resources(String... arns) {
      return resources(Checks.elements("resources", "resource ARNs or *", arns));
    }

    /**
     * Adds resources (default: {@code *}).
     *
     * @param arns resource ARNs, or {@code *}
     * @return this builder
     */
    public Builder resources(List<String> arns) {
      for (String arn : Checks.list("resources", arns, "resource ARNs or *")) {
        Checks.length("resources", arn, 1, Arn.MAX_LENGTH);
        Checks.require("*".equals(arn) || Arn.isValid(arn), "resources", arn, "a resource ARN, such as"
            + " arn:aws:s3:::app-data/*, or *");
        room(resources, "resources");
        resources.add(arn);
      }
      return this;
    }

    /**
     * Adds a condition context value.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder context(ContextEntry entry) {
      context.add(Checks.present("context", entry, "a context entry"));
      return this;
    }

    /**
     * How many actions one call carries (default 20); each call covers every resource.
     *
     * @param value 1 to 100
     * @return this builder
     */
    public Builder actionsPerCall(int value) {
      this.actionsPerCall = (int) Checks.range("actionsPerCall", value, 1, 100, "1 to 100");
      return this;
    }

    /**
     * How many results one page carries ({@code MaxItems}, default 1,000, IAM's most).
     *
     * @param value 1 to 1000
     * @return this builder
     */
    public Builder pageSize(int value) {
      this.pageSize = (int) Checks.range("pageSize", value, 1, 1000, "1 to 1000");
      return this;
    }

    private static void room(List<?> list, String field) {
      Checks.require(list.size() < MAX_ITEMS, field, list.size() + 1 + " items", "at most " + MAX_ITEMS);
    }

    /**
     * Builds the simulation.
     *
     * @return the simulation
     * @throws ValidationException without a principal or an action
     */
    public Simulation build() {
      return new Simulation(this);
    }
  }
}
