package org.gstats.scanner.internal;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.gstats.api.FileContent;
import org.gstats.api.FileInfo;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.ChangeCache;
import org.gstats.api.scan.RepositoryScanner;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanListener;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.scan.ScanTarget;
import org.gstats.api.scan.ScanWarning;
import org.gstats.api.scan.StoredWalk;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Walks a repository's history with JGit, newest commit first as {@code git log} does, and
 * reports each commit and, for non-merge commits, each file it changed against its first
 * parent with the line counts {@code git log --numstat} prints ({@link CommitSelection}
 * applies the request's filters and merge rule); then every file at the head, and content as
 * far as the plugins' folded requirements ask. Commits are diffed on {@link DiffWorkers} ({@code [scanner]
 * threads}) and told in walk order. Stateless: every scan opens the repository and object readers of
 * its own, so scans may run at once.
 */
@Component(service = RepositoryScanner.class, configurationPid = PackCacheConfiguration.PID)
public class JGitRepositoryScanner implements RepositoryScanner {

    /** How many of the commits behind a damaged pack a report names: enough to start {@code git log} from. */
    private static final int UNREAD_NAMED = 10;
    /**
     * How many commits the walk may hold parsed and untold while the change cache is not ready
     * (the store opening beside the start): their parsing, a good part of a replayed commit's cost,
     * then overlaps the open instead of following it. Some 2 MB of commit infos at most.
     */
    private static final int AHEAD_WHILE_CACHE_NOT_READY = 4_096;

    private final ScanObserver observer;
    private final Path tempRoot;
    private final int batchSize;
    private volatile int threads;

    /** Outside a framework (tests, benchmarks): checkouts go to the system's temp folder. */
    public JGitRepositoryScanner() {
        this(ScanObserver.NONE, Path.of(System.getProperty("java.io.tmpdir")), 0);
    }

    /**
     * In the framework, checkouts go to the bundle's data area: it lives in the framework's
     * cache, which the launcher empties (a fresh cache when the process ends or, when a killed one
     * left it, at the next start; a kept cache when the next run takes it).
     */
    @Activate
    public JGitRepositoryScanner(BundleContext context) {
        this(ScanObserver.NONE, dataArea(context));
    }

    private static Path dataArea(BundleContext context) {
        File data = context.getDataFile("");
        return data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** With an observer of reads, and {@code tempRoot} for checkouts instead of the system's temp folder. */
    JGitRepositoryScanner(ScanObserver observer, Path tempRoot) {
        this(observer, tempRoot, 0);
    }

    /**
     * With an observer of reads, {@code tempRoot} for checkouts instead of the system's temp
     * folder, and {@code threads} to diff on (0: the default of {@code [scanner] threads}).
     */
    JGitRepositoryScanner(ScanObserver observer, Path tempRoot, int threads) {
        this(observer, tempRoot, threads, DiffWorkers.BATCH);
    }

    /** As above, with workers diffing {@code batchSize} consecutive commits at a time. */
    JGitRepositoryScanner(ScanObserver observer, Path tempRoot, int threads, int batchSize) {
        this.observer = observer;
        this.batchSize = batchSize;
        this.tempRoot = tempRoot;
        this.threads = diffThreads(threads);
    }

    /** {@code [scanner] threads}: how many threads diff commits (0: as {@link #diffThreads}). */
    @Activate
    @Modified
    void configure(PackCacheConfiguration.Scanner settings) {
        threads = diffThreads(settings.threads());
    }

    /**
     * The configured count, else one per processor. The scan's thread then only walks the history
     * and tells the listeners, and the diffs (reading blobs and counting lines, most of a scan's
     * CPU) share the cores with the plugins, the collector and the JIT compiler
     * (docs/performance.md).
     */
    private static int diffThreads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void scan(ScanRequest request, PluginDataRequirements requirements, ScanListener listener)
            throws ScanException {
        scan(request, requirements, listener, ChangeCache.NONE);
    }

    @Override
    public void scan(ScanRequest request, PluginDataRequirements requirements, ScanListener listener,
            ChangeCache cache) throws ScanException {
        RequestCheck.check(request);
        Path requested = request.repository().toAbsolutePath().normalize();
        try (Repository repository = open(requested)) {
            Path location = (repository.isBare() ? repository.getDirectory() : repository.getWorkTree()).toPath()
                    .toAbsolutePath().normalize();
            String branch = request.branch() == null ? Constants.HEAD : request.branch();
            ObjectId start = resolve(repository, branch, location);
            listener.onStart(new ScanTarget(location, branch, start == null ? null : start.name()));
            if (start != null) {
                walk(repository, start, request, requirements, listener, cache, location);
            }
        }
    }

    private static Repository open(Path requested) throws ScanException {
        if (!Files.exists(requested)) {
            throw badInput("no such directory: " + requested);
        }
        if (!Files.isDirectory(requested)) {
            throw badInput("not a directory: " + requested + " (pass the path of a repository or a directory inside one)");
        }
        checkReadable(requested);
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(requested.toFile());
        if (builder.getGitDir() == null) {
            // JGit passes over a .git it may not read and looks further up, as if there were none
            checkReadable(requested.resolve(Constants.DOT_GIT));
            throw notARepository(requested);
        }
        try {
            return builder.build();
        } catch (RepositoryNotFoundException e) {
            throw notARepository(requested);
        } catch (IOException e) {
            throw new ScanException(ScanException.Reason.FAILED,
                    "cannot open the repository at " + requested + ": " + oneLine(e), e);
        }
    }

    /** Git says "Permission denied" where gstats would otherwise say "not a Git repository". */
    private static void checkReadable(Path path) throws ScanException {
        if (Files.exists(path) && !(Files.isReadable(path) && (!Files.isDirectory(path) || Files.isExecutable(path)))) {
            throw badInput("permission denied: cannot read " + path + " (run gstats as a user who may read it)");
        }
    }

    /**
     * How many walked commits may wait to be told: what keeps the workers busy, or while the
     * cache's answers would wait, more (within {@code --max-commits}), so that the walk goes on.
     */
    private static int ahead(DiffWorkers workers, ChangeCache cache, int maxCommits) {
        if (cache.ready()) {
            return workers.inFlight();
        }
        int ahead = maxCommits > 0 ? Math.min(AHEAD_WHILE_CACHE_NOT_READY, maxCommits) : AHEAD_WHILE_CACHE_NOT_READY;
        return Math.max(workers.inFlight(), ahead);
    }

    /** The commit to start from, or {@code null} when the repository has no commits at all. */
    private static ObjectId resolve(Repository repository, String branch, Path location) throws ScanException {
        try {
            ObjectId start = repository.resolve(branch + "^{commit}");
            if (start != null) {
                return start;
            }
            Ref ref = repository.exactRef(branch);
            String target = ref != null && ref.isSymbolic() ? ref.getTarget().getName() : Constants.R_HEADS + branch;
            checkBroken(repository, target, location);
            List<String> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                    .filter(candidate -> candidate.getObjectId() != null)
                    .map(candidate -> Repository.shortenRefName(candidate.getName())).sorted().toList();
            if (ref != null && ref.isSymbolic() && !branches.isEmpty()) {
                throw badInput(branch + " points to branch " + Repository.shortenRefName(target) + ", which has no "
                        + "commits, in " + location + "; scan one of: " + String.join(", ", branches)
                        + " (--branch NAME)");
            }
            if (!repository.getRefDatabase().hasRefs()) {
                return null;
            }
        } catch (AmbiguousObjectException e) {
            throw badInput("ambiguous commit '" + branch + "' in " + location + " (give more of its id)");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            throw unknownBranch(branch, location);
        } catch (IOException e) {
            throw new ScanException(ScanException.Reason.FAILED,
                    "cannot read '" + branch + "' in " + location + ": " + oneLine(e), e);
        }
        throw unknownBranch(branch, location);
    }

    /**
     * A branch whose file is there but holds no commit id: JGit passes over it as if the branch
     * did not exist, git calls it broken.
     */
    private static void checkBroken(Repository repository, String refName, Path location) throws ScanException {
        Path loose = repository.getCommonDirectory().toPath().resolve(refName);
        if (refName.startsWith(Constants.R_REFS) && Files.isRegularFile(loose)) {
            throw badInput("branch " + Repository.shortenRefName(refName) + " in " + location + " is broken: "
                    + loose + " does not hold a commit id (git: your current branch appears to be broken)");
        }
    }

    private void walk(Repository repository, ObjectId start, ScanRequest request,
            PluginDataRequirements requirements, ScanListener listener, ChangeCache cache, Path location)
            throws ScanException {
        RevCommit current = null;
        DamagedPacks packs = new DamagedPacks(new File(repository.getCommonDirectory(), "objects"));
        // Warnings of the walk and of the diffs wait for their commit's turn, as the diffs run ahead.
        List<ScanWarning> walkWarnings = new ArrayList<>();
        MissingObjects walkMissing = request.strict() ? MissingObjects.strict(packs)
                : MissingObjects.reportTo(walkWarnings::add, packs);
        MissingObjects headMissing = request.strict() ? MissingObjects.strict(packs)
                : MissingObjects.reportTo(listener::onWarning, packs);
        try (ObjectReader reader = ReplacingReader.open(repository,
                request.replaceObjects() && ReplacingReader.replaceRefsByEnvironment());
                PackedBlobs packedBlobs = packedBlobs(repository, reader);
                RevWalk revWalk = new RevWalk(reader);
                CheckoutManager checkouts = new CheckoutManager(tempRoot)) {
            RevCommit head = revWalk.parseCommit(start);
            current = head;
            TreeFilter paths = PathGlobs.of(request.includes(), request.excludes());
            FileTracker tracker = FileTracker.of(reader, head.getTree(), paths);
            BlobCache blobs = new BlobCache(reader, packedBlobs, (id, blob) -> {
                observer.blobRead();
                tracker.read(id, blob);
            });
            ContentReader content = new ContentReader(blobs, reader, requirements, observer);
            if (requirements.filesOnDisk()) {
                listener.onCheckout(checkouts.checkout(reader, head));
            }
            CommitWalk commits = new CommitWalk(revWalk, start, request.since(), request.until(),
                    request.firstParent(), walkMissing);
            RevFlag walkedFlag = revWalk.newFlag("walked");
            GitAttributes attributes = GitAttributes.of(repository);
            DiffWorkers.DifferFactory differs = (workerReader, warnings) -> differ(request, requirements, paths,
                    commits, blobs.withReader(workerReader), workerReader, attributes, cache,
                    request.strict() ? MissingObjects.strict(packs) : MissingObjects.reportTo(warnings, packs));
            Mailmap mailmap = request.mailmap() ? Mailmap.read(repository, reader) : Mailmap.NONE;
            Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
            HeadFiles headFiles = new HeadFiles(tracker, blobs, told(cache, reader));
            StoredWalk stored = null;
            ObjectId storedHead = null;
            if (wholeWalk(request, requirements, paths, reader, shallow)) {
                String identities = mailmap.fingerprint();
                // the store's answer waits for its open: read the head's files meanwhile, which every scan reads
                while (!cache.ready() && headFiles.readNext()) {
                    stopIfInterrupted(location);
                }
                stored = cache.walked(identities);
                cache.walking(identities);
                if (stored != null && !stored.ids().isEmpty() && present(reader, stored.ids())) {
                    storedHead = ObjectId.fromString(stored.ids().get(0));
                    if (storedHead.equals(start)) {
                        replay(stored, request, requirements, paths, attributes, reader, blobs, packs, cache,
                                listener);
                        tellHead(head, headFiles, content, headMissing, listener);
                        listener.onEnd();
                        return;
                    }
                    commits.watch(idSet(stored.ids()));
                }
            }
            // the walk came down to the stored walk's head alone and waits for what it walked to be told
            boolean paused = false;
            // what it walked was told without a warning, and the stored walk tells the rest
            boolean handedOff = false;
            boolean warned = false;
            boolean limited = false;
            RevCommit unreadFrom = null;
            Set<String> droppedPacks = new HashSet<>();
            try (DiffWorkers workers = DiffWorkers.start(threads, batchSize, reader, differs)) {
                Deque<Pending> pending = new ArrayDeque<>();
                int reported = 0;
                boolean walked = false;
                Exception walkFailure = null;
                while (!walked || !pending.isEmpty()) {
                    stopIfInterrupted(location);
                    if (!walked && !paused && pending.size() < ahead(workers, cache, request.maxCommits())) {
                        RevCommit commit;
                        try {
                            commit = commits.next();
                        } catch (IOException | LargeObjectException e) {
                            // a single-threaded scan would have told the commits before it first
                            walkFailure = e;
                            walked = true;
                            continue;
                        }
                        if (commit != null) {
                            current = commit;
                            commit.add(walkedFlag);
                            revWalk.parseBody(commit);
                            CommitInfo info = CommitInfos.of(commit, mailmap);
                            commit.disposeBody();
                            pending.add(new Pending(commit, info, List.copyOf(walkWarnings), shallow.contains(commit),
                                    workers.submit(commit, info)));
                            walkWarnings.clear();
                            paused = storedHead != null && commits.downTo(storedHead);
                        } else {
                            walked = true;
                        }
                        continue;
                    }
                    if (walked || paused) {
                        // the last commits make a batch shorter than the others
                        workers.flush();
                    }
                    if (paused && pending.isEmpty()) {
                        paused = false;
                        if (!warned && walkWarnings.isEmpty() && commits.firstMissing() == null
                                && droppedPacks.isEmpty()) {
                            handedOff = true;
                            walked = true;
                        } else {
                            // what it walked warned: walk on, as a scan without a stored walk does
                            storedHead = null;
                        }
                        continue;
                    }
                    Pending next = pending.poll();
                    RevCommit walkedTo = current;
                    current = next.commit();
                    boolean reportedNext = next.tell(listener, location);
                    warned |= next.warned();
                    if (reportedNext && ++reported == request.maxCommits()) {
                        walkWarnings.clear();
                        limited = true;
                        break;
                    }
                    current = walkedTo;
                    droppedPacks.addAll(next.damagedPacks(packs));
                    if (!pending.isEmpty() && !droppedPacks.isEmpty() && packs.packHolding(pending.peek().commit())
                            .filter(droppedPacks::contains).isPresent()) {
                        // JGit has dropped that pack: a single-threaded walk would have stopped at this commit, the
                        // next it reads from it, so it and the commits walked past it count as unread, as there
                        unreadFrom = pending.peek().commit();
                        pending.forEach(ahead -> ahead.commit().remove(walkedFlag));
                        pending.clear();
                        walkWarnings.clear();
                        walkFailure = null;
                        walked = true;
                    }
                }
                if (walkFailure instanceof IOException e) {
                    throw e;
                }
                if (walkFailure instanceof LargeObjectException e) {
                    throw e;
                }
            }
            if (handedOff) {
                replay(stored, request, requirements, paths, attributes, reader, blobs, packs, cache, listener);
            }
            walkWarnings.forEach(listener::onWarning);
            if (unreadFrom == null) {
                unreadFrom = commits.firstMissing();
            }
            if (unreadFrom != null && !limited) {
                reportUnread(repository, start, request, unreadFrom, headMissing, listener,
                        id -> revWalk.lookupOrNull(id) instanceof RevCommit known && known.has(walkedFlag));
            }
            current = head;
            tellHead(head, headFiles, content, headMissing, listener);
            listener.onEnd();
        } catch (InterruptedIOException e) {
            throw interrupted(location);
        } catch (MissingObjectException e) {
            throw new ScanException(ScanException.Reason.FAILED,
                    headMissing.describe(e.getObjectId(), neededBy(current) + " in " + location, ""), e);
        } catch (IOException | LargeObjectException e) {
            throw new ScanException(ScanException.Reason.FAILED,
                    "cannot read " + (current == null ? "the history" : "commit " + current.name()) + " in "
                            + location + ": " + oneLine(e),
                    e);
        }
    }

    /** Tells every file at the head, and its content as far as the plugins asked. */
    private static void tellHead(RevCommit head, HeadFiles headFiles, ContentReader content,
            MissingObjects headMissing, ScanListener listener) throws IOException {
        List<FileTracker.HeadFile> files = headFiles.files();
        for (int i = 0; i < files.size(); i++) {
            FileTracker.HeadFile file = files.get(i);
            FileInfo info;
            try {
                info = headFiles.info(i);
            } catch (MissingObjectException e) {
                headMissing.skip(e, head.name(), "its file " + file.path() + " at the head is not reported");
                continue;
            }
            listener.onFileInfo(info);
            FileContent headContent = content.head(file, info, head.name());
            if (headContent != null) {
                listener.onFileContent(headContent);
            }
        }
    }

    /**
     * Whether the scan tells its whole walk, each commit as it is, so that a walk the store kept
     * may stand in for it and this one may be kept: no filter of commits or paths, no replaced
     * objects or grafts (the store's commits are the objects' own), no shallow history, and no
     * plugin asking for each commit's content (which is read through the walked commits).
     */
    private static boolean wholeWalk(ScanRequest request, PluginDataRequirements requirements, TreeFilter paths,
            ObjectReader reader, Set<ObjectId> shallow) {
        return request.since() == null && request.until() == null && request.author() == null
                && request.maxCommits() == 0 && paths == TreeFilter.ALL && !(reader instanceof ReplacingReader)
                && shallow.isEmpty() && !requirements.historicalContent();
    }

    /**
     * What the cache says an earlier scan told of a head file's blob, when the repository still has
     * the blob: a lost one is read, and missed as a scan without the cache misses it. None under
     * replaced objects, whose content their id does not name.
     */
    private static FileTracker.Told told(ChangeCache cache, ObjectReader reader) {
        if (reader instanceof ReplacingReader) {
            return FileTracker.Told.NONE;
        }
        return file -> {
            FileInfo told = cache.recordedFile(file.path(), file.id().name());
            return told != null && reader.has(file.id()) ? told : null;
        };
    }

    /**
     * Whether the repository still has every commit of a stored walk: one that lost some since
     * (a damaged or pruned repository) is walked, so that what is missing is said as a walk says it.
     */
    private static boolean present(ObjectReader reader, List<String> ids) throws IOException {
        for (String id : ids) {
            if (!reader.has(ObjectId.fromString(id))) {
                return false;
            }
        }
        return true;
    }

    private static Set<ObjectId> idSet(List<String> ids) {
        Set<ObjectId> set = new HashSet<>(ids.size() * 4 / 3 + 1);
        for (String id : ids) {
            set.add(ObjectId.fromString(id));
        }
        return set;
    }

    /**
     * Tells a stored walk's commits as the walk would: in its order, each with its recorded
     * changes (none for a merge, unless first-parent), a commit whose recorded value cannot be
     * read diffed here. The stored walk is the one a scan with the same change settings and
     * mailmap told from its head, and a commit id names its parents and times for ever, so git's
     * order over the same commits is the same order ({@link CommitWalk}): from that head, or from a
     * newer start once the walk has come down to that head alone ({@link CommitWalk#downTo}).
     */
    private static void replay(StoredWalk stored, ScanRequest request, PluginDataRequirements requirements,
            TreeFilter paths, GitAttributes attributes, ObjectReader reader, BlobCache blobs, DamagedPacks packs,
            ChangeCache cache, ScanListener listener) throws IOException {
        CommitDiffer differ = null;
        try (RevWalk revWalk = new RevWalk(reader)) {
            for (CommitInfo info : stored) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException();
                }
                List<FileChange> changes = info.isMerge() && !request.firstParent() ? List.of()
                        : cache.recorded(info.id());
                if (changes == null) {
                    if (differ == null) {
                        differ = commitDiffer(request, requirements, paths, blobs, reader, attributes,
                                request.strict() ? MissingObjects.strict(packs)
                                        : MissingObjects.reportTo(listener::onWarning, packs));
                    }
                    RevCommit commit = revWalk.parseCommit(ObjectId.fromString(info.id()));
                    changes = differ.changes(commit,
                            commit.getParentCount() == 0 ? null : revWalk.parseCommit(commit.getParent(0)));
                }
                listener.onCommit(info);
                for (FileChange change : changes) {
                    listener.onFileChange(change);
                }
            }
        }
    }

    /**
     * Blobs read from the packs with every base kept ({@link PackedBlobs}), unless objects are
     * replaced: then every read goes through the replacing reader.
     */
    private static PackedBlobs packedBlobs(Repository repository, ObjectReader reader) {
        return reader instanceof ReplacingReader ? null
                : PackedBlobs.of(repository.getObjectDatabase(),
                        PackCacheConfiguration.deltaBaseCacheLimit(Runtime.getRuntime().maxMemory()));
    }

    /** A differ with the request's rename detection, diff algorithm and paths, and the plugins' needs. */
    private static CommitDiffer commitDiffer(ScanRequest request, PluginDataRequirements requirements,
            TreeFilter paths, BlobCache blobs, ObjectReader reader, GitAttributes attributes, MissingObjects missing) {
        return new CommitDiffer(reader, blobs, request.detectRenames(), paths, LineCounter.of(request.diffAlgorithm()),
                missing, attributes, requirements.historicalContent());
    }

    /** A worker's differ: its own reader and line counter, the scan's kept blobs and filters. */
    private DiffWorkers.Differ differ(ScanRequest request, PluginDataRequirements requirements, TreeFilter paths,
            CommitWalk commits, BlobCache blobs, ObjectReader reader, GitAttributes attributes, ChangeCache cache,
            MissingObjects missing) {
        CommitDiffer differ = commitDiffer(request, requirements, paths, blobs, reader, attributes, missing);
        CommitSelection selection = new CommitSelection(differ, commits, request.author(), request.firstParent(),
                paths != TreeFilter.ALL, cache);
        ContentReader content = new ContentReader(blobs, reader, requirements, observer);
        return (commit, info) -> {
            List<FileChange> changes = selection.changes(commit, info);
            if (changes == null) {
                return DiffWorkers.Outcome.of(null, null);
            }
            List<FileContent> historical = new ArrayList<>(changes.size());
            for (FileChange change : changes) {
                historical.add(content.historical(commit, change));
            }
            return DiffWorkers.Outcome.of(changes, historical);
        };
    }

    /**
     * A walked commit waiting for its diff's outcome to be told, with the warnings the walk gave
     * on the way to it.
     */
    private record Pending(RevCommit commit, CommitInfo info, List<ScanWarning> walkWarnings, boolean shallow,
            CompletableFuture<DiffWorkers.Outcome> outcome) {

        /** Whether telling it said a warning; once told. */
        boolean warned() {
            return !walkWarnings.isEmpty() || !outcome.getNow(null).warnings().isEmpty() || shallow;
        }

        /** Tells the listener what a single-threaded scan would; whether the commit was reported. */
        boolean tell(ScanListener listener, Path location) throws IOException, ScanException {
            DiffWorkers.Outcome told = outcome(location);
            walkWarnings.forEach(listener::onWarning);
            told.warnings().forEach(listener::onWarning);
            if (told.reported()) {
                listener.onCommit(info);
                for (int i = 0; i < told.changes().size(); i++) {
                    listener.onFileChange(told.changes().get(i));
                    FileContent after = told.historical().get(i);
                    if (after != null) {
                        listener.onHistoricalContent(after);
                    }
                }
            }
            // said even when the filters leave the commit out: the history behind it is unknown
            if (shallow) {
                listener.onWarning(new ScanWarning(commit.name(), null, "shallow clone: the history stops at "
                        + "commit " + commit.name() + ", whose parents are not in the repository"));
            }
            return told.reported();
        }

        /**
         * The packs in which the told diff found an object JGit could not read (JGit has dropped
         * them since, with every object in them).
         */
        Set<String> damagedPacks(DamagedPacks packs) {
            Set<String> damaged = new HashSet<>();
            for (ScanWarning warning : outcome.getNow(null).warnings()) {
                if (warning.objectId() != null && ObjectId.isId(warning.objectId())) {
                    packs.packHolding(ObjectId.fromString(warning.objectId())).ifPresent(damaged::add);
                }
            }
            return damaged;
        }

        private DiffWorkers.Outcome outcome(Path location) throws IOException, ScanException {
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(location);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /**
     * A line of history stopped at a commit that could not be read: finds the commits lost
     * behind it, which JGit may not read even when they are intact (it stops reading a whole
     * pack at its first damaged object), by walking the same history again on a fresh
     * instance of the repository, commits only, and says how many the scan could not read and
     * the first {@value #UNREAD_NAMED} of them, newest first, for {@code git log} or {@code git fsck}.
     *
     * @param walked whether the scan's own walk got to a commit
     */
    private static void reportUnread(Repository repository, ObjectId start, ScanRequest request, RevCommit stop,
            MissingObjects missing, ScanListener listener, Predicate<ObjectId> walked) {
        long unread = 0;
        List<String> named = new ArrayList<>();
        try (Repository fresh = new FileRepositoryBuilder().setGitDir(repository.getDirectory()).setMustExist(true)
                .build(); RevWalk walk = new RevWalk(fresh)) {
            CommitWalk again = new CommitWalk(walk, start, request.since(), request.until(), request.firstParent(),
                    MissingObjects.ignore(new DamagedPacks(new File(fresh.getCommonDirectory(), "objects"))));
            for (RevCommit commit = again.next(); commit != null; commit = again.next()) {
                if (!walked.test(commit)) {
                    unread++;
                    if (named.size() < UNREAD_NAMED) {
                        named.add(commit.name());
                    }
                }
            }
        } catch (IOException e) {
            // the second walk is no better: what the first one could not go past is lost, at least that one
        }
        String which = "";
        if (unread == 0 || named.equals(List.of(stop.name()))) {
            unread = 1;
        } else {
            which = "; " + (unread == 1 ? "it is " : unread > named.size() ? "the first " + named.size() + " are "
                    : "they are ") + String.join(" ", named);
        }
        listener.onWarning(new ScanWarning(stop.name(), stop.name(), (unread == 1 ? "1 commit" : unread + " commits")
                + " could not be read: the history stops at commit " + stop.name() + ", which is "
                + missing.state(stop) + which, unread));
    }

    /**
     * Ctrl-C in the shell interrupts the command's thread: stop between commits (JGit stops
     * within a read, with an {@link InterruptedIOException}), and let the checkout go.
     */
    private static void stopIfInterrupted(Path location) throws ScanException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(location);
        }
    }

    private static ScanException interrupted(Path location) {
        return new ScanException(ScanException.Reason.FAILED, "the scan of " + location + " was interrupted");
    }

    private static String neededBy(RevCommit commit) {
        return commit == null ? "" : " needed by commit " + commit.name();
    }

    private static ScanException notARepository(Path requested) {
        return badInput("not a Git repository: " + requested
                + " (pass the path of a repository or a directory inside one)");
    }

    private static ScanException unknownBranch(String branch, Path location) {
        return badInput("unknown branch or commit '" + branch + "' in " + location);
    }

    private static ScanException badInput(String message) {
        return new ScanException(ScanException.Reason.BAD_INPUT, message);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
