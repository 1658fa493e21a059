package org.gstats.plugin.metrics.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.gstats.api.Analysis;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.ScanContext;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.scanner.internal.JGitRepositoryScanner;

/**
 * Time of a metrics scan with head content against the same scan on metadata only, on one
 * repository: the real scanner walks the history in both; with content, this harness reads
 * every head blob with JGit (what the engine's content delivery does) and hands it to the
 * analysis. Run by {@code benchmarks/metrics-scan-ratio.sh}.
 */
public final class MetricsScanTiming {

    private MetricsScanTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MetricsScanTiming REPOSITORY [ROUNDS]");
            System.exit(2);
        }
        Path repository = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            scan(repository, false);
            double metadata = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int files = scan(repository, true);
            double full = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: metadata only %.2f s, with head content %.2f s (%d files): ratio %.2f%n",
                    round, metadata, full, files, full / metadata);
        }
    }

    private static int scan(Path repository, boolean content) throws Exception {
        ScanRequest request = ScanRequest.builder(repository).build();
        Analysis[] analysis = new Analysis[1];
        String[] head = new String[1];
        new JGitRepositoryScanner().scan(request, new ScanListener() {
            @Override
            public void onStart(ScanTarget target) {
                head[0] = target.headId();
                analysis[0] = new MetricsPlugin().newAnalysis(
                        new ScanContext(target.repository(), target.branch(), target.headId(), Map.of()));
            }

            @Override
            public void onCommit(CommitInfo commit) {
                analysis[0].onCommit(commit);
            }

            @Override
            public void onFileChange(FileChange change) {
                analysis[0].onFileChange(change);
            }
        });
        int files = content ? deliverHead(repository, head[0], analysis[0]) : 0;
        analysis[0].result();
        return files;
    }

    private static int deliverHead(Path repository, String headId, Analysis analysis) throws Exception {
        int files = 0;
        try (Repository repo = new FileRepositoryBuilder().findGitDir(new File(repository.toString())).build();
                ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(headId)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (tree.getFileMode(0) == FileMode.GITLINK) {
                    continue;
                }
                ObjectLoader loader = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                long size = loader.getSize();
                if (size > PluginDataRequirements.DEFAULT_MAX_FILE_SIZE) {
                    analysis.onFileInfo(new FileInfo(tree.getPathString(), size, -1, true));
                    continue;
                }
                byte[] bytes = loader.getCachedBytes();
                boolean binary = false;
                int lines = 0;
                for (int i = 0; i < bytes.length; i++) {
                    binary |= i < 8000 && bytes[i] == 0;
                    lines += bytes[i] == '\n' ? 1 : 0;
                }
                lines += bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? 1 : 0;
                FileInfo info = new FileInfo(tree.getPathString(), size, binary ? -1 : lines, binary);
                analysis.onFileInfo(info);
                analysis.onFileContent(new FileContent(info, headId, bytes.clone()));
                files++;
            }
        }
        return files;
    }
}
