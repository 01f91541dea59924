package dev.opskit.core.change;

import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.RequestParameters;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Plan} does to one resource: create it, update the fields that differ, delete it, or
 * leave it as it is, with the exact calls that does (one or more {@link Change}s, made in order by
 * {@link Gate#apply(Plan)}).
 *
 * <p>A value: equal when kind, type, resource, differences and calls are equal.
 */
public final class ResourceChange {

  /** What is done to the resource. */
  public enum Kind {
    /** It is not live; it will be made. */
    CREATE("+", "create"),
    /** It is live and differs; the fields that differ will be corrected. */
    UPDATE("~", "update"),
    /** It is live, managed and no longer defined; it will be removed. */
    DELETE("-", "delete"),
    /** It is live and as defined; nothing is done. */
    UNCHANGED("=", "unchanged");

    private final String symbol;
    private final String verb;

    Kind(String symbol, String verb) {
      this.symbol = symbol;
      this.verb = verb;
    }

    /** {@return {@code +}, {@code ~}, {@code -} or {@code =}} */
    public String symbol() {
      return symbol;
    }

    /** {@return {@code create}, {@code update}, {@code delete} or {@code unchanged}} */
    public String verb() {
      return verb;
    }
  }

  private final Kind kind;
  private final String resourceType;
  private final String resource;
  private final List<FieldDiff> diffs;
  private final List<Change<?>> steps;
  private final List<PlannedCall> calls;

  private ResourceChange(Kind kind, String resourceType, String resource, List<FieldDiff> diffs, List<Change<?>> steps) {
    if (kind == null) {
      throw ValidationException.of("kind", null, "CREATE, UPDATE, DELETE or UNCHANGED");
    }
    if (resourceType == null || resourceType.isBlank()) {
      throw ValidationException.of("resourceType", resourceType, "what kind of resource, such as alarm or log group");
    }
    if (resource == null || resource.isBlank()) {
      throw ValidationException.of("resource", resource, "the name or id of the resource");
    }
    this.kind = kind;
    this.resourceType = resourceType;
    this.resource = resource;
    this.diffs = List.copyOf(Objects.requireNonNullElse(diffs, List.of()));
    this.steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
    if (kind == Kind.UNCHANGED ? !this.steps.isEmpty() : this.steps.isEmpty()) {
      throw ValidationException.of("steps", this.steps.size(), kind == Kind.UNCHANGED
          ? "none for an unchanged resource" : "at least one call for a " + kind.verb());
    }
    if (kind == Kind.UPDATE && this.diffs.isEmpty()) {
      throw ValidationException.of("diffs", "[]", "at least one field difference for an update");
    }
    this.calls = this.steps.stream()
        .map(c -> new PlannedCall(c.operation(), c.target(), RequestParameters.of(c.request(), c.secretNames()).parameters()))
        .toList();
  }

  /**
   * A resource to create.
   *
   * @param resourceType such as {@code alarm}
   * @param resource its name or id
   * @param steps the calls that make it, in order
   * @return the change
   */
  public static ResourceChange create(String resourceType, String resource, List<? extends Change<?>> steps) {
    return new ResourceChange(Kind.CREATE, resourceType, resource, List.of(), List.copyOf(steps));
  }

  /**
   * A resource whose fields differ.
   *
   * @param resourceType such as {@code alarm}
   * @param resource its name or id
   * @param diffs the fields that differ, at least one
   * @param steps the calls that correct them, in order
   * @return the change
   */
  public static ResourceChange update(
      String resourceType, String resource, List<FieldDiff> diffs, List<? extends Change<?>> steps) {
    return new ResourceChange(Kind.UPDATE, resourceType, resource, diffs, List.copyOf(steps));
  }

  /**
   * A resource to delete.
   *
   * @param resourceType such as {@code alarm}
   * @param resource its name or id
   * @param steps the calls that delete it
   * @return the change
   */
  public static ResourceChange delete(String resourceType, String resource, List<? extends Change<?>> steps) {
    return new ResourceChange(Kind.DELETE, resourceType, resource, List.of(), List.copyOf(steps));
  }

  /**
   * A resource already as defined.
   *
   * @param resourceType such as {@code alarm}
   * @param resource its name or id
   * @return the (empty) change
   */
  public static ResourceChange unchanged(String resourceType, String resource) {
    return new ResourceChange(Kind.UNCHANGED, resourceType, resource, List.of(), List.of());
  }

  /** {@return what is done} */
  public Kind kind() {
    return kind;
  }

  /** {@return the kind of resource, such as {@code alarm}, {@code dashboard}, {@code backup plan}} */
  public String resourceType() {
    return resourceType;
  }

  /** {@return the resource's name or id} */
  public String resource() {
    return resource;
  }

  /** {@return the fields that differ (updates only)} */
  public List<FieldDiff> diffs() {
    return diffs;
  }

  /** {@return the changes {@link Gate#apply(Plan)} submits, in order} */
  public List<Change<?>> steps() {
    return steps;
  }

  /** {@return the exact calls, redacted, as the audit trail and a dry run show them} */
  public List<PlannedCall> calls() {
    return calls;
  }

  /** {@return whether something is done (not {@link Kind#UNCHANGED})} */
  public boolean isChange() {
    return kind != Kind.UNCHANGED;
  }

  /** {@code ~ update alarm HighCPUUtilization (Threshold: 70.0 -> 75.0)}. */
  @Override
  public String toString() {
    return kind.symbol() + " " + kind.verb() + " " + resourceType + " " + resource
        + (diffs.isEmpty() ? "" : " " + diffs.stream().map(FieldDiff::toString).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceChange other && kind == other.kind && resourceType.equals(other.resourceType)
        && resource.equals(other.resource) && diffs.equals(other.diffs) && calls.equals(other.calls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, resourceType, resource, diffs, calls);
  }
}
