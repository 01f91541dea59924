package dev.opskit.benchmarks;

import dev.opskit.backup.Backups;
import dev.opskit.backup.RdsBackups;
import dev.opskit.core.OpsContext;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;

/**
 * Target 4: the RDS calls one {@code snapshot()} makes (the guide's name of the day), counted by a proxy in front
 * of moto, for the 1st and the 50th snapshot of the day.
 */
final class SnapshotCallsRow {
  static final String TARGET = "Constant calls: snapshot() ≤ 4 RDS calls, the 1st and the 50th of the day";
  private static final int MAX_CALLS = 4;

  private SnapshotCallsRow() {}

  static Row run(Run run) {
    Emulator moto = Moto.shared();
    moto.reset();
    int snapshots = run.pick(10, 50);
    List<Integer> calls = new ArrayList<>();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(moto.endpoint());
        OpsContext direct = moto.contextBuilder().build();
        OpsContext ctx = moto.contextBuilder().endpointOverride(proxy.endpoint()).build()) {
      direct.client(RdsClient.class, RdsClient::builder).createDBInstance(CreateDbInstanceRequest.builder()
          .dbInstanceIdentifier("bench-db").engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
          .masterUsername("opsadmin").masterUserPassword("Bench-Pa55word-1").build());
      RdsBackups rds = Backups.using(ctx).rds("bench-db");
      for (int i = 0; i < snapshots; i++) {
        int before = proxy.requests().size();
        rds.snapshot();
        calls.add(proxy.requests().size() - before);
      }
    }
    int first = calls.get(0);
    int last = calls.get(calls.size() - 1);
    int most = calls.stream().mapToInt(Integer::intValue).max().orElseThrow();
    boolean pass = most <= MAX_CALLS;
    return new Row(4, TARGET, Stats.format("1st: %d calls, %dth: %d calls (most of any of the %d: %d)", first, snapshots, last, snapshots, most),
        "- (counts; moto ignores page sizes, AWS pages the listing by 100 snapshots of the instance)", pass);
  }
}
