package org.gstats.engine.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.gstats.api.Analysis;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.HeadCheckout;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScanContext;
import org.gstats.api.ScannerPlugin;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportSection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.queue.internal.MessageQueueFactoryImpl;
import org.junit.Test;

/** The engine asks the scanner for the plugins' requirements together and gives each plugin only its own. */
public class ContentDeliveryTest {

    private static final FileInfo SMALL = new FileInfo("small.txt", 3, 1, false);
    private static final FileInfo LARGE = new FileInfo("large.txt", 50, 1, false);
    private static final FileInfo IMAGE = new FileInfo("image.png", 4, -1, true);

    /** A plugin with the given requirements that records the content events it gets. */
    private static class Recorder implements ScannerPlugin {
        final String name;
        final PluginDataRequirements requirements;
        final List<String> events = new ArrayList<>();

        Recorder(String name, PluginDataRequirements requirements) {
            this.name = name;
            this.requirements = requirements;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public PluginDataRequirements requirements() {
            return requirements;
        }

        @Override
        public Analysis newAnalysis(ScanContext context) {
            return new Analysis() {
                @Override
                public void onFileInfo(FileInfo file) {
                    events.add("info " + file.path());
                }

                @Override
                public void onFileContent(FileContent content) {
                    events.add("head " + content.path());
                }

                @Override
                public void onHistoricalContent(FileContent content) {
                    events.add("historical " + content.path());
                }

                @Override
                public void onCheckout(HeadCheckout checkout) {
                    events.add("checkout " + checkout.directory());
                }

                @Override
                public ReportSection result() {
                    return new ReportSection(name, List.of());
                }
            };
        }
    }

    private static FileContent content(FileInfo file) {
        return new FileContent(file, "c1", new byte[(int) file.size()]);
    }

    @Test
    public void scannerGetsTheFoldedRequirementsAndEachPluginOnlyWhatItAskedFor() throws ScanException {
        AtomicReference<PluginDataRequirements> asked = new AtomicReference<>();
        RepositoryScanner scanner = (request, requirements, listener) -> {
            asked.set(requirements);
            listener.onStart(new ScanTarget(Path.of("/repo"), "HEAD", "c1"));
            listener.onCheckout(new HeadCheckout(Path.of("/tmp/co"), "c1"));
            listener.onHistoricalContent(content(SMALL));
            for (FileInfo file : List.of(SMALL, LARGE, IMAGE)) {
                listener.onFileInfo(file);
                listener.onFileContent(content(file));
            }
        };
        Recorder metadata = new Recorder("metadata", PluginDataRequirements.NONE);
        Recorder text = new Recorder("text", new PluginDataRequirements(true, false, false, 10, false));
        Recorder everything = new Recorder("everything", new PluginDataRequirements(true, true, true, 100, true));
        PluginRegistryImpl plugins = registry();
        long id = 1;
        for (Recorder plugin : List.of(metadata, text, everything)) {
            plugins.bind(registered(id, plugin));
            id++;
        }

        new ScanEngineImpl(scanner, plugins, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL)
                .scan(ScanRequest.builder(Path.of("/repo")).build(),
                ProgressListener.NONE);

        assertEquals(new PluginDataRequirements(true, true, true, 100, true), asked.get());
        assertEquals(List.of("info small.txt", "info large.txt", "info image.png"), metadata.events);
        assertEquals(List.of("info small.txt", "head small.txt", "info large.txt", "info image.png"), text.events);
        assertEquals(List.of("checkout /tmp/co", "historical small.txt", "info small.txt", "head small.txt",
                "info large.txt", "head large.txt", "info image.png", "head image.png"), everything.events);
    }

    @Test
    public void aPluginWhoseRequirementsThrowIsListedAndTheScanGoesOn() throws ScanException {
        AtomicReference<PluginDataRequirements> asked = new AtomicReference<>();
        RepositoryScanner scanner = (request, requirements, listener) -> {
            asked.set(requirements);
            listener.onStart(new ScanTarget(Path.of("/repo"), "HEAD", "c1"));
            listener.onFileInfo(SMALL);
            listener.onFileContent(content(SMALL));
        };
        Recorder broken = new Recorder("broken", null) {
            @Override
            public PluginDataRequirements requirements() {
                throw new IllegalStateException("no requirements today");
            }
        };
        Recorder text = new Recorder("text", PluginDataRequirements.headText());
        PluginRegistryImpl plugins = registry();
        plugins.bind(registered(1, broken));
        plugins.bind(registered(2, text));

        Report report = new ScanEngineImpl(scanner, plugins, 30_000,
                new MessageQueueFactoryImpl(4, FixedMemory.NORMAL), FixedMemory.NORMAL)
                .scan(ScanRequest.builder(Path.of("/repo")).build(),
                ProgressListener.NONE);

        assertEquals(PluginDataRequirements.headText(), asked.get());
        assertEquals(List.of("info small.txt", "head small.txt"), text.events);
        assertEquals(List.of(), broken.events);
        assertEquals(List.of(new ReportError("broken", "IllegalStateException: no requirements today")),
                report.errors());
    }

    private static PluginRegistryImpl registry() {
        return new PluginRegistryImpl(null, Clock.systemUTC(), 3, Duration.ofMinutes(5));
    }

    /** Registered as the registry sees a plugin; its requirements are asked again when a scan starts. */
    private static RegisteredPlugin registered(long id, Recorder plugin) {
        return new RegisteredPlugin(id, plugin, plugin.name, plugin.name, PluginDataRequirements.NONE, "org.example",
                "1.0.0", id + 10, "[1.2,2)", null);
    }
}
