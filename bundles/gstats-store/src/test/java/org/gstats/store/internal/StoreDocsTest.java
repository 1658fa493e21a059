package org.gstats.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gstats.store.internal.schema.Tables;
import org.junit.Test;

/**
 * docs/store.md describes the tables with the text {@link Tables#markdown()} makes from the
 * schema itself: a column added to the schema and not to the documentation fails here.
 * To update the documentation, paste the "actual" text of the failure between the markers.
 */
public class StoreDocsTest {

    static final String START = "<!-- tables: generated from Tables.java, checked by StoreDocsTest -->\n";
    static final String END = "<!-- end of tables -->";

    @Test
    public void theDocumentedTablesAreTheSchemas() throws Exception {
        String doc = Files.readString(Path.of("../../docs/store.md"));
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue("docs/store.md lacks the generated tables' markers", start >= 0 && end > start);
        assertEquals(Tables.markdown(), doc.substring(start + START.length(), end));
    }
}
