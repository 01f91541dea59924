package dev.opskit.security.guardduty;

import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Checks;
import dev.opskit.security.internal.JsonFields;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guide's {@code create-threat-intel-set} as a desired-state value: name, format, S3 location and
 * whether GuardDuty uses it. Its JSON form is {@code CreateThreatIntelSet}'s members ({@code Name}, {@code
 * Format}, {@code Location}, {@code Activate}).
 *
 * <pre>{@code
 * ThreatIntelSetDefinition custom = ThreatIntelSetDefinition.of("custom-threat-intel", ThreatIntelFormat.TXT,
 *     "s3://threat-intel-bucket/indicators.txt", true);
 * }</pre>
 *
 * @param name the set's name, 1 to 300 characters
 * @param format the format of the file
 * @param location the file: {@code s3://bucket/key} or an HTTPS S3 URL
 * @param activate whether GuardDuty uses it
 */
public record ThreatIntelSetDefinition(String name, ThreatIntelFormat format, String location, boolean activate) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Set<String> FIELDS = Set.of("Name", "Format", "Location", "Activate");

  /**
   * Validates.
   *
   * @param name the set's name, 1 to 300 characters
   * @param format the format of the file
   * @param location the file: {@code s3://bucket/key} or an HTTPS S3 URL
   * @param activate whether GuardDuty uses it
   */
  public ThreatIntelSetDefinition {
    Checks.length("name", name, 1, 300);
    Checks.matches(NAME, "name", name, "1 to 300 letters, digits, '.', '_' or '-'");
    Checks.present("format", format, "TXT, STIX, OTX_CSV, ALIEN_VAULT, PROOF_POINT or FIRE_EYE");
    S3Location.check("location", location);
  }

  /**
   * A definition.
   *
   * @param name the name
   * @param format the format
   * @param location the S3 location
   * @param activate whether GuardDuty uses it
   * @return the definition
   */
  public static ThreatIntelSetDefinition of(String name, ThreatIntelFormat format, String location, boolean activate) {
    return new ThreatIntelSetDefinition(name, format, location, activate);
  }

  /** {@return the guide's set: {@code custom-threat-intel}, TXT, {@code s3://threat-intel-bucket/indicators.txt}, active} */
  public static ThreatIntelSetDefinition guideExample() {
    return of("custom-threat-intel", ThreatIntelFormat.TXT, "s3://threat-intel-bucket/indicators.txt", true);
  }

  /**
   * Reads the JSON form: {@code Name}, {@code Format}, {@code Location} and {@code Activate}, all required
   * (AWS requires {@code Activate} too), no other member.
   *
   * @param json the JSON text
   * @return the definition
   * @throws dev.opskit.core.ValidationException when it is not such an object
   */
  public static ThreatIntelSetDefinition fromJson(String json) {
    JsonFields f = JsonFields.parse(json, "threatIntelSet");
    f.onlyKnown(FIELDS);
    if (!f.has("Activate")) {
      throw dev.opskit.core.ValidationException.of("threatIntelSet.Activate", null, "true or false (required)");
    }
    return new ThreatIntelSetDefinition(f.requiredText("Name"),
        ThreatIntelFormat.parse("threatIntelSet.Format", f.requiredText("Format")), f.requiredText("Location"),
        f.bool("Activate", false));
  }

  /** {@return the JSON form, as {@link #fromJson} reads it} */
  public String toJson() {
    ObjectNode n = Json.object();
    n.put("Name", name);
    n.put("Format", format.name());
    n.put("Location", location);
    n.put("Activate", activate);
    return Json.writePretty(n);
  }
}
