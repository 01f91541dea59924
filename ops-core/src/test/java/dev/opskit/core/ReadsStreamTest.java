package dev.opskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Lazy listings: constant memory, SDK errors on any page mapped, closed properly. */
class ReadsStreamTest {

  private static Stream<Integer> pages(AtomicInteger fetched, int failOnPage) {
    return Pages.stream("test:List", token -> {
      int page = token == null ? 1 : Integer.parseInt(token);
      fetched.incrementAndGet();
      if (page == failOnPage) {
        throw AwsServiceException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
            .build();
      }
      return Page.of(List.of(page * 10, page * 10 + 1), String.valueOf(page + 1));
    });
  }

  @Test
  void anSdkErrorOnPageThreeComesOutAsAnOpsKitException() {
    AtomicInteger fetched = new AtomicInteger();
    try (Stream<Integer> s = Reads.stream("dynamodb:ListBackups", "orders", () -> pages(fetched, 3))) {
      assertThatThrownBy(() -> s.forEach(i -> { }))
          .isInstanceOf(ThrottledException.class)
          .hasMessageStartingWith("dynamodb:ListBackups on orders: AWS throttled the call");
    }
    assertThat(fetched).hasValue(3);
  }

  @Test
  void itIsLazyReadingOnlyThePagesConsumed() {
    AtomicInteger fetched = new AtomicInteger();
    try (Stream<Integer> s = Reads.stream("test:List", null, () -> pages(fetched, 99))) {
      assertThat(fetched).hasValue(0);
      assertThat(s.limit(3).toList()).containsExactly(10, 11, 20);
    }
    assertThat(fetched).hasValue(2);
  }

  @Test
  void iteratingStepByStepMapsErrorsToo() {
    AtomicInteger fetched = new AtomicInteger();
    try (Stream<Integer> s = Reads.stream("test:List", null, () -> pages(fetched, 2))) {
      var it = s.iterator();
      assertThat(it.next()).isEqualTo(10);
      assertThat(it.next()).isEqualTo(11);
      assertThatThrownBy(it::hasNext).isInstanceOf(ThrottledException.class);
    }
  }

  @Test
  void closingTheStreamClosesTheSource() {
    AtomicBoolean closed = new AtomicBoolean();
    try (Stream<Integer> s = Reads.stream("test:List", null, () -> Stream.of(1, 2).onClose(() -> closed.set(true)))) {
      assertThat(s.findFirst()).contains(1);
    }
    assertThat(closed).isTrue();
  }

  @Test
  void oneHundredThousandItemsStreamUnderSixtyFourMegabytesOfHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        LazyListingMain.class.getName()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("seen=100000");
  }
}
