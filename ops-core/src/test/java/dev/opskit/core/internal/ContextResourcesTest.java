package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.opskit.core.ResourceStateException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;

class ContextResourcesTest {
  interface ClientA extends SdkClient {}

  interface ClientB extends SdkClient {}

  interface ClientC extends SdkClient {}

  interface ClientD extends SdkClient {}

  private static final List<Class<? extends SdkClient>> TYPES = List.of(ClientA.class, ClientB.class, ClientC.class, ClientD.class);

  @Test
  void closingTheRootClosesEveryClientAndWhatEachContextOwnsButNotAGivenHttpClient() throws Exception {
    SdkHttpClient http = mock(SdkHttpClient.class);
    AutoCloseable rootOwned = mock(AutoCloseable.class);
    AutoCloseable childOwned = mock(AutoCloseable.class);
    ContextResources root = ContextResources.root(http, rootOwned);
    ClientA rootClient = root.client(ClientA.class, () -> mock(ClientA.class));
    ContextResources child = root.derive(childOwned);
    ClientA childClient = child.client(ClientA.class, () -> mock(ClientA.class));

    root.close();
    root.close();

    verify(rootClient).close();
    verify(childClient).close();
    verify(rootOwned).close();
    verify(childOwned).close();
    verify(http, never()).close();
    assertThatThrownBy(() -> child.client(ClientB.class, () -> mock(ClientB.class)))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("context is closed");
    assertThatThrownBy(() -> child.derive(null)).isInstanceOf(ResourceStateException.class);
  }

  @Test
  void closingADerivedContextClosesOnlyWhatItMade() throws Exception {
    ContextResources root = ContextResources.root(mock(SdkHttpClient.class), null);
    ClientA rootClient = root.client(ClientA.class, () -> mock(ClientA.class));
    AutoCloseable owned = mock(AutoCloseable.class);
    ContextResources child = root.derive(owned);
    ClientA childClient = child.client(ClientA.class, () -> mock(ClientA.class));

    child.close();

    verify(childClient).close();
    verify(owned).close();
    verify(rootClient, never()).close();
    assertThat(root.client(ClientA.class, () -> mock(ClientA.class))).isSameAs(rootClient);
    root.close();
  }

  @Test
  void everyClientMadeIsClosedWhateverTheInterleavingWithClose() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(TYPES.size() * 2);
    try {
      for (int round = 0; round < 200; round++) {
        ContextResources root = ContextResources.root(mock(SdkHttpClient.class), null);
        ContextResources child = root.derive(null);
        Queue<SdkClient> made = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(TYPES.size() * 2);
        for (ContextResources resources : List.of(root, child)) {
          for (Class<? extends SdkClient> type : TYPES) {
            pool.execute(() -> {
              try {
                go.await();
                makeClient(resources, type, made);
              } catch (ResourceStateException | InterruptedException e) {
                // closed first: nothing made
              } finally {
                done.countDown();
              }
            });
          }
        }
        go.countDown();
        root.close();
        int r = round;
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(made).allSatisfy(client ->
            assertThat(mockingDetails(client).getInvocations())
                .as("round %s: a client made while closing was left open", r)
                .anyMatch(i -> i.getMethod().getName().equals("close")));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <C extends SdkClient> void makeClient(ContextResources resources, Class<C> type, Queue<SdkClient> made) {
    resources.client(type, () -> {
      C client = mock(type);
      made.add(client);
      return client;
    });
  }
}
