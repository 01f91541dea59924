package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account-id:resource}.
 *
 * <p>{@link #toString()} gives the ARN text, and {@code Arn.parse(arn.toString()).equals(arn)}.
 *
 * @param partition the partition, such as {@code aws} or {@code aws-cn}
 * @param service the service namespace, such as {@code rds} or {@code s3}
 * @param region the region code, such as {@code us-east-1}; empty for global resources (IAM, S3 buckets)
 * @param accountId the 12-digit account id; empty where ARNs have none (S3 buckets); {@code aws} for
 *     AWS-managed IAM policies; {@code ec2} in the EC2 alarm actions of the {@code automate} service
 *     ({@code arn:aws:automate:us-east-1:ec2:stop})
 * @param resource everything after the fifth colon, such as {@code db:orders-db}; never empty, may itself
 *     contain {@code :} and {@code /}, and inner spaces ({@code alarm:High CPU}), but no other whitespace
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {
  /** The longest ARN accepted, in characters. */
  public static final int MAX_LENGTH = 2048;

  private static final String SHAPE = "arn:partition:service:region:account-id:resource";
  private static final List<String> PARTITIONS =
      List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
  // The message of the partition rule, made once rather than on every ARN.
  private static final String PARTITION_LIST = String.join(", ", PARTITIONS);

  /**
   * Validates every part; throws {@link ValidationException} naming the part that is wrong.
   *
   * @param partition the partition, such as {@code aws} or {@code aws-cn}
   * @param service the service namespace, such as {@code rds} or {@code s3}
   * @param region the region code, such as {@code us-east-1}; empty for global resources (IAM, S3 buckets)
   * @param accountId the 12-digit account id; empty where ARNs have none (S3 buckets); {@code aws} for
   *     AWS-managed IAM policies; {@code ec2} in the EC2 alarm actions of the {@code automate} service
   *     ({@code arn:aws:automate:us-east-1:ec2:stop})
   * @param resource everything after the fifth colon, such as {@code db:orders-db}; never empty, may itself
   *     contain {@code :} and {@code /}, and inner spaces ({@code alarm:High CPU}), but no other whitespace
   */
  public Arn {
    // The length first: no pattern runs on more than MAX_LENGTH characters.
    long length = 5L + lengthOf(partition) + lengthOf(service) + lengthOf(region) + lengthOf(accountId)
        + lengthOf(resource);
    if (length > MAX_LENGTH) {
      throw tooLong(String.join(":", "arn", partition, service, region, accountId, resource));
    }
    Checks.require(partition != null && PARTITIONS.contains(partition), "arn.partition", partition, PARTITION_LIST);
    Checks.require(service != null && isService(service), "arn.service", service,
        "lower-case ASCII letters, digits and hyphens, not starting with a hyphen");
    Checks.require(region != null && isRegion(region), "arn.region", region,
        "empty or a region code such as us-east-1");
    Checks.require(accountId != null
            && (isAccountId(accountId) || ("automate".equals(service) && "ec2".equals(accountId))),
        "arn.accountId", accountId,
        "12 digits, empty, or 'aws' (or 'ec2' in EC2 alarm actions such as arn:aws:automate:us-east-1:ec2:stop)");
    Checks.require(resource != null && !resource.isEmpty() && noBlankOrControl(resource)
            && !resource.startsWith(" ") && !resource.endsWith(" "),
        "arn.resource", resource,
        "1 or more characters, without control characters or whitespace other than inner spaces"
            + " (as in a CloudWatch alarm name)");
  }

  /**
   * Makes an ARN from its parts.
   *
   * @param partition the partition, such as {@code aws}
   * @param service the service namespace, such as {@code rds}
   * @param region the region code, or empty
   * @param accountId the 12-digit account id, empty, or {@code aws}
   * @param resource the resource part, such as {@code db:orders-db}
   * @return the ARN
   * @throws ValidationException naming the part that is wrong
   */
  public static Arn of(String partition, String service, String region, String accountId, String resource) {
    return new Arn(partition, service, region, accountId, resource);
  }

  /**
   * Parses ARN text, such as {@code arn:aws:rds:us-east-1:123456789012:db:orders-db}.
   *
   * @param text the ARN
   * @return the ARN
   * @throws ValidationException when {@code text} is not an ARN; the field names the part that is wrong
   *     ({@code arn.partition}, {@code arn.accountId}, ...), or is {@code arn} for the overall shape
   */
  public static Arn parse(String text) {
    Checks.require(text != null && text.startsWith("arn:"), "arn", text, SHAPE);
    if (text.length() > MAX_LENGTH) {
      throw tooLong(text);
    }
    // The five colons after "arn" delimit the parts; the resource, after the fifth, may hold more.
    int partition = 3;
    int service = text.indexOf(':', partition + 1);
    int region = service < 0 ? -1 : text.indexOf(':', service + 1);
    int account = region < 0 ? -1 : text.indexOf(':', region + 1);
    int resource = account < 0 ? -1 : text.indexOf(':', account + 1);
    Checks.require(resource >= 0, "arn", text, SHAPE);
    return new Arn(text.substring(partition + 1, service), text.substring(service + 1, region),
        text.substring(region + 1, account), text.substring(account + 1, resource), text.substring(resource + 1));
  }

  /**
   * Tells whether {@code text} is a valid ARN.
   *
   * @param text the text to check; may be null
   * @return true when {@link #parse(String)} would accept it
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  /**
   * The resource type: the part of {@link #resource()} before its first {@code /} or {@code :}, such as
   * {@code db} in {@code db:orders-db} or {@code table} in {@code table/Orders}.
   *
   * @return the resource type, or empty when the resource has neither separator (an S3 bucket name)
   */
  public Optional<String> resourceType() {
    int separator = separatorIndex();
    return separator < 0 ? Optional.empty() : Optional.of(resource.substring(0, separator));
  }

  /**
   * The resource id: the part of {@link #resource()} after its first {@code /} or {@code :}, or the whole
   * resource when it has neither.
   *
   * @return the resource id, such as {@code orders-db} in {@code db:orders-db}
   */
  public String resourceId() {
    return resource.substring(separatorIndex() + 1);
  }

  /** Returns the ARN text, {@code arn:partition:service:region:account-id:resource}. */
  @Override
  public String toString() {
    return String.join(":", "arn", partition, service, region, accountId, resource);
  }

  private int separatorIndex() {
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '/' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  private static int lengthOf(@Nullable String part) {
    return part == null ? 0 : part.length();
  }

  private static ValidationException tooLong(String text) {
    return ValidationException.of("arn", text, SHAPE + ", at most " + MAX_LENGTH + " characters");
  }

  /**
   * A region code, {@code [a-z]{2,4}(-[a-z]+)+-[0-9]+} (such as {@code us-east-1} or
   * {@code us-gov-west-1}), or empty; checked by hand, as a regular expression with a repeated group
   * recurses once per repetition.
   */
  private static boolean isRegion(String region) {
    if (region.isEmpty()) {
      return true;
    }
    // Loops over the characters rather than split and streams: every ARN read passes here.
    int first = region.indexOf('-');
    int last = region.lastIndexOf('-');
    // At least three parts: letters, letters..., digits.
    if (first < 0 || first == last || !isLetters(region, 0, first, 2, 4) || !isDigits(region, last + 1)) {
      return false;
    }
    for (int start = first + 1; start <= last; ) {
      int end = region.indexOf('-', start);
      if (!isLetters(region, start, end, 1, Integer.MAX_VALUE)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  private static boolean isLetters(String text, int from, int to, int min, int max) {
    if (to - from < min || to - from > max) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text, int from) {
    if (from >= text.length()) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z0-9][a-z0-9-]*}. */
  private static boolean isService(String text) {
    if (text.isEmpty() || text.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Empty, 12 digits, or {@code aws}. */
  private static boolean isAccountId(String text) {
    return text.isEmpty() || "aws".equals(text) || (text.length() == 12 && isDigits(text, 0));
  }

  private static boolean noBlankOrControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isBlankOrControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whitespace and control characters, except the plain space that alarm names (and so their ARNs) may hold. */
  private static boolean isBlankOrControl(int c) {
    return c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
  }
}
