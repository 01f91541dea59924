package dev.opskit.monitoring.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.logs.internal.QuerySlots;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The Logs Insights concurrency limit is one per context, shared by every runner of it. */
class QuerySlotsTest {
  private final OpsContext one = context();
  private final OpsContext other = context();

  private static OpsContext context() {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .build();
  }

  @AfterEach
  void close() {
    one.close();
    other.close();
  }

  @Test
  void runnersOfOneContextShareItsSlotsAndTheLatestSizeApplies() throws InterruptedException {
    QuerySlots first = QuerySlots.of(one, 2);
    QuerySlots second = QuerySlots.of(one, 1);

    assertThat(second).isSameAs(first);
    assertThat(first.acquire(Duration.ZERO)).isTrue();
    assertThat(second.acquire(Duration.ZERO)).as("the size is now 1").isFalse();
    first.release();
    assertThat(second.acquire(Duration.ZERO)).isTrue();
    second.release();
    assertThat(first.inUse()).isZero();
  }

  @Test
  void anotherContextHasItsOwnSlots() throws InterruptedException {
    QuerySlots mine = QuerySlots.of(one, 1);
    QuerySlots theirs = QuerySlots.of(other, 1);
    assertThat(mine.acquire(Duration.ZERO)).isTrue();

    assertThat(theirs).isNotSameAs(mine);
    assertThat(theirs.acquire(Duration.ZERO)).isTrue();
    mine.release();
    theirs.release();
  }

  @Test
  void aDerivedContextSharesTheSlotsOfItsTree() throws InterruptedException {
    QuerySlots root = QuerySlots.of(one, 1);
    QuerySlots dryRun = QuerySlots.of(one.withDryRun(true), 1);

    assertThat(dryRun).isSameAs(root);
    assertThat(root.acquire(Duration.ZERO)).isTrue();
    assertThat(dryRun.acquire(Duration.ZERO)).as("the tree's one slot is taken").isFalse();
    root.release();
  }
}
