package org.gstats.plugin.export.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.gstats.api.report.Fields;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.osgi.service.component.annotations.Component;

/**
 * The report as XML in the namespace {@value #NAMESPACE}, valid against the schema
 * {@value #SCHEMA} that ships in this bundle: the JSON document's data, with every value
 * typed by its element ({@code string}, {@code integer}, {@code number}, {@code boolean},
 * {@code null}), every table row a {@code row} of values in column order, and every name (of a
 * section, fields, a table, a field, a column) an element of text too. Written with the
 * JDK's StAX writer; text is escaped by {@link XmlText}, because the JDK's own escaping lets
 * through characters that XML 1.0 cannot carry. Compact, or indented with {@code --pretty}.
 */
@Component(service = ReportWriter.class, property = ReportWriter.FORMAT_PROPERTY + "=" + XmlReportWriter.FORMAT)
public class XmlReportWriter implements ReportWriter {

    static final String FORMAT = "xml";
    static final String NAMESPACE = "urn:gstats:report:1";
    /** Where the schema lies in the bundle. */
    static final String SCHEMA = "/xsd/gstats-report-1.xsd";

    /** The JDK factory's switch for its own escaping. */
    private static final String ESCAPE_CHARACTERS = "escapeCharacters";
    private static final String INDENT = "  ";

    private final XMLOutputFactory factory;

    public XmlReportWriter() {
        // the JDK's own, whatever StAX implementation a context class loader might offer
        factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(ESCAPE_CHARACTERS, false);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Set<Option> options() {
        return Set.of(Option.PRETTY);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, WriterOptions.DEFAULT, out);
    }

    @Override
    public void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(text);
            new Document(xml, options.pretty()).write(report);
            // XMLStreamWriter.close() leaves the underlying stream open, flush() is what we need
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
        text.write('\n');
        text.flush();
    }

    /** One document being written; {@code depth} is the nesting of the element being written. */
    private static final class Document {
        private final XMLStreamWriter xml;
        private final boolean pretty;
        private int depth;

        Document(XMLStreamWriter xml, boolean pretty) {
            this.xml = xml;
            this.pretty = pretty;
        }

        void write(Report report) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newLine();
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "report");
            xml.writeDefaultNamespace(NAMESPACE);
            depth++;
            header(report.header());
            open("sections");
            for (ReportSection section : report.sections()) {
                open("section", section.name());
                for (ReportItem item : section.items()) {
                    if (item instanceof Fields fields) {
                        fields(fields);
                    } else {
                        table((Table) item);
                    }
                }
                close();
            }
            close();
            errors(report.errors());
            close();
            xml.writeEndDocument();
        }

        private void header(ReportHeader header) throws XMLStreamException {
            open("gstats");
            textElement("version", header.version());
            textElement("repository", header.repository());
            textElement("branch", header.branch());
            textElement("head", header.head());
            textElement("started", header.started() == null ? null : header.started().toString());
            number("duration_ms", header.durationMs());
            if (header.peakHeapBytes() != null) {
                number("peak_heap_bytes", header.peakHeapBytes());
            }
            if (header.pressureChanges() != null) {
                number("pressure_changes", header.pressureChanges());
            }
            if (header.blockedMs() != null) {
                number("blocked_ms", header.blockedMs());
            }
            close();
        }

        private void number(String name, long value) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(Long.toString(value));
            xml.writeEndElement();
        }

        private void fields(Fields fields) throws XMLStreamException {
            open("fields", fields.name());
            for (Map.Entry<String, Object> entry : fields.values().entrySet()) {
                indent();
                xml.writeStartElement("field");
                text("name", entry.getKey());
                value(entry.getValue());
                xml.writeEndElement();
            }
            close();
        }

        private void table(Table table) throws XMLStreamException {
            open("table", table.name());
            indent();
            xml.writeStartElement("columns");
            for (String column : table.columns()) {
                text("column", column);
            }
            xml.writeEndElement();
            for (List<Object> row : table.rows()) {
                indent();
                xml.writeStartElement("row");
                for (Object value : row) {
                    value(value);
                }
                xml.writeEndElement();
            }
            close();
        }

        private void errors(List<ReportError> errors) throws XMLStreamException {
            open("errors");
            for (ReportError error : errors) {
                open("error");
                textElement("plugin", error.plugin());
                textElement("message", error.message());
                close();
            }
            close();
        }

        private void value(Object value) throws XMLStreamException {
            Object normalized = ReportValues.normalize(value);
            if (normalized == null) {
                xml.writeEmptyElement("null");
            } else if (normalized instanceof String text) {
                text("string", text);
            } else {
                String element = normalized instanceof Boolean ? "boolean"
                        : normalized instanceof Long || normalized instanceof BigInteger ? "integer"
                        : "number";
                xml.writeStartElement(element);
                xml.writeCharacters(normalized instanceof Number ? ReportValues.numberText(normalized)
                        : normalized.toString());
                xml.writeEndElement();
            }
        }

        /** An element of text on a line of its own; absent when the text is null. */
        private void textElement(String element, String text) throws XMLStreamException {
            if (text != null) {
                indent();
                text(element, text);
            }
        }

        private void text(String element, String raw) throws XMLStreamException {
            String text = ReportValues.text(raw);
            boolean escapes = XmlText.needsEscapes(text);
            xml.writeStartElement(element);
            if (escapes) {
                xml.writeAttribute("escaped", "true");
            }
            xml.writeCharacters(XmlText.content(text, escapes));
            xml.writeEndElement();
        }

        private void open(String element) throws XMLStreamException {
            indent();
            xml.writeStartElement(element);
            depth++;
        }

        /** A named container: its name is its first child, text like any other. */
        private void open(String element, String name) throws XMLStreamException {
            open(element);
            textElement("name", name);
        }

        private void close() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            if (pretty) {
                xml.writeCharacters("\n" + INDENT.repeat(depth));
            }
        }

        private void newLine() throws XMLStreamException {
            xml.writeCharacters("\n");
        }
    }
}
