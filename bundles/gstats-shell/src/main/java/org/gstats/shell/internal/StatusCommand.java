package org.gstats.shell.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.runtime.LeakSuspicion;
import org.gstats.api.runtime.MemoryStatus;
import org.gstats.api.runtime.MemoryTracker;
import org.gstats.api.runtime.MessageQueueFactory;
import org.gstats.api.runtime.QueueMetrics;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code gstats:status}: the heap against the memory limit, the pressure level, a leak
 * suspicion, and the figures of every queue open now (those of a running scan).
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "status")
public class StatusCommand {

    private final MemoryTracker memory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MessageQueueFactory queues;

    @Activate
    public StatusCommand(@Reference(name = "memory") MemoryTracker memory) {
        this.memory = memory;
    }

    @Descriptor("show heap use, peak and limit, the memory pressure level and the queues of a running scan")
    public void status(CommandSession session, String... operands) throws CommandFailure, ScanException {
        CommandStatus.run(session, false, () -> {
            if (operands.length > 0) {
                throw CommandFailure.badUsage("unexpected argument '" + Arrays.asList(operands).get(0)
                        + "' (gstats:status takes none)");
            }
            MessageQueueFactory factory = queues;
            print(session.getConsole(), memory.status(), factory == null ? List.of() : factory.open());
        });
    }

    static void print(PrintStream out, MemoryStatus status, List<QueueMetrics> open) {
        out.printf(Locale.ROOT, "memory:   %s in use, %s after GC, peak %s, limit %s (%.0f%%)%n", mb(status.used()),
                mb(status.usedAfterGc()), mb(status.peak()), mb(status.limit()), status.percent());
        out.println("pressure: " + status.level().name().toLowerCase(Locale.ROOT));
        LeakSuspicion leak = status.leak();
        out.println("leak:     " + (leak == null ? "none seen" : "suspected: heap after GC rose at each of "
                + leak.collections() + " collections, from " + mb(leak.fromBytes()) + " to " + mb(leak.toBytes())));
        if (open.isEmpty()) {
            out.println("queues:   none open (no scan running)");
        }
        for (QueueMetrics queue : open) {
            out.printf(Locale.ROOT, "queue %s: in %d, out %d, waiting %d (%s), %.0f/s, wait p50 %.2f ms p99 %.2f ms, "
                    + "producer blocked %d ms, batch %d%n", queue.name(), queue.in(), queue.out(), queue.size(),
                    mb(queue.bytes()), queue.perSecond(), queue.p50Nanos() / 1e6, queue.p99Nanos() / 1e6,
                    queue.blockedNanos() / 1_000_000, queue.batchSize());
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
    }
}
