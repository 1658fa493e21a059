package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class AlignedColumnsTest {

    @Test
    public void widthCountsTerminalColumns() {
        assertEquals(3, AlignedColumns.width("abc"));
        assertEquals(3, AlignedColumns.width("Zoë"));
        assertEquals(3, AlignedColumns.width("Zoe\u0308"));
        assertEquals(6, AlignedColumns.width("日本語"));
        assertEquals(4, AlignedColumns.width("ok😀"));
        assertEquals(0, AlignedColumns.width(""));
    }

    @Test
    public void columnsArePaddedToTheWidestCellWithoutTrailingSpaces() {
        List<String> lines = AlignedColumns.layout(List.of(
                List.of("name", "n", "note"),
                List.of("日本", "100", ""),
                List.of("Zoe\u0308", "7", "x")), new boolean[] {false, true, false});

        assertEquals(List.of(
                "name    n  note",
                "日本  100",
                "Zoe\u0308     7  x"), lines);
    }

    @Test
    public void shortenKeepsBothEndsAndPathsKeepTheirFileName() {
        assertEquals("abcdef", AlignedColumns.shorten("abcdef", 6));
        assertEquals("abc…ij", AlignedColumns.shorten("abcdefghij", 6));
        assertEquals("日…語", AlignedColumns.shorten("日本本本語", 5));
        String path = "src/main/java/org/example/ImportantService.java";
        assertEquals("src/main/jav…/ImportantService.java", AlignedColumns.shortenPath(path, 35));
        assertEquals(35, AlignedColumns.width(AlignedColumns.shortenPath(path, 35)));
        assertEquals(AlignedColumns.shorten(path, 20), AlignedColumns.shortenPath(path, 20));
        assertEquals("src/m", AlignedColumns.prefix("src/main", 5));
    }
}
