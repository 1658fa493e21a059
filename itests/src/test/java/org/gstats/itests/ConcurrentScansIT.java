package org.gstats.itests;

import static org.gstats.itests.GogoCommands.quote;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.gstats.api.Analysis;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.ReportSection;
import org.gstats.itests.GogoCommands.Outcome;
import org.gstats.testkit.GitRepo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Two scans running at once in one framework, each of a repository with its own
 * {@code .gstats.toml}: each scan's plugins see that scan's settings, never the other's. A
 * plugin holds both scans until both have started, so that they surely overlap.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConcurrentScansIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    /** Records the settings each scan hands it, and lets no scan go on before the other has started. */
    private static final class Rendezvous implements ScannerPlugin {
        static final String NAME = "rendezvous";
        final CyclicBarrier bothStarted = new CyclicBarrier(2);
        final Map<Path, Map<String, Object>> seen = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Holds two scans until both have started";
        }

        @Override
        public Analysis newAnalysis(ScanContext context) {
            seen.put(context.repository().toAbsolutePath().normalize(), context.settings());
            try {
                bothStarted.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other scan did not start: " + e, e);
            }
            return () -> new ReportSection(NAME, List.of());
        }
    }

    @Test
    public void twoScansAtOnceEachKeepTheirOwnSettings() throws Exception {
        Path parent = Files.createDirectories(SampleRepository.workDir().resolve("concurrent-scans"));
        SampleRepository withoutMerges = SampleRepository.create(parent);
        SampleRepository withMerges = SampleRepository.create(parent);
        Files.writeString(withoutMerges.dir().resolve(".gstats.toml"),
                "[module.commits]\ninclude-merges = false\n[module.rendezvous]\nmark = \"without\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(withMerges.dir().resolve(".gstats.toml"), "[module.rendezvous]\nmark = \"with\"\n",
                StandardCharsets.UTF_8);
        Rendezvous rendezvous = new Rendezvous();
        ServiceRegistration<ScannerPlugin> registration = context.registerService(ScannerPlugin.class, rendezvous,
                null);
        try {
            CompletableFuture<JsonObject> first = CompletableFuture.supplyAsync(() -> totals(withoutMerges.dir()));
            CompletableFuture<JsonObject> second = CompletableFuture.supplyAsync(() -> totals(withMerges.dir()));

            assertEquals(count(withoutMerges.dir(), "--no-merges"),
                    first.get(120, TimeUnit.SECONDS).get("commits").getAsLong());
            assertEquals(count(withMerges.dir()), second.get(120, TimeUnit.SECONDS).get("commits").getAsLong());
            assertEquals("without", rendezvous.seen.get(withoutMerges.dir().toAbsolutePath().normalize()).get("mark"));
            assertEquals("with", rendezvous.seen.get(withMerges.dir().toAbsolutePath().normalize()).get("mark"));
        } finally {
            registration.unregister();
        }
    }

    private JsonObject totals(Path repository) {
        try {
            Outcome outcome = new GogoCommands(context).execute("scan", quote(repository) + " --format json");
            assertNull("scan failed: " + outcome.errors(), outcome.failure());
            return JsonParser.parseString(outcome.output()).getAsJsonObject().getAsJsonObject("sections")
                    .getAsJsonObject("commits").getAsJsonObject("totals");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Path repository, String... options) {
        String[] arguments = new String[options.length + 3];
        arguments[0] = "rev-list";
        arguments[1] = "--count";
        System.arraycopy(options, 0, arguments, 2, options.length);
        arguments[arguments.length - 1] = "HEAD";
        return Long.parseLong(GitRepo.open(repository).git(arguments).trim());
    }
}
