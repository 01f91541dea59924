package dev.opskit.security.patch;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Checks;
import dev.opskit.security.internal.JsonFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.PatchRuleGroup;

/**
 * A patch baseline's approval rules, reading and writing the guide's {@code patch-rules.json} shape ({@code
 * --approval-rules file://patch-rules.json}, SSM's {@code PatchRuleGroup}):
 *
 * <pre>{@code
 * {"PatchRules": [{"PatchFilterGroup": {"PatchFilters": [{"Key": "CLASSIFICATION", "Values": ["Security"]}]},
 *                  "ComplianceLevel": "CRITICAL", "ApproveAfterDays": 7, "EnableNonSecurity": false}]}
 * }</pre>
 *
 * @param rules 0 to 10 rules
 */
public record PatchRules(List<PatchRule> rules) {
  private static final Set<String> ROOT = Set.of("PatchRules");
  private static final Set<String> RULE =
      Set.of("PatchFilterGroup", "ComplianceLevel", "ApproveAfterDays", "ApproveUntilDate", "EnableNonSecurity");
  private static final Set<String> GROUP = Set.of("PatchFilters");
  private static final Set<String> FILTER = Set.of("Key", "Values");

  /**
   * Validates and copies.
   *
   * @param rules 0 to 10 rules
   */
  public PatchRules {
    rules = Checks.list("PatchRules", rules, "0 to 10 approval rules");
    Checks.range("PatchRules", rules.size(), 0, 10, "0 to 10 approval rules");
  }

  /**
   * Rules.
   *
   * @param rules the rules
   * @return the rules
   */
  public static PatchRules of(PatchRule... rules) {
    return new PatchRules(Checks.elements("PatchRules", "approval rules", rules));
  }

  /**
   * Reads the {@code patch-rules.json} shape, strictly: unknown members, wrong types and values SSM would
   * refuse are each a {@link ValidationException} naming the member's path.
   *
   * @param json the JSON text
   * @return the rules
   * @throws ValidationException when it is not such a document
   */
  public static PatchRules fromJson(String json) {
    JsonFields root = JsonFields.parse(json, "approvalRules");
    root.onlyKnown(ROOT);
    List<PatchRule> rules = new ArrayList<>();
    for (JsonFields r : root.objects("PatchRules")) {
      r.onlyKnown(RULE);
      List<PatchFilter> filters = new ArrayList<>();
      if (r.has("PatchFilterGroup")) {
        JsonFields group = r.object("PatchFilterGroup");
        group.onlyKnown(GROUP);
        for (JsonFields f : group.objects("PatchFilters")) {
          f.onlyKnown(FILTER);
          filters.add(new PatchFilter(f.requiredText("Key"), f.texts("Values")));
        }
      }
      String level = r.text("ComplianceLevel");
      String until = r.text("ApproveUntilDate");
      rules.add(new PatchRule(filters, level == null ? "UNSPECIFIED" : level, r.integer("ApproveAfterDays", 0, 360),
          until == null ? null : date(until), r.bool("EnableNonSecurity", false)));
    }
    return new PatchRules(rules);
  }

  private static LocalDate date(String text) {
    Checks.length("ApproveUntilDate", text, 1, 30);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ValidationException.of("ApproveUntilDate", text, "a date as YYYY-MM-DD");
    }
  }

  /** {@return the {@code patch-rules.json} form, as {@link #fromJson} reads it} */
  public String toJson() {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("PatchRules");
    for (PatchRule rule : rules) {
      ObjectNode r = list.addObject();
      ArrayNode filters = r.putObject("PatchFilterGroup").putArray("PatchFilters");
      for (PatchFilter f : rule.filters()) {
        ObjectNode fn = filters.addObject();
        fn.put("Key", f.key());
        ArrayNode values = fn.putArray("Values");
        f.values().forEach(values::add);
      }
      r.put("ComplianceLevel", rule.complianceLevel());
      if (rule.approveAfterDays() != null) {
        r.put("ApproveAfterDays", rule.approveAfterDays());
      }
      if (rule.approveUntilDate() != null) {
        r.put("ApproveUntilDate", String.valueOf(rule.approveUntilDate()));
      }
      r.put("EnableNonSecurity", rule.enableNonSecurity());
    }
    return Json.writePretty(root);
  }

  PatchRuleGroup sdk() {
    return PatchRuleGroup.builder().patchRules(rules.stream().map(rule -> software.amazon.awssdk.services.ssm.model.PatchRule
        .builder()
        .patchFilterGroup(g -> g.patchFilters(rule.filters().stream().map(f -> software.amazon.awssdk.services.ssm.model
            .PatchFilter.builder().key(f.key()).values(f.values()).build()).toList()))
        .complianceLevel(rule.complianceLevel())
        .approveAfterDays(rule.approveAfterDays())
        .approveUntilDate(rule.approveUntilDate() == null ? null : String.valueOf(rule.approveUntilDate()))
        .enableNonSecurity(rule.enableNonSecurity())
        .build()).toList()).build();
  }

  /**
   * The rules AWS answered.
   *
   * @param group AWS's rule group, or null
   * @return the rules
   * @throws ValidationException when AWS answers a rule OpsKit cannot represent (a filter key newer than the SDK)
   */
  static PatchRules fromSdk(@org.jspecify.annotations.Nullable PatchRuleGroup group) {
    if (group == null) {
      return new PatchRules(List.of());
    }
    List<PatchRule> rules = new ArrayList<>();
    for (var r : group.patchRules()) {
      List<PatchFilter> filters = r.patchFilterGroup() == null ? List.of() : r.patchFilterGroup().patchFilters().stream()
          .map(f -> new PatchFilter(f.keyAsString(), f.values())).toList();
      LocalDate until = null;
      if (r.approveUntilDate() != null) {
        try {
          until = LocalDate.parse(r.approveUntilDate());
        } catch (DateTimeParseException e) {
          until = null;
        }
      }
      rules.add(new PatchRule(filters, r.complianceLevelAsString() == null ? "UNSPECIFIED" : r.complianceLevelAsString(),
          until == null ? r.approveAfterDays() : null, until, Boolean.TRUE.equals(r.enableNonSecurity())));
    }
    return new PatchRules(rules);
  }
}
