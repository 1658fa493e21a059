package org.gstats.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.WriterOptions;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --output} on every kind of path a user may give: links keep pointing where they did
 * and their target gets the report; FIFOs and devices are written where they are and stay what
 * they were; other special files are refused before the scan. Each case is made for real
 * ({@code mkfifo}, {@code mknod}, symbolic links, a UNIX socket).
 */
public class ReportOutputTargetTest {

    private static final String REPORT = "json report\n";
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ReportWriters writers = new ReportWriters();
    private final ReportWriter json = new FixedWriter("json");
    private final ReportWriter csv = new FixedWriter("csv");

    @Test
    public void symlinkToAFileKeepsTheLinkAndReplacesItsTarget() throws Exception {
        Path target = Files.writeString(dir().resolve("real.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir().resolve("link.json"), Path.of("real.json"));

        write(json, link);

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("real.json"), Files.readSymbolicLink(link));
        assertEquals(REPORT, Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("link.json", "real.json"), names(dir()));
    }

    @Test
    public void danglingSymlinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir().resolve("link.json"), dir().resolve("new.json"));

        write(json, link);

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(REPORT, Files.readString(dir().resolve("new.json")));
    }

    @Test
    public void chainOfLinksIsFollowedToTheEnd() throws Exception {
        Path target = Files.writeString(dir().resolve("real.json"), "old");
        Path first = Files.createSymbolicLink(dir().resolve("first"), target);
        Path second = Files.createSymbolicLink(dir().resolve("second"), first);

        write(json, second);

        assertEquals(REPORT, Files.readString(target));
        assertTrue(Files.isSymbolicLink(first) && Files.isSymbolicLink(second));
    }

    @Test
    public void loopOfLinksIsBadUsage() throws Exception {
        Path a = dir().resolve("a");
        Files.createSymbolicLink(a, dir().resolve("b"));
        Files.createSymbolicLink(dir().resolve("b"), a);

        assertBadUsage("--output " + a + " is a loop of symbolic links (give a file name)", json, a);
    }

    @Test
    public void fifoIsWrittenToItsReaderAndStaysAFifo() throws Exception {
        Path fifo = dir().resolve("report.fifo");
        run("mkfifo", fifo.toString());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        write(json, fifo);

        assertArrayEquals(REPORT.getBytes(StandardCharsets.UTF_8), reader.get(30, TimeUnit.SECONDS));
        assertEquals(S_IFIFO, type(fifo));
    }

    @Test
    public void devNullTakesTheReportAndStaysADevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assume.assumeTrue(Files.exists(devNull));

        write(json, devNull);

        assertEquals(S_IFCHR, type(devNull));
    }

    @Test
    public void devFullIsANoSpaceFailureAndIsNotReplaced() throws Exception {
        Path devFull = Path.of("/dev/full");
        Assume.assumeTrue(Files.exists(devFull));
        Path link = Files.createSymbolicLink(dir().resolve("full"), devFull);

        for (Path output : List.of(devFull, link)) {
            ReportOutput out = ReportOutput.check(json, options("json", output), writers);
            try {
                out.write(report(), () -> null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                fail("a write to /dev/full succeeded");
            } catch (CommandFailure e) {
                assertEquals("cannot write the report to " + output + ": no space left on device", e.getMessage());
                assertEquals(CommandFailure.FAILED, e.exitCode());
            }
        }
        assertEquals(S_IFCHR, type(devFull));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("full"), names(dir()));
    }

    @Test
    public void processDescriptorsAreWrittenInPlace() throws Exception {
        for (String descriptor : List.of("/dev/stdout", "/dev/stderr", "/proc/self/fd/1", "/dev/fd/2")) {
            Assume.assumeTrue(Files.exists(Path.of(descriptor)));
            OutputTarget target = OutputTarget.resolve(Path.of(descriptor));
            assertEquals(descriptor, OutputTarget.Kind.STREAM, target.kind());
            assertEquals(Path.of(descriptor), target.path());
        }
        Path link = Files.createSymbolicLink(dir().resolve("out"), Path.of("/dev/stdout"));
        OutputTarget target = OutputTarget.resolve(link);
        assertEquals(OutputTarget.Kind.STREAM, target.kind());
        assertEquals(Path.of("/dev/stdout"), target.path());
    }

    @Test
    public void blockDeviceIsRefusedBeforeTheScan() throws Exception {
        Path device = dir().resolve("disk");
        // loop device 200: creating its node needs root, and nothing is ever written to it
        Assume.assumeTrue("mknod needs root", new ProcessBuilder("mknod", device.toString(), "b", "7", "200")
                .inheritIO().start().waitFor() == 0);

        assertBadUsage("--output " + device + " is a block device, not a file (give a file name; FIFOs and "
                + "character devices such as /dev/null are written as they are)", json, device);
        Path link = Files.createSymbolicLink(dir().resolve("link"), device);
        assertBadUsage("--output " + link + " (" + device + ") is a block device, not a file (give a file name; "
                + "FIFOs and character devices such as /dev/null are written as they are)", json, link);
    }

    @Test
    public void socketIsRefused() throws Exception {
        Path socket = dir().resolve("report.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertBadUsage("--output " + socket + " is a socket, not a file (give a file name; FIFOs and "
                    + "character devices such as /dev/null are written as they are)", json, socket);
        }
    }

    @Test
    public void csvDirectoryThroughALinkIsReplacedAndTheLinkKept() throws Exception {
        Path real = Files.createDirectory(dir().resolve("tables"));
        Files.writeString(real.resolve("old.csv"), "old");
        Path link = Files.createSymbolicLink(dir().resolve("report"), real);

        write(csv, link);

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("report.csv"), names(real));
        assertEquals(List.of("report", "tables"), names(dir()));
    }

    @Test
    public void csvDirectoryOnADeviceOrFifoIsRefused() throws Exception {
        Path fifo = dir().resolve("tables");
        run("mkfifo", fifo.toString());

        assertBadUsage("--output for csv is a directory, but " + fifo + " is a file (give a directory)", csv, fifo);
        assertEquals(S_IFIFO, type(fifo));
    }

    private void write(ReportWriter writer, Path output) throws CommandFailure {
        ReportOutput.check(writer, options(writer.format(), output), writers)
                .write(report(), () -> null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private void assertBadUsage(String message, ReportWriter writer, Path output) {
        try {
            ReportOutput.check(writer, options(writer.format(), output), writers);
            fail("accepted " + output);
        } catch (CommandFailure e) {
            assertEquals(message, e.getMessage());
            assertEquals(CommandFailure.BAD_USAGE, e.exitCode());
        }
    }

    private Path dir() {
        return temp.getRoot().toPath();
    }

    private static ScanOptions options(String format, Path output) {
        return new ScanOptions(Path.of("/repo"), format, output, null, false, null, null, null, null, true,
                false);
    }

    private static Report report() {
        ReportHeader header = new ReportHeader("0.1.0", "/repo", "HEAD", "0123456789abcdef0123456789abcdef01234567",
                Instant.EPOCH, 1);
        return new Report(header, List.of(new ReportSection("commits", List.of(Table.builder("authors", "name")
                .row("Ann").build()))), List.of());
    }

    private static int type(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & S_IFMT;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes {@value #REPORT}; as csv, one file {@code report.csv} into a directory. */
    private static final class FixedWriter implements ReportWriter {
        private final String format;

        FixedWriter(String format) {
            this.format = format;
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public Set<Option> options() {
            return Set.of();
        }

        @Override
        public boolean writesDirectory(WriterOptions options) {
            return "csv".equals(format);
        }

        @Override
        public void writeDirectory(Report report, WriterOptions options, Path directory) throws IOException {
            Files.writeString(directory.resolve("report.csv"), "a,b\n");
        }

        @Override
        public void write(Report report, OutputStream out) throws IOException {
            out.write(REPORT.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
            write(report, out);
        }
    }
}
