package org.gstats.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class FileChangeTest {

    @Test
    public void binaryChangesCarryNoLineCounts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new FileChange("c1", "blob.bin", null, ChangeType.MODIFIED, 4, 2, true, 8, 9, -1));
        assertEquals("binary change of blob.bin with line counts", error.getMessage());
    }

    @Test
    public void lineCountsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> new FileChange("c1", "a.txt", null, ChangeType.MODIFIED, -1, 0, false, 8, 9, 3));
    }

    @Test
    public void binaryChangeWithSizes() {
        FileChange change = new FileChange("c1", "blob.bin", null, ChangeType.MODIFIED, 0, 0, true, 8, 9, -1);
        assertEquals(9, change.newSize());
    }
}
