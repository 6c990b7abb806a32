package org.xrm4j.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What one ExecuteMultiple batch costs in heap: the used heap's peak while the batch runs, minus the used heap
 * just before it, after forced collections. The server runs in this JVM, so this is its heap too.
 *
 * <p>Method: collect (System.gc() a few times, pausing between them) until the idle reading is the live set; read
 * it; start a platform thread that reads the used heap every millisecond and keeps the largest value; send one
 * pre-encoded batch and wait for its answer; stop the sampler. The batch is measured {@value #REPEATS} times and
 * the largest cost is reported.
 *
 * <p>Caveats: used heap counts garbage until a collection frees it, so without a collection during the batch the
 * figure is everything the batch allocated (an upper bound of what it holds at once); with one, the peak may fall
 * just before it (the report says how many ran). A millisecond sampler can miss a peak between two readings. The
 * client shares the JVM: its encoded request exists before the idle reading and so is excluded, but the answer
 * it receives and the HTTP client's buffers are counted.
 */
final class BatchHeap {
    static final int REPEATS = 3;
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private BatchHeap() {}

    /** The largest of the repeats; bytes. {@code collections} counts the collections that ran during that batch. */
    record Result(long idleBytes, long peakBytes, long collections, int samples) {
        /** Peak minus idle in MB of 10^6 bytes (the stricter reading of a target stated in MB). */
        double costMegabytes() { return (peakBytes - idleBytes) / 1e6; }
    }

    /** Measures each prepared batch once (they must create distinct accounts); each must succeed. */
    static Result measure(SdkHttp http, List<HttpRequest> batches, int itemsPerBatch) {
        Result worst = null;
        for (HttpRequest batch : batches) {
            Result r = once(http, batch, itemsPerBatch);
            if (worst == null || r.peakBytes() - r.idleBytes() > worst.peakBytes() - worst.idleBytes()) worst = r;
        }
        if (worst == null) throw new IllegalArgumentException("No batch to measure");
        return worst;
    }

    private static Result once(SdkHttp http, HttpRequest batch, int itemsPerBatch) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        settle(memory);
        long idle = memory.getHeapMemoryUsage().getUsed();
        Sampler sampler = new Sampler(memory, idle);
        Thread thread = Thread.ofPlatform().name("heap-sampler").daemon().start(sampler);
        long collectionsBefore = collections();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(batch);
        } catch (Exception e) {
            throw new IllegalStateException("The heap measurement's batch failed: " + e, e);
        } finally {
            sampler.stop = true;
            join(thread);
        }
        long collections = collections() - collectionsBefore;
        BulkLoad.createdIds(answer, itemsPerBatch); // throws unless every item succeeded
        return new Result(idle, sampler.peak, collections, sampler.samples);
    }

    /** Collects until two readings in a row agree within a megabyte: what is left is the live set. */
    private static void settle(MemoryMXBean memory) {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 1024 * 1024) return;
            previous = used;
        }
    }

    private static long collections() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionCount());
        return sum;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the used heap every millisecond, keeping the largest reading, until stopped. */
    private static final class Sampler implements Runnable {
        private final MemoryMXBean memory;
        volatile boolean stop;
        volatile long peak;
        volatile int samples;

        Sampler(MemoryMXBean memory, long idle) {
            this.memory = memory;
            this.peak = idle;
        }

        @Override public void run() {
            long max = peak;
            int n = 0;
            do {
                max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                n++;
                LockSupport.parkNanos(SAMPLE_NANOS);
            } while (!stop);
            max = Math.max(max, memory.getHeapMemoryUsage().getUsed()); // the answer is complete: one last reading
            samples = n;
            peak = max;
        }
    }
}
