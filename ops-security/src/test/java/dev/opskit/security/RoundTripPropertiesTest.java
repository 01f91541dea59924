package dev.opskit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.security.guardduty.ThreatIntelFormat;
import dev.opskit.security.guardduty.ThreatIntelSetDefinition;
import dev.opskit.security.patch.PatchFilter;
import dev.opskit.security.patch.PatchRule;
import dev.opskit.security.patch.PatchRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Acceptance 6: patch rules and threat intel set definitions round-trip through their JSON forms. */
class RoundTripPropertiesTest {
  private static final List<String> KEYS = List.copyOf(PatchFilter.KEYS);
  private static final List<String> LEVELS = PatchRule.LEVELS.stream().sorted().toList();
  private static final List<String> LOCATIONS = List.of("s3://%s/%s", "https://s3.amazonaws.com/%s/%s",
      "https://s3.eu-west-1.amazonaws.com/%s/%s", "https://%s.s3.amazonaws.com/%s",
      "https://%s.s3.us-east-2.amazonaws.com/%s");

  static <T> Gen<T> oneOf(List<T> values) {
    return integers().between(0, values.size() - 1).map(values::get);
  }

  static Gen<PatchFilter> filters() {
    Gen<String> value = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 40);
    Gen<Integer> count = integers().between(1, 20);
    Gen<String> key = oneOf(KEYS);
    return in -> {
      List<String> values = new ArrayList<>();
      int n = count.generate(in);
      for (int i = 0; i < n; i++) {
        values.add(value.generate(in));
      }
      return new PatchFilter(key.generate(in), values);
    };
  }

  static Gen<PatchRule> rules() {
    Gen<PatchFilter> filter = filters();
    Gen<Integer> filterCount = integers().between(0, 4);
    Gen<String> level = oneOf(LEVELS);
    Gen<Boolean> coin = booleans().all();
    Gen<Integer> days = integers().between(0, 360);
    Gen<Integer> epochDay = integers().between(0, (int) LocalDate.of(9999, 12, 31).toEpochDay());
    return in -> {
      List<PatchFilter> filters = new ArrayList<>();
      int n = filterCount.generate(in);
      for (int i = 0; i < n; i++) {
        filters.add(filter.generate(in));
      }
      int approval = integers().between(0, 2).generate(in);   // after days, until a date, or neither (Ubuntu)
      return new PatchRule(filters, level.generate(in), approval == 0 ? days.generate(in) : null,
          approval == 1 ? LocalDate.ofEpochDay(epochDay.generate(in)) : null, coin.generate(in));
    };
  }

  static Gen<PatchRules> ruleGroups() {
    Gen<PatchRule> rule = rules();
    Gen<Integer> count = integers().between(0, 10);
    return in -> {
      List<PatchRule> rules = new ArrayList<>();
      int n = count.generate(in);
      for (int i = 0; i < n; i++) {
        rules.add(rule.generate(in));
      }
      return new PatchRules(rules);
    };
  }

  static Gen<ThreatIntelSetDefinition> threatIntelSets() {
    Gen<String> name = strings().betweenCodePoints('-', 'z').ofLengthBetween(1, 300)
        .map(s -> s.replaceAll("[^A-Za-z0-9_.-]", "_"));
    Gen<String> bucket = strings().betweenCodePoints('a', 'z').ofLengthBetween(3, 40);
    Gen<String> key = strings().betweenCodePoints('!', '~').ofLengthBetween(1, 60);
    Gen<String> location = oneOf(LOCATIONS);
    Gen<ThreatIntelFormat> format = oneOf(List.of(ThreatIntelFormat.values()));
    Gen<Boolean> coin = booleans().all();
    return in -> new ThreatIntelSetDefinition(name.generate(in), format.generate(in),
        location.generate(in).formatted(bucket.generate(in), key.generate(in)), coin.generate(in));
  }

  @Test
  void patchRulesRoundTripThroughThePatchRulesJsonShape() {
    qt().withExamples(300).forAll(ruleGroups()).checkAssert(rules -> {
      String json = rules.toJson();
      assertThat(PatchRules.fromJson(json)).isEqualTo(rules);
      assertThat(PatchRules.fromJson(json).toJson()).isEqualTo(json);
    });
  }

  @Test
  void threatIntelSetDefinitionsRoundTripThroughJson() {
    qt().withExamples(300).forAll(threatIntelSets()).checkAssert(definition -> {
      String json = definition.toJson();
      assertThat(ThreatIntelSetDefinition.fromJson(json)).isEqualTo(definition);
    });
  }

  @Test
  void theGuidesPatchRulesFileLoadsAsIs() {
    PatchRules rules = PatchRules.fromJson("""
        {
          "PatchRules": [
            {
              "PatchFilterGroup": {
                "PatchFilters": [
                  {"Key": "CLASSIFICATION", "Values": ["Security", "Bugfix"]},
                  {"Key": "SEVERITY", "Values": ["Critical", "Important"]}
                ]
              },
              "ComplianceLevel": "CRITICAL",
              "ApproveAfterDays": 7,
              "EnableNonSecurity": false
            }
          ]
        }""");

    assertThat(rules).isEqualTo(PatchRules.of(PatchRule.afterDays("CRITICAL", 7,
        PatchFilter.of("CLASSIFICATION", "Security", "Bugfix"), PatchFilter.of("SEVERITY", "Critical", "Important"))));
  }

  @Test
  void malformedDocumentsAreValidationErrorsNamingTheMember() {
    assertThatThrownBy(() -> PatchRules.fromJson("{\"PatchRules\": [{\"ApproveAfterDays\": 400}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid approvalRules.PatchRules[0].ApproveAfterDays: '400'. Allowed: a whole number from 0 to 360");
    assertThatThrownBy(() -> PatchRules.fromJson("{\"PatchRules\": [{\"ApproveAfterDays\": 1, \"Colour\": 1}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid approvalRules.PatchRules[0].Colour: 'unknown field'");
    assertThatThrownBy(() -> PatchRules.fromJson("{\"PatchRules\": [{\"ApproveAfterDays\": 1, \"PatchFilterGroup\": "
        + "{\"PatchFilters\": [{\"Key\": \"COLOUR\", \"Values\": [\"red\"]}]}}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid PatchFilter.Key: 'COLOUR'. Allowed: one of [");
    assertThatThrownBy(() -> PatchRules.fromJson(
        "{\"PatchRules\": [{\"ApproveAfterDays\": 7, \"ApproveUntilDate\": \"2026-12-01\"}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ApproveAfterDays: '7'. Allowed: at most one of ApproveAfterDays (0 to 360) and "
            + "ApproveUntilDate (YYYY-MM-DD), not both");
    assertThatThrownBy(() -> PatchRules.fromJson("{\"PatchRules\": [{\"ApproveUntilDate\": \"01/12/2026\"}]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ApproveUntilDate: '01/12/2026'. Allowed: a date as YYYY-MM-DD");
    assertThatThrownBy(() -> ThreatIntelSetDefinition.fromJson(
        "{\"Name\": \"x\", \"Format\": \"TXT\", \"Location\": \"ftp://bucket/key\", \"Activate\": true}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid location: 'ftp://bucket/key'. Allowed: an S3 object URL");
    assertThatThrownBy(() -> ThreatIntelSetDefinition.fromJson(
        "{\"Name\": \"x\", \"Format\": \"CSV\", \"Location\": \"s3://bucket/key\", \"Activate\": true}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid threatIntelSet.Format: 'CSV'. Allowed: TXT, STIX, OTX_CSV, ALIEN_VAULT, PROOF_POINT, FIRE_EYE");
    assertThatThrownBy(() -> ThreatIntelSetDefinition.of("x", ThreatIntelFormat.TXT, "s3://Bad_Bucket/key", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid location: 's3://Bad_Bucket/key'. Allowed: an S3 object URL");
    assertThatThrownBy(() -> ThreatIntelSetDefinition.of("x", ThreatIntelFormat.TXT, "s3://bucket/", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid location: 's3://bucket/'.");
  }
}
