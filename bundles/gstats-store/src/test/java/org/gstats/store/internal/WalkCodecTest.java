package org.gstats.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gstats.api.CommitInfo;
import org.gstats.api.scan.StoredWalk;
import org.junit.Test;

/**
 * A kept walk decodes to commits equal to those told, field by field, whatever their text and zones,
 * and parents in the walk or not (a first-parent walk leaves a merge's other parents out).
 */
public class WalkCodecTest {

    private static final String A = "a".repeat(40);
    private static final String B = "0123456789abcdef0123456789abcdef01234567";
    private static final String C = "f".repeat(40);

    @Test
    public void everyFieldComesBackAsTold() throws Exception {
        List<CommitInfo> told = List.of(
                commit(A, List.of(B, C, "e".repeat(40)), "Ann", "ann@example.com", "Merge side", 60, -300),
                // +9999 is 6039 minutes, beyond what an offset holds: the time stays in UTC
                commit(B, List.of(C), "Zoë \uD800 lone", "", "subject with \u00e9 and \uD83D\uDE00", 6039, 0),
                commit(C, List.of(), null, null, "", -720, 840),
                commit("1".repeat(40), List.of(), "Ann", "ann@example.com", null, 0, 0));
        WalkCodec.Writer writer = new WalkCodec.Writer();
        told.forEach(writer::add);
        StoredWalk walk = WalkCodec.decode(writer.value());

        assertEquals(told.stream().map(CommitInfo::id).toList(), walk.ids());
        List<CommitInfo> decoded = new ArrayList<>();
        walk.forEach(decoded::add);
        assertEquals(told, decoded);
    }

    @Test
    public void aDamagedValueIsRefused() throws Exception {
        WalkCodec.Writer writer = new WalkCodec.Writer();
        writer.add(commit(A, List.of(), "Ann", "ann@example.com", "one", 0, 0));
        byte[] value = writer.value();
        assertThrows(IllegalArgumentException.class, () -> WalkCodec.decode(Arrays.copyOf(value, value.length / 2)));
        assertThrows(IllegalArgumentException.class, () -> WalkCodec.decode(new byte[] {1, 2, 3}));
    }

    private static CommitInfo commit(String id, List<String> parents, String name, String email, String subject,
            int authorZone, int commitZone) {
        OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(1_700_000_000L, 5), ZoneOffset.UTC);
        return new CommitInfo(id, parents, name, email, time, "Com Mitter", "c@example.com", time.plusSeconds(30),
                subject, authorZone, commitZone);
    }
}
