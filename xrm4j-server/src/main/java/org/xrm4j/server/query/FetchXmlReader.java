package org.xrm4j.server.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * A cursor over a FetchXML document: it walks child elements, reads and checks attributes, and turns every problem
 * into an {@code InvalidFetchXml} fault that names the element and says where in the text it is.
 *
 * <p>FetchXML comes from callers, so the reader is defensive. The factory has DTD support and external entities
 * switched off and every external access denied; on top of that a {@code DOCTYPE} is refused outright rather than
 * skipped, so no entity, internal or external, is ever declared, let alone expanded. Nesting is capped at
 * {@link #MAX_DEPTH} because the parser walks the tree recursively and a deeply nested filter must not be able to
 * exhaust the stack.
 *
 * <p>Positioning contract: {@link #nextChild()} is called with the cursor on an element's start tag or on the end tag
 * of its previous child; it stops on the next child's start tag (true) or on the element's own end tag (false).
 */
final class FetchXmlReader implements AutoCloseable {
    /** Far beyond any real query (Dataverse itself allows 15 link-entities), far below a stack overflow. */
    static final int MAX_DEPTH = 64;

    private final XMLStreamReader xml;
    private final Deque<String> open = new ArrayDeque<>();

    private FetchXmlReader(XMLStreamReader xml) { this.xml = xml; }

    /** A StAX factory that cannot be made to read a DTD, an external entity or any other resource. */
    static XMLInputFactory secureFactory() {
        // The JDK's own implementation, not whatever provider the class path offers: the settings below are
        // checked against its behaviour, and another provider might ignore or reject some of them.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    /** Opens the text and moves to its root element, refusing a DOCTYPE on the way. */
    static FetchXmlReader open(String text) {
        XMLStreamReader xml;
        try {
            xml = secureFactory().createXMLStreamReader(new java.io.StringReader(text));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
        FetchXmlReader reader = new FetchXmlReader(xml);
        while (true) {
            int event = reader.advance();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> { reader.open.push(xml.getLocalName()); return reader; }
                case XMLStreamConstants.DTD -> throw reader.invalid("DOCTYPE declarations are not allowed in FetchXML");
                case XMLStreamConstants.END_DOCUMENT -> throw reader.invalid("The FetchXML query has no <fetch> element");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> reader.requireBlank();
                default -> { /* comments, processing instructions, whitespace */ }
            }
        }
    }

    /** The local name of the element the cursor is on. */
    String name() { return xml.getLocalName(); }

    /** Moves to the next child element; false when the current element's end tag is reached instead. */
    boolean nextChild() {
        while (true) {
            int event = advance();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw invalid("The FetchXML query is nested more than " + MAX_DEPTH + " elements deep");
                    }
                    open.push(xml.getLocalName());
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> { open.pop(); return false; }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> requireBlank();
                case XMLStreamConstants.ENTITY_REFERENCE -> throw invalid("Entity references are not allowed in FetchXML");
                default -> { /* comments, processing instructions, whitespace */ }
            }
        }
    }

    /** Consumes an element that must have no child elements, such as {@code <attribute>} or {@code <order>}. */
    void requireNoChildren() {
        String element = name();
        if (nextChild()) throw invalid("<" + name() + "> is not allowed inside <" + element + ">");
    }

    /** The text of a leaf element such as {@code <value>}; the cursor ends on its end tag. */
    String text() {
        String element = name();
        try {
            String text = xml.getElementText();
            open.pop();
            return text;
        } catch (XMLStreamException e) {
            // getElementText stops on a nested start tag; anything else is the document being malformed.
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                throw invalid("<" + element + "> must contain only text, not <" + xml.getLocalName() + ">");
            }
            throw notWellFormed(e);
        }
    }

    /** Refuses any attribute outside {@code known}, so that a misspelt or unsupported one is not silently dropped. */
    void allowAttributes(Set<String> known) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attribute = xml.getAttributeLocalName(i);
            if (!known.contains(attribute)) {
                throw invalid("<" + name() + "> does not support the attribute '" + attribute + "'"
                        + (known.isEmpty() ? "" : "; supported attributes: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /** The attribute's value, or {@code null} when it is absent. */
    String attribute(String attribute) { return xml.getAttributeValue(null, attribute); }

    /** The attribute's value; a fault when it is absent or blank. */
    String required(String attribute) {
        String value = attribute(attribute);
        if (value == null || value.isBlank()) {
            throw invalid("<" + name() + "> requires a non-empty '" + attribute + "' attribute");
        }
        return value;
    }

    /** An {@code xs:boolean} attribute; absent means false. */
    boolean flag(String attribute) {
        String value = attribute(attribute);
        if (value == null) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid("'" + attribute + "' on <" + name() + "> must be true or false, not '" + value + "'");
        };
    }

    /** A positive whole-number attribute, or {@code null} when it is absent. */
    Integer positive(String attribute) {
        String value = attribute(attribute);
        if (value == null) return null;
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) return number;
        } catch (NumberFormatException e) {
            // reported below with the same message as a non-positive number
        }
        throw invalid("'" + attribute + "' on <" + name() + "> must be a positive whole number, not '" + value + "'");
    }

    /** Reads to the end of the document, so that anything after the root element is still checked. */
    void finish() {
        while (advance() != XMLStreamConstants.END_DOCUMENT) {
            // the parser itself rejects a second root element or stray text after the first
        }
    }

    /** An {@code InvalidFetchXml} fault whose message ends with the current position. */
    FaultException invalid(String message) {
        return new FaultException(ErrorCodes.InvalidFetchXml, message + at(xml.getLocation()));
    }

    @Override public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing is held open for a string source; closing cannot lose anything
        }
    }

    private int advance() {
        try {
            return xml.next();
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private void requireBlank() {
        if (!xml.isWhiteSpace() && !xml.getText().isBlank()) {
            String where = open.isEmpty() ? "outside <fetch>" : "inside <" + open.peek() + ">";
            throw invalid("Unexpected text " + where + ": '" + abbreviate(xml.getText().strip()) + "'");
        }
    }

    private static FaultException notWellFormed(XMLStreamException e) {
        // The JDK prefixes its message with "ParseError at [row,col]:[r,c] Message:"; keep the sentence only and
        // state the position once, in the same form as every other fault here.
        String detail = String.valueOf(e.getMessage());
        int cut = detail.indexOf("Message:");
        if (cut >= 0) detail = detail.substring(cut + "Message:".length());
        return new FaultException(ErrorCodes.InvalidFetchXml,
                "The FetchXML query is not well-formed XML: " + detail.strip() + at(e.getLocation()));
    }

    private static String at(Location location) {
        if (location == null || location.getLineNumber() < 0) return "";
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static String abbreviate(String text) { return text.length() <= 40 ? text : text.substring(0, 40) + "..."; }
}
