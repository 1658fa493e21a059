package org.gstats.serve.internal.http;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ResponsesTest {

    @Test
    public void ifNoneMatchNamesTheTagAmongOthersWeaklyOrByStar() {
        assertTrue(Responses.matches("\"abc\"", "\"abc\""));
        assertTrue(Responses.matches("\"x\", \"abc\"", "\"abc\""));
        assertTrue(Responses.matches("W/\"abc\"", "\"abc\""));
        assertTrue(Responses.matches("*", "\"abc\""));
        assertFalse(Responses.matches(null, "\"abc\""));
        assertFalse(Responses.matches("\"abc-gzip\"", "\"abc\""));
        assertFalse(Responses.matches("abc", "\"abc\""));
    }
}
