package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.DIGITS;
import static dev.opskit.core.value.ValidationAssertions.LETTERS;
import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.matches;
import static dev.opskit.core.value.ValidationAssertions.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ArnTest {
  private static final String SHAPE = "arn:partition:service:region:account-id:resource";
  private static final String PARTITIONS =
      "aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc";
  private static final String SERVICE = "lower-case ASCII letters, digits and hyphens, not starting with a hyphen";
  private static final String REGION = "empty or a region code such as us-east-1";
  private static final String ACCOUNT =
      "12 digits, empty, or 'aws' (or 'ec2' in EC2 alarm actions such as arn:aws:automate:us-east-1:ec2:stop)";
  private static final String RESOURCE = "1 or more characters, without control characters or whitespace other than"
      + " inner spaces (as in a CloudWatch alarm name)";
  private static final String PREFIX = "arn:aws:ec2:us-east-1:123456789012:";

  private static final String NOT_BLANK = "[^\\p{javaWhitespace}\\p{javaSpaceChar}\\p{javaISOControl}]";

  /** The ARN rules restated as one expression, as an oracle independent of the code (length aside). */
  private static final String VALID = "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)"
      + ":(automate:([a-z]{2,4}(-[a-z]+)+-[0-9]+)?:([0-9]{12}|aws|ec2)?"
      + "|[a-z0-9][a-z0-9-]*:([a-z]{2,4}(-[a-z]+)+-[0-9]+)?:([0-9]{12}|aws)?)"
      + ":" + NOT_BLANK + "(( |" + NOT_BLANK + ")*" + NOT_BLANK + ")?";

  static Gen<Arn> validArns() {
    Gen<String> partition = Generate.pick(
        List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"));
    Gen<String> service = stringsOf("abz09", 1, 1).zip(stringsOf("abz09-", 0, 15), String::concat);
    Gen<String> region = Generate.oneOf(
        Generate.constant(""),
        Generate.pick(List.of("us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-7")),
        stringsOf("abz", 2, 4).zip(stringsOf("abz", 1, 5), stringsOf(DIGITS, 1, 2),
            (area, place, number) -> area + "-" + place + "-" + number));
    Gen<String> account = Generate.oneOf(
        Generate.constant(""), Generate.constant("aws"), stringsOf(DIGITS, 12, 12));
    Gen<String> resource = Generate.oneOf(
        stringsOf(LETTERS + DIGITS + "-_./:*$@=+,", 1, 60),
        strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 60),
        strings().betweenCodePoints(0x4e00, 0x4e50).ofLengthBetween(1, 10));
    return partition.zip(service, region, account, (p, s, r, a) -> p + ":" + s + ":" + r + ":" + a)
        .zip(resource, (head, res) -> Arn.parse("arn:" + head + ":" + res));
  }

  @Nested
  class Parses {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "arn:aws:rds:us-east-1:123456789012:db:orders-db|aws|rds|us-east-1|123456789012|db:orders-db|db|orders-db",
      "arn:aws:s3:::my-bucket|aws|s3|''|''|my-bucket|''|my-bucket",
      "arn:aws:s3:::my-bucket/logs/2024/01.gz|aws|s3|''|''|my-bucket/logs/2024/01.gz|my-bucket|logs/2024/01.gz",
      "arn:aws:iam::aws:policy/AdministratorAccess|aws|iam|''|aws|policy/AdministratorAccess|policy"
          + "|AdministratorAccess",
      "arn:aws:iam::123456789012:role/service-role/backup|aws|iam|''|123456789012|role/service-role/backup|role"
          + "|service-role/backup",
      "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/Orders/stream/2024|aws-cn|dynamodb|cn-north-1"
          + "|123456789012|table/Orders/stream/2024|table|Orders/stream/2024",
      "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/aws/lambda/x:*|aws-us-gov|logs|us-gov-west-1"
          + "|123456789012|log-group:/aws/lambda/x:*|log-group|/aws/lambda/x:*",
      "arn:aws:cloudwatch:us-east-1:123456789012:alarm:High CPU on orders-db|aws|cloudwatch|us-east-1"
          + "|123456789012|alarm:High CPU on orders-db|alarm|High CPU on orders-db",
      "arn:aws:backup:eu-west-1:123456789012:backup-vault:Default|aws|backup|eu-west-1|123456789012"
          + "|backup-vault:Default|backup-vault|Default",
      "arn:aws-eusc:sns:eusc-de-east-1:123456789012:alerts|aws-eusc|sns|eusc-de-east-1|123456789012|alerts|''"
          + "|alerts",
      "arn:aws:automate:us-east-1:ec2:stop|aws|automate|us-east-1|ec2|stop|''|stop",
    })
    void partsOfValidArns(String text, String partition, String service, String region, String accountId,
        String resource, String resourceType, String resourceId) {
      Arn arn = Arn.parse(text);

      assertThat(arn.partition()).isEqualTo(partition);
      assertThat(arn.service()).isEqualTo(service);
      assertThat(arn.region()).isEqualTo(region);
      assertThat(arn.accountId()).isEqualTo(accountId);
      assertThat(arn.resource()).isEqualTo(resource);
      assertThat(arn.resourceType()).isEqualTo(resourceType.isEmpty() ? Optional.empty() : Optional.of(resourceType));
      assertThat(arn.resourceId()).isEqualTo(resourceId);
      assertThat(arn).hasToString(text).isEqualTo(Arn.of(partition, service, region, accountId, resource));
      assertThat(Arn.isValid(text)).isTrue();
    }

    @Test
    void resourceEndingInSeparatorHasEmptyId() {
      Arn arn = Arn.parse("arn:aws:s3:::my-bucket/");

      assertThat(arn.resourceType()).contains("my-bucket");
      assertThat(arn.resourceId()).isEmpty();
    }

    @Test
    void upTo2048Characters() {
      String longest = PREFIX + "x".repeat(Arn.MAX_LENGTH - PREFIX.length());

      assertThat(Arn.parse(longest).toString()).hasSize(2048).isEqualTo(longest);
    }
  }

  @Nested
  class Rejects {
    @ParameterizedTest
    @ValueSource(strings = {"", "arn", "arn:", "ARN:aws:s3:::bucket", "urn:aws:s3:::bucket", "arn:aws:s3::bucket",
        "arn:aws:s3", " arn:aws:s3:::bucket", "my-bucket"})
    void textThatIsNotShapedLikeAnArn(String text) {
      assertInvalid(() -> Arn.parse(text), "arn", text, SHAPE);
      assertThat(Arn.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "arn:aws-xx:s3:::bucket|arn.partition|aws-xx",
      "arn:AWS:s3:::bucket|arn.partition|AWS",
      "arn::s3:::bucket|arn.partition|''",
      "arn:aws:S3:::bucket|arn.service|S3",
      "arn:aws::us-east-1:123456789012:thing|arn.service|''",
      "arn:aws:-s3:::bucket|arn.service|-s3",
      "arn:aws:s_3:::bucket|arn.service|s_3",
      "arn:aws:ec2:useast1:123456789012:instance/i-1|arn.region|useast1",
      "arn:aws:ec2:US-EAST-1:123456789012:instance/i-1|arn.region|US-EAST-1",
      "arn:aws:ec2:us-east:123456789012:instance/i-1|arn.region|us-east",
      "arn:aws:ec2:u-east-1:123456789012:instance/i-1|arn.region|u-east-1",
      "arn:aws:ec2:abcde-east-1:123456789012:instance/i-1|arn.region|abcde-east-1",
      "arn:aws:ec2:us-east-1a:123456789012:instance/i-1|arn.region|us-east-1a",
      "arn:aws:ec2:us-east-1-1:123456789012:instance/i-1|arn.region|us-east-1-1",
      "arn:aws:ec2:us-1:123456789012:instance/i-1|arn.region|us-1",
      "arn:aws:ec2:us-east-1:12345:instance/i-1|arn.accountId|12345",
      "arn:aws:ec2:us-east-1:1234567890123:instance/i-1|arn.accountId|1234567890123",
      "arn:aws:ec2:us-east-1:12345678901a:instance/i-1|arn.accountId|12345678901a",
      "arn:aws:iam::AWS:policy/ReadOnlyAccess|arn.accountId|AWS",
      "arn:aws:ec2:us-east-1:ec2:instance/i-1|arn.accountId|ec2",
      "arn:aws:ec2:us-east-1:123456789012:|arn.resource|''",
      "'arn:aws:cloudwatch:us-east-1:123456789012:alarm:High CPU '|arn.resource|'alarm:High CPU '",
      "'arn:aws:s3::: bucket'|arn.resource|' bucket'",
      "arn:aws:s3:::bucket/with\u00a0nbsp|arn.resource|bucket/with\u00a0nbsp",
    })
    void namingThePartThatIsWrong(String text, String field, String value) {
      String allowed = switch (field) {
        case "arn.partition" -> PARTITIONS;
        case "arn.service" -> SERVICE;
        case "arn.region" -> REGION;
        case "arn.accountId" -> ACCOUNT;
        default -> RESOURCE;
      };
      assertInvalid(() -> Arn.parse(text), field, value, allowed);
      assertThat(Arn.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "line\nbreak", "nul\u0000", "del\u007f", "c1\u0085"})
    void whitespaceAndControlCharactersInTheResource(String resource) {
      assertInvalid(() -> Arn.parse(PREFIX + resource), "arn.resource", resource, RESOURCE);
    }

    @Test
    void longerThan2048Characters() {
      String tooLong = PREFIX + "x".repeat(Arn.MAX_LENGTH + 1 - PREFIX.length());

      assertInvalid(() -> Arn.parse(tooLong), "arn", tooLong, SHAPE + ", at most 2048 characters");
    }

    @Test
    void aRegionOfThousandsOfPartsIsRejectedForItsLengthWithoutOverflowingTheStack() {
      String region = "aa" + "-a".repeat(2000) + "-1";
      String text = "arn:aws:s3:" + region + ":123456789012:x";
      String huge = "arn:aws:s3:aa" + "-a".repeat(500_000) + "-1:123456789012:x";

      // In a thread with a 256 KiB stack, as worker threads of small containers have: a pattern that
      // recursed once per part overflowed it long before the 2,000 parts of this 4 KB ARN.
      assertInvalid(() -> inSmallStack(() -> Arn.parse(text)), "arn", text, SHAPE + ", at most 2048 characters");
      assertInvalid(() -> inSmallStack(() -> Arn.of("aws", "s3", region, "123456789012", "x")), "arn", text,
          SHAPE + ", at most 2048 characters");
      assertInvalid(() -> Arn.parse(huge), "arn", huge, SHAPE + ", at most 2048 characters");
      assertThat(Arn.isValid(text)).isFalse();
    }

    @Test
    void aRegionOfManyPartsWithinTheLengthIsCheckedPartByPart() {
      String region = "aa" + "-a".repeat(1000) + "-1";
      String text = "arn:aws:s3:" + region + ":123456789012:x";

      assertThat(inSmallStack(() -> Arn.parse(text)).region()).isEqualTo(region);
      assertInvalid(() -> Arn.parse(text.replace("-a-a-1", "-a-A-1")), "arn.region", region.replace("-a-a-1", "-a-A-1"),
          REGION);
      assertInvalid(() -> Arn.parse(text.replace("-a-a-1", "-a--1")), "arn.region", region.replace("-a-a-1", "-a--1"),
          REGION);
    }

    @Test
    void nullTextOrParts() {
      assertInvalid(() -> Arn.parse(null), "arn", null, SHAPE);
      assertThat(Arn.isValid(null)).isFalse();
      assertInvalid(() -> Arn.of(null, "s3", "", "", "b"), "arn.partition", null, PARTITIONS);
      assertInvalid(() -> Arn.of("aws", null, "", "", "b"), "arn.service", null, SERVICE);
      assertInvalid(() -> Arn.of("aws", "s3", null, "", "b"), "arn.region", null, REGION);
      assertInvalid(() -> Arn.of("aws", "s3", "", null, "b"), "arn.accountId", null, ACCOUNT);
      assertInvalid(() -> Arn.of("aws", "s3", "", "", null), "arn.resource", null, RESOURCE);
    }

    @Test
    void ofValidatesLikeParse() {
      assertInvalid(() -> Arn.of("aws", "rds", "us-east-1", "12345", "db:orders"), "arn.accountId", "12345", ACCOUNT);
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedValidArnsRoundTrip() {
      qt().forAll(validArns()).checkAssert(arn -> {
        assertThat(Arn.parse(arn.toString())).isEqualTo(arn);
        assertThat(Arn.of(arn.partition(), arn.service(), arn.region(), arn.accountId(), arn.resource()))
            .isEqualTo(arn);
        assertThat(arn.resourceType().map(type -> type + arn.resource().charAt(type.length())).orElse("")
            + arn.resourceId()).isEqualTo(arn.resource());
      });
    }

    @Test
    void arbitraryTextParsesAndRoundTripsExactlyWhenValidOrThrowsOnlyValidationException() {
      Gen<String> mutated = validArns().map(Arn::toString)
          .zip(integers().between(0, 100), stringsOf(":/ aA1-_\u0000\n\u00e9.", 0, 2),
              (text, at, insert) -> {
                int cut = Math.min(at, text.length());
                return text.substring(0, cut) + insert + text.substring(Math.min(cut + 1, text.length()));
              });
      Gen<String> arbitrary = Generate.oneOf(
          mutated, strings().allPossible().ofLengthBetween(0, 40), stringsOf("arn:aws-s3 1/x", 0, 40),
          stringsOf("arn:aws-automatec2:us-east-1/", 0, 40));
      qt().forAll(arbitrary).checkAssert(text -> {
        Throwable thrown = catchThrowable(() -> assertThat(Arn.parse(text).toString()).isEqualTo(text));
        if (text.length() <= Arn.MAX_LENGTH && matches(VALID, text)) {
          assertThat(thrown).as(text).isNull();
          assertThat(Arn.isValid(text)).isTrue();
        } else {
          assertThat(thrown).as(text).isExactlyInstanceOf(ValidationException.class);
          assertThat(Arn.isValid(text)).isFalse();
        }
      });
    }
  }

  /** Runs {@code call} in a thread with a 256 KiB stack and returns its result or rethrows what it threw. */
  static <T> T inSmallStack(java.util.function.Supplier<T> call) {
    Object[] result = new Object[1];
    Throwable[] thrown = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        result[0] = call.get();
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "small-stack", 256 * 1024);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (thrown[0] instanceof RuntimeException e) {
      throw e;
    }
    if (thrown[0] != null) {
      throw new AssertionError("the call threw " + thrown[0], thrown[0]);
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  @Test
  void regionsAreCheckedAsTheSplitRuleDid() {
    // The rule as it was written before the character loops, kept as the oracle.
    java.util.function.Predicate<String> split = r -> {
      if (r.isEmpty()) {
        return true;
      }
      String[] parts = r.split("-", -1);
      java.util.function.BiPredicate<String, Integer> letters = (t, max) -> !t.isEmpty() && t.length() <= max
          && t.chars().allMatch(c -> c >= 'a' && c <= 'z');
      if (parts.length < 3 || parts[0].length() < 2 || !letters.test(parts[0], 4)
          || parts[parts.length - 1].isEmpty() || !parts[parts.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      for (int i = 1; i < parts.length - 1; i++) {
        if (!letters.test(parts[i], Integer.MAX_VALUE)) {
          return false;
        }
      }
      return true;
    };
    qt().withExamples(5000).forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 14)
        .map(t -> t.replaceAll("[^a-z0-9-]", "-"))).checkAssert(r ->
        assertThat(Arn.isValid("arn:aws:sns:" + r + ":123456789012:topic")).as(r).isEqualTo(split.test(r)));
  }

  @Test
  void servicesAndAccountsAreCheckedAsTheRegularExpressionsDid() {
    // The rules as they were written before the character loops, kept as the oracles.
    java.util.regex.Pattern service = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*+");
    java.util.regex.Pattern account = java.util.regex.Pattern.compile("|[0-9]{12}|aws");
    Gen<String> texts = Generate.oneOf(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 14),
        strings().betweenCodePoints('0', '9').ofLengthBetween(10, 13), Generate.pick(List.of("aws", "ec2", "")));
    qt().withExamples(5000).forAll(texts.map(t -> t.replace(':', '_'))).checkAssert(t -> {
      assertThat(Arn.isValid("arn:aws:" + t + ":us-east-1:123456789012:x")).as(t).isEqualTo(service.matcher(t).matches());
      assertThat(Arn.isValid("arn:aws:sns:us-east-1:" + t + ":x")).as(t).isEqualTo(account.matcher(t).matches());
    });
  }

  @Test
  void partsAreCutAtTheFirstFiveColonsAsTheSplitDid() {
    // The cut as it was written before the index loop, kept as the oracle.
    Gen<String> texts = strings().betweenCodePoints(':', ':' + 3).ofLengthBetween(0, 12)
        .map(t -> "arn" + t.replace(';', 'a').replace('<', '1').replace('=', '-'));
    qt().withExamples(5000).forAll(texts).checkAssert(text -> {
      String[] parts = text.split(":", 6);
      Object expected;
      try {
        expected = parts.length == 6 ? Arn.of(parts[1], parts[2], parts[3], parts[4], parts[5]) : "rejected";
      } catch (ValidationException e) {
        expected = "rejected";
      }
      Object actual;
      try {
        actual = Arn.parse(text);
      } catch (ValidationException e) {
        actual = "rejected";
      }
      assertThat(actual).as(text).isEqualTo(expected);
    });
    assertThat(Arn.parse("arn:aws:sns:us-east-1:123456789012:a:b:c").resource()).isEqualTo("a:b:c");
    assertThat(Arn.isValid("arn:aws:sns:us-east-1:123456789012")).isFalse();
  }
}
