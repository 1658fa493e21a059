package org.gstats.plugin.metrics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gstats.api.Analysis;
import org.gstats.api.BlobResults;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.ScanContext;
import org.gstats.api.report.Fields;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.plugin.metrics.internal.duplication.CloneDetector;
import org.gstats.plugin.metrics.internal.duplication.Fingerprints;
import org.gstats.plugin.metrics.internal.duplication.TokenSequence;
import org.gstats.plugin.metrics.internal.format.Category;
import org.gstats.plugin.metrics.internal.history.ChangeHistory;
import org.gstats.plugin.metrics.internal.text.LineCounts;
import org.gstats.plugin.metrics.internal.text.TextLines;

/**
 * One scan's metrics. History events feed change frequency; each head file's content is read
 * once, decoded once and scanned once, and that one pass feeds format detection, line
 * counting and clone detection's tokens; complexity analysis takes the same decoded text.
 * That work runs on several threads ({@link HeadFileWork}); history and the tables stay on
 * the engine's thread. A text file's results are kept per blob ({@link StoredFileResult}) when
 * the scan has a store, so a rescan does not analyse the unchanged files again.
 */
final class MetricsAnalysis implements Analysis {

    /**
     * What the analysis may use of the machine.
     *
     * @param threads     threads for head files' content
     * @param memoryLimit the scan's memory limit in bytes, which bounds clone detection's index
     */
    record Resources(int threads, long memoryLimit) {

        /** Every processor and the JVM's maximum heap. */
        static Resources ofRuntime() {
            return new Resources(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        }
    }

    /** Share of the memory limit that clone detection's first pass may fill with its filter. */
    private static final int FILTER_SHARE = 16;

    private static final int MAGIC_BYTES = 16;

    private final MetricsSettings settings;
    private final ScanContext context;
    private final Map<String, HeadFile> files = new TreeMap<>();
    private final ChangeHistory history;
    private final FilesProcessor filesProcessor = new FilesProcessor();
    private final FunctionsProcessor functionsProcessor = new FunctionsProcessor();
    private final DuplicationProcessor duplicationProcessor;
    private final HeadFileWork work;
    private final BlobResults blobResults;
    private final KeptClones keptClones;
    /** The name under which results are kept per blob; null keeps none (no analyser name, or no store). */
    private final String analyser;
    private int contentRead;
    private int contentSkipped;

    MetricsAnalysis(MetricsSettings settings, ScanContext context) {
        this(settings, context, Resources.ofRuntime(), null);
    }

    /** @param analyser the name and version results are kept under per blob; null to keep none */
    MetricsAnalysis(MetricsSettings settings, ScanContext context, Resources resources, String analyser) {
        this.settings = settings;
        this.blobResults = context.blobResults();
        // without a store there is nothing to ask, and nothing to encode
        this.analyser = blobResults == BlobResults.NONE ? null : analyser;
        this.context = context;
        this.history = new ChangeHistory(context.headId());
        this.duplicationProcessor = new DuplicationProcessor(settings.minTokens(), settings.minLines(),
                resources.memoryLimit() / FILTER_SHARE, resources.threads());
        this.work = new HeadFileWork(resources.threads());
        this.keptClones = new KeptClones(blobResults, this.analyser, context.headId(), settings.minTokens(),
                settings.minLines());
    }

    @Override
    public void onCommit(CommitInfo commit) {
        history.onCommit(commit);
    }

    @Override
    public void onFileChange(FileChange change) {
        history.onFileChange(change);
    }

    @Override
    public void onFileInfo(FileInfo info) {
        HeadFile file = files.computeIfAbsent(info.path(), HeadFile::new);
        file.bytes = info.size();
        file.binary = info.binary();
        if (file.format == null) {
            filesProcessor.classify(file);
        }
    }

    @Override
    public void onFileContent(FileContent content) {
        onFileInfo(content.file());
        HeadFile file = files.get(content.path());
        if (contentRead >= settings.maxFiles() || content.length() > settings.maxFileSize()) {
            contentSkipped++;
            return;
        }
        contentRead++;
        work.submit(() -> analyse(file, content));
    }

    /** One head file's content: on a thread of {@link #work}, touching only {@code file}. */
    private void analyse(HeadFile file, FileContent content) {
        if (file.binary) {
            filesProcessor.classifyBinary(file, firstBytes(content));
            return;
        }
        String blobId = analyser == null ? null : content.blobId();
        if (blobId != null && restore(file, blobId, blobResults.get(analyser, blobId))) {
            return;
        }
        // one copy of the characters for every pass: indexing an array costs less than String.charAt
        byte[] bytes = content.toByteArray();
        char[] chars = asciiChars(bytes);
        // ASCII decodes as Latin-1 does, by a plain copy
        String text = chars != null ? new String(bytes, StandardCharsets.ISO_8859_1) : content.text(StandardCharsets.UTF_8);
        if (chars == null) {
            chars = text.toCharArray();
        }
        TextLines lines = TextLines.of(chars);
        TokenSequence sequence = new TokenSequence(chars);
        filesProcessor.analyseText(file, text, chars, lines, sequence);
        TokenSequence.Tokens tokens = file.source() && (blobId != null || file.analysedSource(settings))
                ? sequence.tokens() : null;
        // what a rescan compares a changed file with; kept only where results are
        int[] prints = tokens != null && blobId != null ? Fingerprints.of(tokens.values()) : null;
        boolean complexityRun = false;
        if (file.analysedSource(settings)) {
            // held only to compare with a kept result: on a first scan they would be the head's in memory
            duplicationProcessor.add(file.path, blobId, tokens, keptClones.likely() ? prints : null);
            if (settings.complexityAnalysis()) {
                functionsProcessor.analyse(file, text, chars, lines);
                complexityRun = true;
            }
        }
        if (blobId != null) {
            byte[] encoded = new StoredFileResult(file.path, file.format, file.counts, tokens, prints,
                    complexityRun, file.complexity).encode();
            if (encoded != null) {
                blobResults.put(analyser, blobId, encoded);
            }
        }
    }

    /**
     * The characters of {@code bytes} when they are all ASCII (most source), else null: widening them here is one
     * pass, where decoding UTF-8 (which checks for non-ASCII bytes first) and copying the characters out were two.
     */
    private static char[] asciiChars(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return null;
            }
            chars[i] = (char) b;
        }
        return chars;
    }

    /**
     * Fills {@code file} from a result kept for its blob, as {@link #analyse} would have; false
     * when there is none, or it was kept for another path or without the complexity this scan
     * needs (the file is then analysed, which sets every field again).
     */
    private boolean restore(HeadFile file, String blobId, byte[] encoded) {
        StoredFileResult stored = encoded == null ? null : StoredFileResult.decode(encoded, !keptClones.likely());
        if (stored == null || !stored.path().equals(file.path)) {
            return false;
        }
        file.format = stored.format();
        file.counts = stored.counts();
        if (file.analysedSource(settings)) {
            if (stored.tokens() == null || settings.complexityAnalysis() && !stored.complexityRun()) {
                return false;
            }
            if (keptClones.likely()) {
                duplicationProcessor.defer(file.path, blobId, stored.fingerprints());
            } else {
                duplicationProcessor.add(file.path, blobId, stored.tokens(), null);
            }
            if (settings.complexityAnalysis()) {
                file.complexity = stored.complexity();
            }
        }
        return true;
    }

    /**
     * The tokens of a result {@link #restore} used without reading them: its bytes passed the
     * checksum then, so they are what the encoder wrote, and decode.
     */
    private TokenSequence.Tokens restoredTokens(String blobId) {
        return StoredFileResult.decode(blobResults.get(analyser, blobId)).tokens();
    }

    private static byte[] firstBytes(FileContent content) {
        try (InputStream in = content.open()) {
            return in.readNBytes(MAGIC_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ReportSection result() {
        work.finish();
        if (files.isEmpty()) {
            // no head files delivered: the files at the head are those whose newest change kept them
            for (String path : history.pathsAtHead()) {
                HeadFile file = files.computeIfAbsent(path, HeadFile::new);
                filesProcessor.classify(file);
            }
        }
        Instant headTime = headTime();
        List<HeadFile> counted = files.values().stream().filter(f -> f.counted(settings)).toList();
        List<String> countedPaths = counted.stream().map(f -> f.path).toList();

        ChangeFrequencyProcessor frequency = new ChangeFrequencyProcessor(settings.windows());
        ChangeHistory.Frequencies frequencies = frequency.frequencies(history, countedPaths,
                headTime == null ? Instant.EPOCH : headTime);
        CloneDetector.Result clones = duplicationProcessor.detect(files, keptClones, this::restoredTokens);
        HotspotsProcessor hotspots = new HotspotsProcessor(settings.topN());
        Set<String> hotspotPaths = new LinkedHashSet<>();
        hotspots.rank(counted, frequencies.files()).forEach(h -> hotspotPaths.add(h.path()));
        DebtProcessor debt = new DebtProcessor(settings);
        debt.score(counted, frequencies.files(), history, hotspotPaths);

        List<ReportItem> items = new ArrayList<>();
        items.add(summary(counted, clones, headTime));
        items.add(filesProcessor.filesTable(files.values()));
        items.add(filesProcessor.languagesTable(files.values(), settings));
        items.add(functionsProcessor.table(counted));
        items.add(frequency.table(frequencies));
        items.add(hotspots.table());
        items.add(debt.table());
        items.add(debt.summary());
        items.add(duplicationProcessor.groupsTable());
        items.add(duplicationProcessor.filesTable(files));
        return new ReportSection(MetricsPlugin.NAME, items);
    }

    private Instant headTime() {
        Instant head = history.headTime();
        return head != null ? head : history.newestCommitTime();
    }

    private Fields summary(List<HeadFile> counted, CloneDetector.Result clones, Instant headTime) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("head_time", headTime == null ? null : headTime.toString());
        values.put("files", (long) files.size());
        Map<Category, Long> byCategory = new TreeMap<>();
        files.values().forEach(f -> byCategory.merge(f.format.category(), 1L, Long::sum));
        for (Category category : Category.values()) {
            values.put(category.label() + "_files", byCategory.getOrDefault(category, 0L));
        }
        values.put("files_read", (long) contentRead);
        values.put("files_not_read", (long) (files.size() - contentRead));
        values.put("files_over_limits", (long) contentSkipped);
        LineCounts lines = LineCounts.NONE;
        for (HeadFile file : counted) {
            if (file.counts != null) {
                lines = lines.plus(file.counts);
            }
        }
        values.put("code_lines", (long) lines.code());
        values.put("comment_lines", (long) lines.comment());
        values.put("blank_lines", (long) lines.blank());
        values.put("functions", counted.stream().filter(f -> f.complexity != null)
                .mapToLong(f -> f.complexity.functions().size()).sum());
        values.put("cyclomatic", counted.stream().filter(f -> f.complexity != null)
                .mapToLong(f -> f.complexity.cyclomatic()).sum());
        values.put("clone_groups", (long) clones.groups().size());
        long duplicated = clones.duplicatedLines().values().stream().mapToLong(Integer::longValue).sum();
        long sourceLines = counted.stream().filter(f -> f.analysedSource(settings))
                .mapToLong(f -> f.counts.total()).sum();
        values.put("duplicated_lines", duplicated);
        values.put("duplication_ratio", Numbers.round(Numbers.ratio(duplicated, sourceLines), 4));
        return new Fields("summary", values);
    }
}
