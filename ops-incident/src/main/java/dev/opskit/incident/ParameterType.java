package dev.opskit.incident;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.AccountId;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.value.LogGroupName;
import dev.opskit.core.value.TableName;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The type of a runbook parameter. A value given for a parameter is checked and brought to its canonical
 * form ({@link #coerce}): a {@code String}, a {@code Long}, a {@code Boolean}, a list of strings, or, for a
 * {@link #DURATION}, its ISO-8601 text ({@code PT5M}). The OpsKit id types are strings checked by core's
 * value types ({@code DbInstanceId.of} and so on).
 */
public enum ParameterType {
  /** Text. SSM type {@code String}. */
  STRING("String", null),
  /** A whole number. SSM type {@code Integer}. */
  INTEGER("Integer", null),
  /** {@code true} or {@code false}. SSM type {@code Boolean}. */
  BOOLEAN("Boolean", null),
  /** A list of texts. SSM type {@code StringList}. */
  STRING_LIST("StringList", null),
  /** A duration, as ISO-8601 text such as {@code PT5M}. Exported to SSM as a {@code String}. */
  DURATION("String", null),
  /** An RDS DB instance identifier ({@code DbInstanceId}). Exported to SSM as a {@code String}. */
  DB_INSTANCE_ID("String", s -> DbInstanceId.of(s).toString()),
  /** An RDS DB snapshot identifier ({@code DbSnapshotId}). Exported to SSM as a {@code String}. */
  DB_SNAPSHOT_ID("String", s -> DbSnapshotId.of(s).toString()),
  /** A DynamoDB table name ({@code TableName}). Exported to SSM as a {@code String}. */
  TABLE_NAME("String", s -> TableName.of(s).toString()),
  /** An S3 bucket name ({@code BucketName}). Exported to SSM as a {@code String}. */
  BUCKET_NAME("String", s -> BucketName.of(s).toString()),
  /** An AWS account id ({@code AccountId}). Exported to SSM as a {@code String}. */
  ACCOUNT_ID("String", s -> AccountId.of(s).toString()),
  /** A CloudWatch alarm name ({@code AlarmName}). Exported to SSM as a {@code String}. */
  ALARM_NAME("String", s -> AlarmName.of(s).toString()),
  /** A CloudWatch Logs log group name ({@code LogGroupName}). Exported to SSM as a {@code String}. */
  LOG_GROUP_NAME("String", s -> LogGroupName.of(s).toString()),
  /** An AWS Backup vault name ({@code BackupVaultName}). Exported to SSM as a {@code String}. */
  BACKUP_VAULT_NAME("String", s -> BackupVaultName.of(s).toString()),
  /** An ARN ({@code Arn}). Exported to SSM as a {@code String}. */
  ARN("String", s -> Arn.parse(s).toString());

  private final String ssmType;
  private final @Nullable Function<String, String> idCheck;

  ParameterType(String ssmType, @Nullable Function<String, String> idCheck) {
    this.ssmType = ssmType;
    this.idCheck = idCheck;
  }

  /** {@return the SSM Automation parameter type this type is exported as} */
  public String ssmType() {
    return ssmType;
  }

  /** {@return whether values are texts (so an allowed pattern applies)} */
  public boolean isText() {
    return this != INTEGER && this != BOOLEAN && this != STRING_LIST;
  }

  /**
   * Checks a value and gives its canonical form: {@code String}, {@code Long}, {@code Boolean} or an
   * unmodifiable {@code List<String>}. Texts are accepted for every type (as SSM passes them).
   *
   * @param field the parameter, as a message names it
   * @param value the value
   * @return the canonical value
   * @throws ValidationException when the value is not of this type
   */
  public Object coerce(String field, @Nullable Object value) {
    if (value == null) {
      throw ValidationException.of(field, null, allowed());
    }
    return switch (this) {
      case INTEGER -> integer(field, value);
      case BOOLEAN -> bool(field, value);
      case STRING_LIST -> stringList(field, value);
      case DURATION -> duration(field, value);
      default -> text(field, value);
    };
  }

  private Object integer(String field, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    throw ValidationException.of(field, value, allowed());
  }

  private Object bool(String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw ValidationException.of(field, value, allowed());
  }

  private Object stringList(String field, Object value) {
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw ValidationException.of(field, value, allowed());
        }
        out.add(s);
      }
      return Collections.unmodifiableList(out);
    }
    throw ValidationException.of(field, value, allowed());
  }

  private Object duration(String field, Object value) {
    if (value instanceof Duration d) {
      return d.toString();
    }
    if (value instanceof String s && s.length() <= 40) {
      try {
        return Duration.parse(s).toString();
      } catch (DateTimeParseException e) {
        throw ValidationException.of(field, value, allowed());
      }
    }
    throw ValidationException.of(field, value, allowed());
  }

  private Object text(String field, Object value) {
    if (!(value instanceof String s)) {
      throw ValidationException.of(field, value, allowed());
    }
    Function<String, String> check = idCheck;
    if (check == null) {
      return s;
    }
    try {
      return check.apply(s);
    } catch (ValidationException e) {
      throw ValidationException.of(field, value, allowed() + " (" + e.allowed() + ")");
    }
  }

  /** {@return what values this type accepts, for a message} */
  public String allowed() {
    return switch (this) {
      case STRING -> "a string";
      case INTEGER -> "a whole number";
      case BOOLEAN -> "true or false";
      case STRING_LIST -> "a list of strings";
      case DURATION -> "an ISO-8601 duration such as PT5M";
      default -> "a " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}
