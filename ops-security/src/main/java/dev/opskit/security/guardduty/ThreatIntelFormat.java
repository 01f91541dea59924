package dev.opskit.security.guardduty;

import dev.opskit.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The formats GuardDuty reads a threat intel set in ({@code CreateThreatIntelSet}'s {@code Format}). */
public enum ThreatIntelFormat {
  /** Plain text, one IP address or CIDR range per line. */
  TXT,
  /** Structured Threat Information Expression. */
  STIX,
  /** Open Threat Exchange CSV. */
  OTX_CSV,
  /** AlienVault reputation feed. */
  ALIEN_VAULT,
  /** Proofpoint ET Intelligence feed. */
  PROOF_POINT,
  /** FireEye iSIGHT Threat Intelligence feed. */
  FIRE_EYE;

  /**
   * Parses AWS's name of a format.
   *
   * @param field the field, for the message
   * @param value the name, such as {@code TXT}
   * @return the format
   * @throws ValidationException when it is not one
   */
  public static ThreatIntelFormat parse(String field, @Nullable String value) {
    if (value != null) {
      for (ThreatIntelFormat f : values()) {
        if (f.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
          return f;
        }
      }
    }
    throw ValidationException.of(field, value, String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
  }
}
