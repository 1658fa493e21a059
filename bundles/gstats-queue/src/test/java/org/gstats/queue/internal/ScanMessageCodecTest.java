package org.gstats.queue.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.junit.Test;

/** The stored fixtures were written by make-fixtures.py beside them, not by this codec. */
public class ScanMessageCodecTest {

    private static final OffsetDateTime AUTHORED = Instant.ofEpochSecond(1700000000)
            .atOffset(ZoneOffset.ofHours(1));
    private static final OffsetDateTime COMMITTED = Instant.ofEpochSecond(1700003600)
            .atOffset(ZoneOffset.ofHours(-5));
    private static final CommitInfo V2_COMMIT = new CommitInfo("3f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a",
            List.of("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"), "Zoë Author", "zoe@example.org", AUTHORED,
            "Carl Committer", "carl@example.org", COMMITTED, "Fix the frobnicator");

    private static final FileChange V2_CHANGE = new FileChange("3f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a",
            "src/new name.txt", "src/old name.txt", ChangeType.RENAMED, 12, 3, false, 1000, 1234, 57);

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ScanMessageCodecTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    public void writesTheStoredVersion3BytesExactly() throws IOException {
        assertArrayEquals(fixture("commit-v3.bin"),
                ScanMessageCodec.encode(9, Instant.ofEpochMilli(1700000000789L), V2_COMMIT));
    }

    @Test
    public void readsVersion3WithItsZones() throws IOException {
        ScanMessageCodec.Message message = ScanMessageCodec.decode(fixture("commit-v3.bin"));
        assertEquals(new ScanMessageCodec.Message(9, Instant.ofEpochMilli(1700000000789L), 3, V2_COMMIT), message);
        assertEquals(60, ((CommitInfo) message.event()).authorZoneMinutes());
        assertEquals(-300, ((CommitInfo) message.event()).commitZoneMinutes());
    }

    @Test
    public void readsVersion2() throws IOException {
        ScanMessageCodec.Message message = ScanMessageCodec.decode(fixture("commit-v2.bin"));
        assertEquals(new ScanMessageCodec.Message(8, Instant.ofEpochMilli(1700000000456L), 2, V2_COMMIT), message);
    }

    @Test
    public void readsVersion1WithTheAuthorAsCommitter() throws IOException {
        ScanMessageCodec.Message message = ScanMessageCodec.decode(fixture("commit-v1.bin"));
        assertEquals(new ScanMessageCodec.Message(7, Instant.ofEpochMilli(1700000000123L), 1,
                new CommitInfo(V2_COMMIT.id(), V2_COMMIT.parentIds(), "Zoë Author", "zoe@example.org", AUTHORED,
                        "Zoë Author", "zoe@example.org", AUTHORED, "Fix the frobnicator")), message);
    }

    @Test
    public void readsVersion4SkippingTheFieldsItDoesNotKnow() throws IOException {
        ScanMessageCodec.Message message = ScanMessageCodec.decode(fixture("commit-v4.bin"));
        assertEquals(new ScanMessageCodec.Message(13, Instant.ofEpochMilli(1700000000999L), 4, V2_COMMIT), message);
    }

    @Test
    public void keepsAZoneBeyondEighteenHours() {
        // git reads +9999 as 99 hours and 99 minutes; ZoneOffset cannot hold it, the zone minutes do
        CommitInfo odd = new CommitInfo("z", List.of(), "n", "e", AUTHORED, "n", "e", COMMITTED, "s", 6039, -6039);
        CommitInfo read = (CommitInfo) ScanMessageCodec.decode(ScanMessageCodec.encode(1, Instant.EPOCH, odd)).event();
        assertEquals(odd, read);
        assertEquals(6039, read.authorZoneMinutes());
        assertEquals("2023-11-19T02:52:20", read.authorLocalTime().toString());
    }

    @Test
    public void writesTheStoredVersion3FileChangeAndReadsVersion2() throws IOException {
        byte[] stored = fixture("change-v3.bin");
        assertArrayEquals(stored, ScanMessageCodec.encode(12, Instant.ofEpochMilli(1700000003000L), V2_CHANGE));
        assertEquals(new ScanMessageCodec.Message(11, Instant.ofEpochMilli(1700000002000L), 2, V2_CHANGE),
                ScanMessageCodec.decode(fixture("change-v2.bin")));
    }

    @Test
    public void readsAVersion1FileChangeWithoutSizes() throws IOException {
        assertEquals(new ScanMessageCodec.Message(10, Instant.ofEpochMilli(1700000001000L), 1,
                new FileChange(V2_CHANGE.commitId(), "src/new name.txt", "src/old name.txt", ChangeType.RENAMED, 12, 3,
                        false, 0, 0, 0)), ScanMessageCodec.decode(fixture("change-v1.bin")));
    }

    @Test
    public void readsAVersion4FileChangeSkippingTheFieldsItDoesNotKnow() throws IOException {
        assertEquals(new ScanMessageCodec.Message(14, Instant.ofEpochMilli(1700000004000L), 4, V2_CHANGE),
                ScanMessageCodec.decode(fixture("change-v4.bin")));
    }

    @Test
    public void roundTripsFileChangesOfEveryKind() {
        List<FileChange> changes = List.of(
                new FileChange("c", "bin/logo.png", null, ChangeType.ADDED, 0, 0, true, 0, 4096, -1),
                new FileChange("c", "gone.txt", null, ChangeType.DELETED, 0, 10, false, 120, 0, 0),
                new FileChange("c", "copy.txt", "orig.txt", ChangeType.COPIED, 1, 0, false, 5, 6, 2),
                new FileChange("c", "ünïcode.md", null, ChangeType.MODIFIED, Integer.MAX_VALUE, 0, false, 0,
                        Long.MAX_VALUE, Integer.MAX_VALUE));
        for (FileChange change : changes) {
            assertEquals(change, ScanMessageCodec.decode(ScanMessageCodec.encode(3, Instant.EPOCH, change)).event());
        }
    }

    @Test
    public void roundTripsRootCommitsMergesAndMissingNames() {
        CommitInfo merge = new CommitInfo("c", List.of("a", "b"), null, "", AUTHORED, "", null, COMMITTED, "");
        CommitInfo root = new CommitInfo("r", List.of(), "n", "e",
                OffsetDateTime.parse("1969-12-31T23:59:59-12:00"), "n", "e", AUTHORED, "line one\nline two");
        for (CommitInfo commit : List.of(merge, root, V2_COMMIT)) {
            byte[] bytes = ScanMessageCodec.encode(Long.MAX_VALUE, Instant.EPOCH, commit);
            assertEquals(commit, ScanMessageCodec.decode(bytes).event());
            assertEquals(Long.MAX_VALUE, ScanMessageCodec.decode(bytes).sequence());
        }
    }

    @Test
    public void aMessageCutShortIsAnError() throws IOException {
        byte[] whole = fixture("commit-v2.bin");
        try {
            ScanMessageCodec.decode(Arrays.copyOf(whole, whole.length - 3));
            fail("a cut message was read");
        } catch (IllegalArgumentException e) {
            assertEquals("scan message cut short or damaged", e.getMessage());
        }
    }
}
