package org.gstats.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gstats.api.ChangeType;
import org.gstats.api.FileChange;
import org.junit.Test;

public class ChangeCodecTest {

    private static final String ID = "0123456789abcdef0123456789abcdef01234567";

    private static final List<FileChange> CHANGES = List.of(
            new FileChange(ID, "src/Main.java", null, ChangeType.MODIFIED, 3, 1, false, 120, 140, 12),
            new FileChange(ID, "docs/ünïcode.md", "docs/old.md", ChangeType.RENAMED, 0, 0, false, 9, 9, 1),
            new FileChange(ID, "logo.bin", null, ChangeType.ADDED, 0, 0, true, 0, 5_000_000_000L, -1),
            new FileChange(ID, "gone.txt", null, ChangeType.DELETED, 0, 70_000, false, 1 << 20, 0, 0),
            new FileChange(ID, "copy.txt", "orig.txt", ChangeType.COPIED, 2, 0, false, 4, 6, 2));

    @Test
    public void changesComeBackAsTheyWent() {
        byte[] encoded = ChangeCodec.encode(CHANGES);
        assertEquals(CHANGES, ChangeCodec.decode(ID, encoded, new HashMap<>()));
        assertEquals(List.of(), ChangeCodec.decode(ID, ChangeCodec.encode(List.of()), new HashMap<>()));
    }

    @Test
    public void aPathChangedByManyCommitsIsOneString() {
        Map<String, String> paths = new HashMap<>();
        FileChange first = ChangeCodec.decode(ID, ChangeCodec.encode(CHANGES), paths).get(0);
        FileChange again = ChangeCodec.decode(ID, ChangeCodec.encode(CHANGES), paths).get(0);
        assertSame(first.path(), again.path());
    }

    @Test
    public void damagedOrForeignBytesAreRefused() {
        byte[] encoded = ChangeCodec.encode(CHANGES);
        assertThrows(IllegalArgumentException.class,
                () -> ChangeCodec.decode(ID, Arrays.copyOf(encoded, encoded.length - 1), new HashMap<>()));
        assertThrows(IllegalArgumentException.class,
                () -> ChangeCodec.decode(ID, Arrays.copyOf(encoded, encoded.length + 1), new HashMap<>()));
        byte[] foreign = encoded.clone();
        foreign[0] = (byte) (ChangeCodec.VERSION + 1);
        assertThrows(IllegalArgumentException.class, () -> ChangeCodec.decode(ID, foreign, new HashMap<>()));
    }
}
