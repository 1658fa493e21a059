import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java load client of benchmarks/serve.sh: CLIENTS threads in one JVM, each with its own
 * keep-alive connection, send WARMUP GETs to BASE+PATH unmeasured, then REQUESTS GETs in all,
 * reading each answer to its last byte; prints p50/p95/p99/max of the time from sending to the
 * last byte, and the CPU this client used while measuring. The warm-up runs in this JVM, on the
 * same connections: a client warmed in another process measures its own JIT compilation (its
 * p99 was 3-5 times wrk's on the same server).
 * Run with: java benchmarks/ServeLoad.java BASE PATH CLIENTS WARMUP REQUESTS [gzip]
 */
public class ServeLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0] + args[1];
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        boolean gzip = args.length > 5 && args[5].equals("gzip");
        List<HttpClient> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (gzip) {
            builder.header("Accept-Encoding", "gzip");
        }
        HttpRequest request = builder.GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        round(pool, connections, request, warmup);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        Round measured = round(pool, connections, request, requests);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(measured.times());
        Collections.sort(sorted);
        System.out.printf("%s%s: %d requests, %d not 200; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
                + "%.0f requests/s; client CPU %.1f s of %.1f s%n", args[1], gzip ? " (gzip)" : "", sorted.size(),
                measured.bad(), pick(sorted, 0.50), pick(sorted, 0.95), pick(sorted, 0.99),
                sorted.get(sorted.size() - 1), sorted.size() / wall, cpu, wall);
    }

    record Round(List<Double> times, int bad) {
    }

    /** Sends {@code requests} requests in all, each client on its own connection, and waits for the answers. */
    private static Round round(ExecutorService pool, List<HttpClient> connections, HttpRequest request, int requests)
            throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger bad = new AtomicInteger();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (HttpClient http : connections) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    times.add((System.nanoTime() - start) / 1e6);
                    if (response.statusCode() != 200) {
                        bad.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        return new Round(times, bad.get());
    }

    private static double pick(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (quantile * sorted.size())));
    }
}
