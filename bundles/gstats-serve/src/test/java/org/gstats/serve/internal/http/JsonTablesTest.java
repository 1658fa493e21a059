package org.gstats.serve.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Arrays;
import java.util.List;

import org.gstats.api.report.Report;
import org.gstats.api.report.Table;
import org.junit.Test;

public class JsonTablesTest {

    private static final String REPORT = "{\"gstats\": {}, \"sections\": {\"commits\": {"
            + "\"totals\": {\"commits\": 3},"
            + "\"authors\": [{\"name\": \"Ann\", \"commits\": 2, \"share\": 0.5, \"bot\": false, \"email\": null},"
            + " {\"name\": \"Bob\", \"commits\": 1, \"share\": 1.0E-1, \"bot\": true, \"email\": \"b@x\"}],"
            + "\"tags\": []}}, \"columns\": {\"commits\": {\"tags\": [\"tag\", \"commit\"]}}}";

    @Test
    public void aTableIsAnArrayUnderItsSection() {
        assertEquals(2, JsonTables.rows(REPORT, "commits.authors").rows().size());
        assertNull("fields are not a table", JsonTables.rows(REPORT, "commits.totals"));
        assertNull(JsonTables.rows(REPORT, "commits.nothing"));
        assertNull(JsonTables.rows(REPORT, "nothing.authors"));
        assertNull(JsonTables.rows(REPORT, "authors"));
    }

    @Test
    public void aTableWithoutRowsHasTheColumnsTheReportNames() {
        Report report = JsonTables.report("commits.tags", JsonTables.rows(REPORT, "commits.tags"));
        Table table = (Table) report.item("commits.tags").orElseThrow();
        assertEquals(List.of("tag", "commit"), table.columns());
        assertEquals(List.of(), table.rows());
    }

    @Test
    public void theRowsBecomeATableWithTheirColumnsInOrderAndTheirValuesTyped() {
        Report report = JsonTables.report("commits.authors", JsonTables.rows(REPORT, "commits.authors"));
        Table table = (Table) report.item("commits.authors").orElseThrow();
        assertEquals(List.of("name", "commits", "share", "bot", "email"), table.columns());
        assertEquals(Arrays.asList("Ann", 2L, 0.5, false, null), table.rows().get(0));
        assertEquals(Arrays.asList("Bob", 1L, 0.1, true, "b@x"), table.rows().get(1));
    }
}
