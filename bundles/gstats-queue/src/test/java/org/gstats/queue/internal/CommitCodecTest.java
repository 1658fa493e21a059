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

import org.gstats.api.CommitInfo;
import org.junit.Test;

/** The stored fixtures were written by make-fixtures.py beside them, not by this codec. */
public class CommitCodecTest {

    private static final OffsetDateTime AUTHORED = Instant.ofEpochSecond(1700000000)
            .atOffset(ZoneOffset.ofHours(1));
    private static final OffsetDateTime COMMITTED = Instant.ofEpochSecond(1700003600)
            .atOffset(ZoneOffset.ofHours(-5));
    private static final CommitInfo V2_COMMIT = new CommitInfo("3f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a",
            List.of("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"), "Zoë Author", "zoe@example.org", AUTHORED,
            "Carl Committer", "carl@example.org", COMMITTED, "Fix the frobnicator");

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CommitCodecTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    public void writesTheStoredVersion2BytesExactly() throws IOException {
        assertArrayEquals(fixture("commit-v2.bin"),
                CommitCodec.encode(8, Instant.ofEpochMilli(1700000000456L), V2_COMMIT));
    }

    @Test
    public void readsVersion2() throws IOException {
        CommitCodec.Message message = CommitCodec.decode(fixture("commit-v2.bin"));
        assertEquals(new CommitCodec.Message(8, Instant.ofEpochMilli(1700000000456L), 2, V2_COMMIT), message);
    }

    @Test
    public void readsVersion1WithTheAuthorAsCommitter() throws IOException {
        CommitCodec.Message message = CommitCodec.decode(fixture("commit-v1.bin"));
        assertEquals(1, message.version());
        assertEquals(7, message.sequence());
        assertEquals(Instant.ofEpochMilli(1700000000123L), message.timestamp());
        assertEquals(new CommitInfo(V2_COMMIT.id(), V2_COMMIT.parentIds(), "Zoë Author", "zoe@example.org", AUTHORED,
                "Zoë Author", "zoe@example.org", AUTHORED, "Fix the frobnicator"), message.commit());
    }

    @Test
    public void readsVersion3SkippingTheFieldsItDoesNotKnow() throws IOException {
        CommitCodec.Message message = CommitCodec.decode(fixture("commit-v3.bin"));
        assertEquals(new CommitCodec.Message(9, Instant.ofEpochMilli(1700000000789L), 3, V2_COMMIT), message);
    }

    @Test
    public void roundTripsRootCommitsMergesAndMissingNames() {
        CommitInfo merge = new CommitInfo("c", List.of("a", "b"), null, "", AUTHORED, "", null, COMMITTED, "");
        CommitInfo root = new CommitInfo("r", List.of(), "n", "e",
                OffsetDateTime.parse("1969-12-31T23:59:59-12:00"), "n", "e", AUTHORED, "line one\nline two");
        for (CommitInfo commit : List.of(merge, root, V2_COMMIT)) {
            byte[] bytes = CommitCodec.encode(Long.MAX_VALUE, Instant.EPOCH, commit);
            assertEquals(commit, CommitCodec.decode(bytes).commit());
            assertEquals(Long.MAX_VALUE, CommitCodec.decode(bytes).sequence());
        }
    }

    @Test
    public void aMessageCutShortIsAnError() throws IOException {
        byte[] whole = fixture("commit-v2.bin");
        try {
            CommitCodec.decode(Arrays.copyOf(whole, whole.length - 3));
            fail("a cut message was read");
        } catch (IllegalArgumentException e) {
            assertEquals("commit message cut short or damaged", e.getMessage());
        }
    }
}
