package org.xrm4j.server.solutions;

import java.io.StringWriter;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The import log kept in {@code importjob.data}, in the shape clients read with XPath:
 * {@code //solutionManifest/UniqueName}, {@code //solutionManifest/result/@result} and a {@code result} element per
 * component with {@code @result}, {@code @errorcode} and {@code @errortext}.
 */
final class ImportLog {
    private ImportLog() {}

    static String write(SolutionManifest manifest, ImportPlan plan, String result, String errorText, Instant start, Instant stop) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartElement("importexportxml");
            w.writeAttribute("start", start.toString());
            w.writeAttribute("stop", stop.toString());
            w.writeAttribute("progress", "100");
            w.writeAttribute("processed", "true");
            w.writeStartElement("solutionManifests");
            w.writeStartElement("solutionManifest");
            w.writeAttribute("languagecode", "1033");
            w.writeAttribute("LocalizedName", manifest.friendlyName());
            w.writeAttribute("processed", "true");
            element(w, "UniqueName", manifest.uniqueName());
            element(w, "LocalizedName", manifest.friendlyName());
            element(w, "Version", manifest.version());
            element(w, "Managed", manifest.managed() ? "1" : "0");
            element(w, "Publisher", manifest.publisher().uniqueName());
            result(w, result, errorText, stop);
            w.writeEndElement();
            w.writeEndElement();
            if (plan != null) {
                section(w, plan, "entities", "entity", stop);
                section(w, plan, "attributes", "attribute", stop);
                section(w, plan, "optionSets", "optionSet", stop);
                section(w, plan, "relationships", "relationship", stop);
                section(w, plan, "components", "component", stop);
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the import log", e);
        }
        return out.toString();
    }

    private static void section(XMLStreamWriter w, ImportPlan plan, String list, String kind, Instant at) throws XMLStreamException {
        w.writeStartElement(list);
        for (ImportPlan.LogEntry e : plan.log) {
            if (!e.kind().equals(kind)) continue;
            w.writeStartElement(kind);
            w.writeAttribute("id", e.name());
            w.writeAttribute("name", e.name());
            w.writeAttribute("processed", "true");
            result(w, e.result(), e.errorText(), at);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void result(XMLStreamWriter w, String result, String errorText, Instant at) throws XMLStreamException {
        w.writeStartElement("result");
        w.writeAttribute("result", result);
        w.writeAttribute("errorcode", "failure".equals(result) ? "0x80048060" : "0");
        w.writeAttribute("errortext", errorText == null ? "" : errorText);
        w.writeAttribute("datetime", at.toString());
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }
}
