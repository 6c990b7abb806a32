package org.xrm4j.server.solutions;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * A small read-only element tree built with StAX. Solution files are read with DTDs and external entities off, so a
 * hostile file can neither reach the network or the disk nor expand entities; namespaces are ignored because the
 * solution schema uses only the default one (plus {@code xsi:nil}). Element names are matched case-insensitively,
 * since SolutionPackager output and exports differ in case ({@code Solution.xml}, {@code solution.xml}).
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlElement(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** Parses a whole document (with or without a UTF-8 byte order mark or XML declaration). */
    static XmlElement parse(byte[] bytes, String fileName) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), "UTF-8");
            List<XmlElement> stack = new ArrayList<>();
            XmlElement root = null;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        XmlElement e = new XmlElement(r.getLocalName(), attrs);
                        if (stack.isEmpty()) root = e; else stack.getLast().children.add(e);
                        stack.add(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.removeLast();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!stack.isEmpty()) stack.getLast().text.append(r.getText());
                    }
                    case XMLStreamConstants.DTD -> throw invalid(fileName, "a document type declaration is not allowed");
                    default -> { }
                }
            }
            if (root == null) throw invalid(fileName, "the file is empty");
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof FaultException fe) throw fe;
            throw invalid(fileName, e.getMessage());
        } finally {
            if (r != null) try { r.close(); } catch (XMLStreamException ignored) { /* nothing held */ }
        }
    }

    private static FaultException invalid(String fileName, String why) {
        return new FaultException(ErrorCodes.ImportCustomizationsBadZipFileError,
                "The solution file is invalid: " + fileName + " is not well-formed XML (" + why + ").");
    }

    String name() { return name; }

    /** An attribute by local name, or {@code null}. */
    String attr(String attribute) {
        for (Map.Entry<String, String> a : attributes.entrySet()) if (a.getKey().equalsIgnoreCase(attribute)) return a.getValue();
        return null;
    }

    String text() { return text.toString().trim(); }

    /** The first child of that name, or {@code null}. */
    XmlElement child(String childName) {
        for (XmlElement c : children) if (c.name.equalsIgnoreCase(childName)) return c;
        return null;
    }

    /** Every child element, in document order. */
    List<XmlElement> children() { return List.copyOf(children); }

    /** The value of the first attribute, or {@code null} when there is none. */
    String firstAttr() { return attributes.isEmpty() ? null : attributes.values().iterator().next(); }

    List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) if (c.name.equalsIgnoreCase(childName)) out.add(c);
        return out;
    }

    /** The element at a path of child names, or {@code null} when any step is missing. */
    XmlElement at(String... path) {
        XmlElement e = this;
        for (String p : path) {
            e = e.child(p);
            if (e == null) return null;
        }
        return e;
    }

    /** The trimmed text of a child, or {@code null} when absent or empty. */
    String childText(String childName) {
        XmlElement c = child(childName);
        if (c == null) return null;
        String t = c.text();
        return t.isEmpty() ? null : t;
    }

    /** The first {@code description} of a list of localized labels (LocalizedNames, labels, displaynames). */
    String label(String listName) {
        XmlElement list = child(listName);
        if (list == null) return null;
        for (XmlElement c : list.children) if (c.attr("description") != null) return c.attr("description");
        return null;
    }

    static String lower(String s) { return s == null ? null : s.toLowerCase(Locale.ROOT); }
}
