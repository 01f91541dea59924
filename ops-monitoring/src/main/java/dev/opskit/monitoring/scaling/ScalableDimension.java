package dev.opskit.monitoring.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The scalable dimensions OpsKit manages, each with its service namespace and the form of resource id it
 * scales: a DynamoDB dimension names a table ({@code table/user-sessions}) or an index
 * ({@code table/user-sessions/index/by-user}), the ECS one a service ({@code service/prod-cluster/api-service}).
 * {@link #checkResourceId} validates the two together, before any call.
 */
public enum ScalableDimension {
  /** {@code dynamodb:table:ReadCapacityUnits} on {@code table/<table>}. */
  DYNAMODB_TABLE_READ("dynamodb:table:ReadCapacityUnits", Form.TABLE),
  /** {@code dynamodb:table:WriteCapacityUnits} on {@code table/<table>}. */
  DYNAMODB_TABLE_WRITE("dynamodb:table:WriteCapacityUnits", Form.TABLE),
  /** {@code dynamodb:index:ReadCapacityUnits} on {@code table/<table>/index/<index>}. */
  DYNAMODB_INDEX_READ("dynamodb:index:ReadCapacityUnits", Form.INDEX),
  /** {@code dynamodb:index:WriteCapacityUnits} on {@code table/<table>/index/<index>}. */
  DYNAMODB_INDEX_WRITE("dynamodb:index:WriteCapacityUnits", Form.INDEX),
  /** {@code ecs:service:DesiredCount} on {@code service/<cluster>/<service>}. */
  ECS_SERVICE_DESIRED_COUNT("ecs:service:DesiredCount", Form.SERVICE);

  /** The resource id forms, each a pattern and an example for messages. */
  private enum Form {
    TABLE("table/<table>, such as table/user-sessions (table names: 3 to 255 of A-Z a-z 0-9 _ - .)",
        "table/[A-Za-z0-9_.-]{3,255}"),
    INDEX("table/<table>/index/<index>, such as table/user-sessions/index/by-user",
        "table/[A-Za-z0-9_.-]{3,255}/index/[A-Za-z0-9_.-]{3,255}"),
    SERVICE("service/<cluster>/<service>, such as service/prod-cluster/api-service (names: 1 to 255 of A-Z a-z 0-9 _ -)",
        "service/[A-Za-z0-9_-]{1,255}/[A-Za-z0-9_-]{1,255}");

    private final String description;
    private final Pattern pattern;

    Form(String description, String pattern) {
      this.description = description;
      this.pattern = Pattern.compile(pattern);
    }
  }

  /** The longest resource id AWS accepts. */
  public static final int MAX_RESOURCE_ID = 1600;

  private final String value;
  private final Form form;

  ScalableDimension(String value, Form form) {
    this.value = value;
    this.form = form;
  }

  /** {@return AWS's name, such as {@code dynamodb:table:ReadCapacityUnits}} */
  public String value() {
    return value;
  }

  /** {@return the service namespace, such as {@code dynamodb} or {@code ecs}} */
  public String serviceNamespace() {
    return value.substring(0, value.indexOf(':'));
  }

  /**
   * Whether a resource id has the form this dimension scales (a DynamoDB table dimension needs
   * {@code table/<table>}, the ECS one {@code service/<cluster>/<service>}).
   *
   * @param resourceId the resource id, or null
   * @return whether it is a valid pair
   */
  public boolean accepts(@Nullable String resourceId) {
    return resourceId != null && resourceId.length() <= MAX_RESOURCE_ID && form.pattern.matcher(resourceId).matches();
  }

  /**
   * Validates a resource id against this dimension.
   *
   * @param field the field, as the message names it
   * @param resourceId the resource id
   * @return the resource id
   * @throws ValidationException naming the field, the id, the dimension and the form it needs
   */
  public String checkResourceId(String field, @Nullable String resourceId) {
    String id = Checks.length(field, resourceId, 1, MAX_RESOURCE_ID);
    if (!accepts(id)) {
      throw ValidationException.of(field, id, "for scalable dimension " + value + " a resource id "
          + form.description);
    }
    return id;
  }

  /**
   * The dimension of an AWS name.
   *
   * @param value such as {@code ecs:service:DesiredCount}
   * @return the dimension
   * @throws ValidationException when OpsKit does not manage that dimension, listing those it does
   */
  public static ScalableDimension of(@Nullable String value) {
    return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst()
        .orElseThrow(() -> ValidationException.of("ScalableDimension", value,
            Arrays.stream(values()).map(ScalableDimension::value).toList().toString()));
  }

  @Override
  public String toString() {
    return value;
  }
}
