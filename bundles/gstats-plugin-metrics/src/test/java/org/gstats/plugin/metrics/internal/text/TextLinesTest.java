package org.gstats.plugin.metrics.internal.text;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Line starts and blank lines, as the passes that share them counted them each on their own. */
public class TextLinesTest {

    @Test
    public void everyNewlineStartsALineAndTheLastMayBeEmpty() {
        TextLines lines = TextLines.of("a\n \t\r\n\nb".toCharArray());
        assertArrayEquals(new int[] {0, 2, 6, 7}, lines.starts());
        assertFalse(lines.blank(0));
        assertTrue("white space only, a carriage return too", lines.blank(1));
        assertTrue(lines.blank(2));
        assertFalse(lines.blank(3));
        assertFalse("b is on the last line", lines.empty(3));

        TextLines ended = TextLines.of("x\n".toCharArray());
        assertEquals(2, ended.count());
        assertTrue("after a final newline", ended.empty(1));

        TextLines none = TextLines.of(new char[0]);
        assertArrayEquals(new int[] {0}, none.starts());
        assertTrue(none.empty(0));
    }

    @Test
    public void manyLinesGrowTheTables() {
        String text = "x\n".repeat(1000) + "  ";
        TextLines lines = TextLines.of(text.toCharArray());
        assertEquals(1001, lines.count());
        assertEquals(1998, lines.starts()[999]);
        assertTrue(lines.blank(1000));
        assertFalse(lines.empty(1000));
    }
}
