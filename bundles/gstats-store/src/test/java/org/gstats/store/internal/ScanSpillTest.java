package org.gstats.store.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.gstats.api.ChangeType;
import org.gstats.api.CommitInfo;
import org.gstats.api.FileChange;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Spilled commits read back equal and in id order, as often as they are read, and the file goes on close. */
public class ScanSpillTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void commitsAndChangesReadBackEqualInIdOrderEveryTime() throws Exception {
        // a zone beyond ZoneOffset's range, empty and missing names, a summary longer than writeUTF takes
        CommitInfo odd = new CommitInfo("a".repeat(40), List.of("b".repeat(40), "c".repeat(40)), "", null,
                OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 600, ZoneOffset.UTC), "Zoë", "z@example.com",
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "ü".repeat(70_000), 99 * 60 + 99, -330);
        CommitInfo root = new CommitInfo("d".repeat(40), List.of(), "Ann", "ann@example.com",
                OffsetDateTime.of(2021, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)), "Ann", "ann@example.com",
                OffsetDateTime.of(2021, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)), "root");
        byte[] changes = ChangeCodec.encode(List.of(new FileChange(root.id(), "a.txt", null, ChangeType.ADDED, 1, 0,
                false, 0, 2, 1)));
        Path file;
        try (ScanSpill spill = ScanSpill.create(temp.getRoot().toPath())) {
            file = spill.file();
            // read back by id, not as appended
            spill.append(root, changes);
            spill.append(odd, null);
            assertEquals(2, spill.commits());
            for (int reading = 0; reading < 2; reading++) {
                List<CommitInfo> commits = new ArrayList<>();
                List<byte[]> values = new ArrayList<>();
                spill.read((commit, value) -> {
                    commits.add(commit);
                    values.add(value);
                });
                assertEquals(List.of(odd, root), commits);
                assertNull(values.get(0));
                assertArrayEquals(changes, values.get(1));
            }
        }
        assertFalse(Files.exists(file));
    }

    @Test
    public void manyCommitsComeBackInIdOrderAndIdsAlikeAsAppended() throws Exception {
        Random random = new Random(14);
        List<CommitInfo> appended = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            byte[] id = new byte[20];
            random.nextBytes(id);
            appended.add(commit(HexFormat.of().formatHex(id)));
        }
        // alike in their first 15 digits, the key's: as appended, not by id
        appended.add(commit("f".repeat(15) + "2".repeat(25)));
        appended.add(commit("f".repeat(15) + "1".repeat(25)));
        List<CommitInfo> expected = new ArrayList<>(appended);
        expected.sort(Comparator.comparing((CommitInfo commit) -> commit.id().substring(0, 15)));
        try (ScanSpill spill = ScanSpill.create(temp.getRoot().toPath())) {
            for (CommitInfo commit : appended) {
                spill.append(commit, null);
            }
            List<CommitInfo> read = new ArrayList<>();
            spill.read((commit, value) -> read.add(commit));
            assertEquals(expected, read);
        }
    }

    @Test
    public void aDamagedRecordIsRefusedInOneLine() throws Exception {
        try (ScanSpill spill = ScanSpill.create(temp.getRoot().toPath())) {
            spill.append(commit("a".repeat(40)), new byte[] {1, 0});
            spill.seal();
            try (FileChannel file = FileChannel.open(spill.file(), StandardOpenOption.WRITE)) {
                // the id's length, past the record's end
                file.write(ByteBuffer.allocate(4).putInt(0, 1 << 20), 0);
            }
            IOException refused = assertThrows(IOException.class, () -> spill.read((commit, value) -> { }));
            assertTrue(refused.getMessage(), refused.getMessage().endsWith("holds a damaged record"));
        }
    }

    private static CommitInfo commit(String id) {
        OffsetDateTime time = OffsetDateTime.of(2021, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);
        return new CommitInfo(id, List.of(), "Ann", "ann@example.com", time, "Ann", "ann@example.com", time, "s");
    }
}
