package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChangeQueueTest {
    private static final Path A = Path.of("/w/inbox/a.yaml");
    private static final Path B = Path.of("/w/inbox/b.yaml");

    @Test
    void changesInOneBurstComeAsOneBatch() throws Exception {
        ChangeQueue q = new ChangeQueue(Duration.ofMillis(50), Duration.ofSeconds(5));
        q.add(A);
        q.add(B);
        q.add(A);
        ChangeQueue.Batch batch = q.take();
        assertEquals(Set.of(A, B), batch.paths());
        assertEquals(List.of(A, B), List.copyOf(batch.forRebuilder()).stream().sorted().toList());
        assertNull(q.poll(Duration.ZERO), "nothing left");
    }

    @Test
    void oneFileSavedWaitsOnlyTheShortQuietAndABurstTheLongOne() throws Exception {
        Duration hour = Duration.ofHours(1);
        ChangeQueue q = new ChangeQueue(Duration.ZERO, hour, hour);
        q.add(A);
        q.add(A); // a save in place: truncate, then write
        assertEquals(Set.of(A), q.take().paths(), "a single file's batch does not wait for the burst's quiet");

        q.add(A);
        q.add(B);
        assertNull(takeUntilClosed(q), "two files are a burst: it waits for the quiet (here, until closed)");
    }

    @Test
    void aFileGoneWaitsTheLongQuietForTheOtherHalfOfAMove() throws Exception {
        Duration hour = Duration.ofHours(1);
        ChangeQueue q = new ChangeQueue(Duration.ZERO, hour, hour);
        q.add(A, true);
        assertNull(takeUntilClosed(q), "it waits for the quiet (here, until closed)");
    }

    /** What {@link ChangeQueue#take()} gives once it waits and the queue is then closed: null when it was still waiting. */
    private static ChangeQueue.Batch takeUntilClosed(ChangeQueue q) throws InterruptedException {
        ChangeQueue.Batch[] got = {new ChangeQueue.Batch(Set.of(A), false, false)};
        Thread taker = new Thread(() -> {
            try {
                got[0] = q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        while (taker.getState() != Thread.State.TIMED_WAITING && taker.isAlive()) Thread.onSpinWait();
        q.close();
        taker.join(5_000);
        return got[0];
    }

    @Test
    void aLongBurstStillGivesABatchAfterTheCap() throws Exception {
        ChangeQueue q = new ChangeQueue(Duration.ofMillis(200), Duration.ofMillis(300));
        AtomicBoolean bursting = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        Thread burst = new Thread(() -> {
            for (int i = 0; bursting.get(); i++) {
                q.add(Path.of("/w/inbox/f-" + i + ".yaml"));
                started.countDown();
                try {
                    Thread.sleep(5); // the burst's own pace, not a wait for the code under test
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        burst.start();
        try {
            assertTrue(started.await(5, TimeUnit.SECONDS));
            ChangeQueue.Batch first = q.poll(Duration.ofSeconds(5));
            assertTrue(bursting.get(), "the batch came while the burst went on");
            assertTrue(first.paths().size() > 1);
        } finally {
            bursting.set(false);
            burst.join();
        }
    }

    @Test
    void anOverflowAsksTheRebuilderForAFullRescan() throws Exception {
        ChangeQueue q = new ChangeQueue(Duration.ZERO, Duration.ofMillis(10));
        q.add(A);
        q.rescan();
        ChangeQueue.Batch batch = q.take();
        assertTrue(batch.rescan());
        assertEquals(List.of(), batch.forRebuilder(), "an empty collection is the Rebuilder's full rescan");
    }

    @Test
    void closingWakesATakerWithNull() throws Exception {
        ChangeQueue q = new ChangeQueue(Duration.ZERO, Duration.ZERO);
        CountDownLatch waiting = new CountDownLatch(1);
        ChangeQueue.Batch[] got = {new ChangeQueue.Batch(Set.of(A), false, false)};
        Thread taker = new Thread(() -> {
            waiting.countDown();
            try {
                got[0] = q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        waiting.await();
        q.close();
        taker.join(5_000);
        assertNull(got[0]);
    }

    @Test
    void quietMayNotExceedTheCap() {
        assertThrows(IllegalArgumentException.class, () -> new ChangeQueue(Duration.ofSeconds(1), Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ChangeQueue(Duration.ofMillis(2), Duration.ofMillis(1), Duration.ofSeconds(1)));
    }
}
