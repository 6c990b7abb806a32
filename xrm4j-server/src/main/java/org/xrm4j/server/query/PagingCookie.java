package org.xrm4j.server.query;

import java.io.StringReader;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Dataverse's paging cookie: {@code <cookie page="2"><accountid last="{GUID}" first="{GUID}" /></cookie>}, the
 * page number of the page just returned and the primary keys of its first and last records.
 *
 * <p>Clients treat the cookie as opaque and hand it back, XML-escaped, in the next request's {@code paging-cookie}
 * attribute (or {@link org.xrm4j.sdk.query.PagingInfo#pagingCookie()}). That makes it caller input: {@link #page}
 * parses it with the same locked-down XML reader as FetchXML and answers "no page" for anything it does not
 * recognise, never an exception, so that a damaged cookie degrades to plain page-number paging.
 *
 * <p>GUIDs are written upper-case in braces because that is what Dataverse emits and what clients that inspect
 * the cookie expect.
 */
public final class PagingCookie {
    // The key is written as an element name, so it must be one; logical names always are.
    private static final Pattern LOGICAL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PagingCookie() {}

    /**
     * The cookie for a page.
     *
     * @param page the number of the page the cookie accompanies, 1-based
     * @param entityPrimaryKey the primary key column's logical name, such as {@code accountid}
     * @param first the page's first record, or {@code null} (the attribute is then left out)
     * @param last the page's last record, or {@code null} (the attribute is then left out)
     * @throws IllegalArgumentException for a page below 1 or a key that is not a logical name
     */
    public static String create(int page, String entityPrimaryKey, UUID first, UUID last) {
        if (page < 1) throw new IllegalArgumentException("page must be 1 or more, was " + page);
        if (entityPrimaryKey == null || !LOGICAL_NAME.matcher(entityPrimaryKey).matches()) {
            throw new IllegalArgumentException("not a logical name: " + entityPrimaryKey);
        }
        StringBuilder cookie = new StringBuilder("<cookie page=\"").append(page).append("\"><").append(entityPrimaryKey);
        if (last != null) cookie.append(" last=\"").append(braced(last)).append('"');
        if (first != null) cookie.append(" first=\"").append(braced(first)).append('"');
        return cookie.append(" /></cookie>").toString();
    }

    /** The page number a cookie carries; empty for {@code null}, malformed XML or a missing or invalid number. */
    public static OptionalInt page(String cookie) {
        if (cookie == null || cookie.isBlank()) return OptionalInt.empty();
        XMLStreamReader xml = null;
        try {
            xml = FetchXmlReader.secureFactory().createXMLStreamReader(new StringReader(cookie));
            OptionalInt page = OptionalInt.empty();
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) return OptionalInt.empty();
                if (event == XMLStreamConstants.START_ELEMENT && root) {
                    root = false;
                    if (!xml.getLocalName().equals("cookie")) return OptionalInt.empty();
                    page = number(xml.getAttributeValue(null, "page"));
                    if (page.isEmpty()) return page;
                }
            }
            // Only a cookie that is well-formed to its end counts; a truncated one may have been tampered with.
            return page;
        } catch (XMLStreamException | RuntimeException e) {
            return OptionalInt.empty();
        } finally {
            close(xml);
        }
    }

    private static OptionalInt number(String text) {
        if (text == null) return OptionalInt.empty();
        try {
            int page = Integer.parseInt(text.trim());
            return page >= 1 ? OptionalInt.of(page) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String braced(UUID id) { return "{" + id.toString().toUpperCase(Locale.ROOT) + "}"; }

    private static void close(XMLStreamReader xml) {
        if (xml == null) return;
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // a string source holds nothing open
        }
    }
}
