package dev.opskit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.security.config.Compliance;
import dev.opskit.security.ecr.ImageRef;
import dev.opskit.security.ecr.RepositoryName;
import dev.opskit.security.guardduty.DetectorId;
import dev.opskit.security.guardduty.FindingCriteria;
import dev.opskit.security.guardduty.ThreatIntelFormat;
import dev.opskit.security.guardduty.ThreatIntelSetDefinition;
import dev.opskit.security.patch.PatchRules;
import dev.opskit.security.patch.PatchTargets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile input at every parser and value of part B: random Unicode, mutations of valid JSON, huge strings.
 * Only {@link ValidationException} may come out, and what is accepted round-trips.
 */
class SecurityFuzzTest {
  private static final String RULES = """
      {"PatchRules": [{"PatchFilterGroup": {"PatchFilters": [{"Key": "CLASSIFICATION", "Values": ["Security"]}]},
        "ComplianceLevel": "CRITICAL", "ApproveAfterDays": 7, "EnableNonSecurity": false}]}""";
  private static final String SET = ThreatIntelSetDefinition.guideExample().toJson();

  private static Gen<String> hostile() {
    Gen<String> unicode = strings().allPossible().ofLengthBetween(0, 200);
    Gen<Integer> pick = integers().between(0, 5);
    Gen<Integer> position = integers().between(0, 10_000);
    Gen<Integer> repeat = integers().between(1, 5_000);
    return in -> switch (pick.generate(in)) {
      case 0 -> unicode.generate(in);
      case 1 -> mutate(RULES, position.generate(in), unicode.generate(in));
      case 2 -> mutate(SET, position.generate(in), unicode.generate(in));
      case 3 -> "[".repeat(repeat.generate(in)) + "]".repeat(repeat.generate(in));
      case 4 -> "s3://" + "a".repeat(repeat.generate(in)) + "/k";
      default -> RULES.replace("7", Integer.toString(position.generate(in) - 5_000));
    };
  }

  private static String mutate(String text, int at, String insert) {
    int i = at % (text.length() + 1);
    return text.substring(0, i) + insert + text.substring(Math.min(text.length(), i + insert.length() % 7));
  }

  private static void onlyValidation(String input, Consumer<String> call) {
    try {
      call.accept(input);
    } catch (ValidationException expected) {
      assertThat(expected.getMessage()).startsWith("Invalid ");
    }
  }

  @Test
  void parsersThrowOnlyValidationExceptionsAndWhatTheyAcceptRoundTrips() {
    qt().withExamples(400).forAll(hostile()).checkAssert(input -> {
      onlyValidation(input, s -> {
        PatchRules rules = PatchRules.fromJson(s);
        assertThat(PatchRules.fromJson(rules.toJson())).isEqualTo(rules);
      });
      onlyValidation(input, s -> {
        ThreatIntelSetDefinition set = ThreatIntelSetDefinition.fromJson(s);
        assertThat(ThreatIntelSetDefinition.fromJson(set.toJson())).isEqualTo(set);
      });
    });
  }

  @Test
  void valuesThrowOnlyValidationExceptions() {
    try (dev.opskit.core.OpsContext ctx = dev.opskit.core.OpsContext.builder()
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build()) {
      values(Compliance.using(ctx));
    }
  }

  private static void values(Compliance compliance) {
    qt().withExamples(300).forAll(hostile()).checkAssert(input -> {
      onlyValidation(input, RepositoryName::of);
      onlyValidation(input, ImageRef::tag);
      onlyValidation(input, ImageRef::digest);
      onlyValidation(input, DetectorId::of);
      onlyValidation(input, s -> FindingCriteria.builder().types(s).resourceTypes(s).instanceIds(s));
      onlyValidation(input, s -> PatchTargets.tag(s, s));
      onlyValidation(input, s -> PatchTargets.instances(s));
      onlyValidation(input, s -> ThreatIntelSetDefinition.of("set", ThreatIntelFormat.TXT, s, true));
      onlyValidation(input, s -> ThreatIntelSetDefinition.of(s, ThreatIntelFormat.TXT, "s3://bucket/key", true));
      onlyValidation(input, s -> compliance.byRule(List.of(s), Set.of()));
    });
  }
}
