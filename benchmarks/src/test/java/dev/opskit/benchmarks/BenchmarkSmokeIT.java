package dev.opskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The smoke pass inside {@code mvn verify}: every benchmark of the table runs, in seconds, so that none can rot.
 * Timings are not judged here (no timed assertions; the full run judges them): what is judged is what a smoke
 * pass can tell exactly, the call counts, the listings under {@code -Xmx64m}, the fault rules and the jar sizes.
 */
class BenchmarkSmokeIT {
  @Test
  void everyBenchmarkRunsAndTheExactRowsHold() {
    List<Row> rows = BenchmarkTable.rows(Run.SMOKE, List.of());
    String table = BenchmarkTable.table(rows, Run.SMOKE);
    System.out.println(table);

    assertThat(rows).extracting(Row::number).as(table).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    // Row 6 compares with the AWS CLI: a machine without one reports the row as not measured (and failed).
    boolean cli = GuideRow.cliPath().isPresent();
    assertThat(rows).filteredOn(row -> cli || row.number() != 6).as(table)
        .allSatisfy(row -> assertThat(row.measured()).doesNotStartWith("not measured"));
    assertThat(rows).filteredOn(row -> List.of(4, 5, 7, 8).contains(row.number())).as(table).allMatch(Row::pass);
    assertThat(rows).filteredOn(row -> row.number() == 8).singleElement()
        .satisfies(row -> assertThat(row.measured()).contains("ops-backup", "ops-monitoring", "no netty"));
  }
}
