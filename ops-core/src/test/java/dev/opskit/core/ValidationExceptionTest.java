package dev.opskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void namesTheFieldTheValueAndWhatIsAllowed() {
    ValidationException e = ValidationException.of("retentionDays", 40, "0 to 35 days");

    assertThat(e).hasMessage("Invalid retentionDays: '40'. Allowed: 0 to 35 days");
    assertThat(e.field()).isEqualTo("retentionDays");
    assertThat(e.value()).isEqualTo("40");
    assertThat(e.allowed()).isEqualTo("0 to 35 days");
    assertThat(e.operation()).isNull();
    assertThat(e.getCause()).isNull();
  }

  @Test
  void anAbsentValueIsShownAsNull() {
    assertThat(ValidationException.of("region", null, "a region")).hasMessage("Invalid region: null. Allowed: a region")
        .extracting(ValidationException::value).isNull();
  }

  @Test
  void aSecretValueIsNeverHeldNorShown() {
    ValidationException e = ValidationException.ofSecret("masterUserPassword", "8 to 128 printable ASCII characters");

    assertThat(e).hasMessage("Invalid masterUserPassword: (redacted). Allowed: 8 to 128 printable ASCII characters");
    assertThat(e.value()).isNull();
    assertThat(e.field()).isEqualTo("masterUserPassword");
  }
}
