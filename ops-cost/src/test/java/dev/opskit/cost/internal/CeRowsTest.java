package dev.opskit.cost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ServiceException;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AWS's strings become exact amounts and instants; what no AWS API sends is a ServiceException, never a crash. */
class CeRowsTest {

  @Test
  void amountsAreExactAndBoundariesAreDaysOrInstants() {
    assertThat(CeRows.amount("0.0101516483", "USD")).isEqualTo(Amount.usd(new BigDecimal("0.0101516483")));
    assertThat(CeRows.instant("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(CeRows.instant("2026-11-01T13:00:00Z")).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
  }

  @Test
  void malformedAnswersAreServiceExceptions() {
    assertThatThrownBy(() -> CeRows.amount("1e999999999", "USD"))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("Cost Explorer answered the amount '1e999999999' USD, which is not what its API defines");
    assertThatThrownBy(() -> CeRows.amount("twelve", "USD")).isInstanceOf(ServiceException.class);
    assertThatThrownBy(() -> CeRows.amount(null, "USD")).isInstanceOf(ServiceException.class);
    assertThatThrownBy(() -> CeRows.instant("yesterday")).isInstanceOf(ServiceException.class);
  }
}
