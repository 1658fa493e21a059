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
 * The load client of benchmarks/serve.sh: CLIENTS threads in one JVM, each with its own
 * keep-alive connection, send REQUESTS GETs in all to BASE+PATH and read each answer to its last
 * byte; prints p50/p95/p99/max of the time from sending to the last byte. One process for all
 * clients, so that the figure is the server's answer time rather than process start-ups.
 * Run with: java benchmarks/ServeLoad.java BASE PATH CLIENTS REQUESTS [gzip]
 */
public class ServeLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0] + args[1];
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        boolean gzip = args.length > 4 && args[4].equals("gzip");
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger bad = new AtomicInteger();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
                if (gzip) {
                    builder.header("Accept-Encoding", "gzip");
                }
                HttpRequest request = builder.GET().build();
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
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%s%s: %d requests, %d not 200; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                args[1], gzip ? " (gzip)" : "", sorted.size(), bad.get(), pick(sorted, 0.50), pick(sorted, 0.95),
                pick(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double pick(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (quantile * sorted.size())));
    }
}
