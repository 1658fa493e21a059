package org.gstats.itests.rowcount;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;

/**
 * A third party's report format, {@value #FORMAT}: one line per report item, its name and how
 * many rows (tables) or values (fields) it has. ThirdPartyFormatIT ships it in a bundle
 * of its own, built from this class and a DS descriptor, that imports only the report API.
 */
public class RowCountReportWriter implements ReportWriter {

    public static final String FORMAT = "rowcount";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : report.itemNames()) {
            ReportItem item = report.item(name).orElseThrow();
            int size = item instanceof Table table ? table.rows().size() : ((Fields) item).values().size();
            text.append(name).append(' ').append(size).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
