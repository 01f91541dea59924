package dev.opskit.security.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** IAM access key age in the report, read with ListUsers, ListAccessKeys and GetAccessKeyLastUsed on moto. */
@OpsEmulatorTest
class AccessKeyAgeIT {

  private static SecurityReport report(Emulator emulator, Instant at) {
    try (OpsContext later = emulator.contextBuilder().clock(Clock.fixed(at, ZoneOffset.UTC)).build()) {
      return SecurityReports.using(later).run(ReportRequest.builder()
          .accessKeys(Duration.ofDays(90), Duration.ofDays(30)).build());
    }
  }

  @Test
  void keysOlderOrLongerUnusedThanTheLimitsFailAndTheSecretNeverAppears(OpsContext ctx, Emulator emulator) {
    emulator.reset();
    IamClient iam = ctx.client(IamClient.class, IamClient::builder);
    iam.createUser(r -> r.userName("service-user"));
    var key = iam.createAccessKey(r -> r.userName("service-user")).accessKey();
    iam.createUser(r -> r.userName("no-keys"));
    iam.createUser(r -> r.userName("retired"));
    String inactive = iam.createAccessKey(r -> r.userName("retired")).accessKey().accessKeyId();
    iam.updateAccessKey(r -> r.userName("retired").accessKeyId(inactive).status("Inactive"));
    Instant created = key.createDate();

    SecurityReport fresh = report(emulator, created.plus(Duration.ofDays(10)));
    SecurityReport old = report(emulator, created.plus(Duration.ofDays(100)));

    String tail = key.accessKeyId().substring(key.accessKeyId().length() - 4);
    assertThat(fresh.results()).extracting(r -> r.status() + " " + r.checkId() + " " + r.resource()).containsExactly(
        "PASS iam_rotate_access_key_90_days user/service-user key ..." + tail,
        "PASS iam_user_accesskey_unused_30_days user/service-user key ..." + tail);
    assertThat(old.results()).extracting(r -> r.status() + " " + r.checkId()).containsExactly(
        "FAIL iam_rotate_access_key_90_days", "FAIL iam_user_accesskey_unused_30_days");
    assertThat(old.withStatus(CheckStatus.FAIL).get(1).reason())
        .isEqualTo("active access key never used, created 100 days ago (limit 30)");
    assertThat(old.toText() + old.toJson() + old.toCsv())
        .doesNotContain(key.secretAccessKey()).doesNotContain(key.accessKeyId());
  }
}
