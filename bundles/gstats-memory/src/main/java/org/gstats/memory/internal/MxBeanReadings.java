package org.gstats.memory.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.management.ThreadMXBean;

/**
 * The heap as the JVM's MXBeans see it. Use after GC is summed over the heap pools of the
 * latest collection of any collector: a young collection reports every pool, the old
 * generation included, so the figure never lags behind data promoted since the last full one
 * (it may hold old garbage until then, which {@link #collect()} clears).
 */
final class MxBeanReadings implements HeapReadings {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory
            .getPlatformMXBeans(GarbageCollectorMXBean.class);
    private final ThreadMXBean threads = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public long usedAfterGc() {
        GcInfo latest = null;
        for (GarbageCollectorMXBean collector : collectors) {
            GcInfo info = collector.getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        if (latest == null) {
            return -1;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public long collectionMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    @Override
    public long[] collections() {
        long[] counts = new long[collectors.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(0, collectors.get(i).getCollectionCount());
        }
        return counts;
    }

    @Override
    public long allocatedBytes() {
        return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()
                ? threads.getTotalThreadAllocatedBytes() : -1;
    }

    @Override
    public void collect() {
        memory.gc();
    }

    @Override
    public long max() {
        long max = memory.getHeapMemoryUsage().getMax();
        return max > 0 ? max : Runtime.getRuntime().maxMemory();
    }
}
