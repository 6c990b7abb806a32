package org.xrm4j.server.webapi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The {@code $<Content-ID>} references of one change set: a part that creates or addresses a record registers it
 * under its Content-ID, and a later part of the same change set names it as its whole URL ({@code PATCH $1}), as a
 * URL prefix ({@code $1/nav}, {@code $1?$select=}), or as a value of {@code x@odata.bind} or {@code @odata.id} in its
 * body. Ids of new records are chosen before anything runs, so a reference resolves to a plain record address.
 */
final class ContentIdReferences {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REFERENCE = Pattern.compile("^\\$([A-Za-z0-9_.-]+)(.*)$");

    private final Map<String, String> addresses = new HashMap<>();

    /** Records that the part with {@code contentId} created or addressed {@code address} ({@code accounts(<id>)}). */
    void register(String contentId, String address) {
        if (contentId != null && address != null) addresses.put(contentId, address);
    }

    /** The URL with a leading {@code $n} replaced by its record's address, relative to the service root. */
    String url(String url) {
        Matcher m = REFERENCE.matcher(url);
        if (!m.matches()) return url;
        String rest = m.group(2);
        if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') return url;
        return address(m.group(1)) + rest;
    }

    /** The body with every {@code $n} bind or id value replaced by {@code /<address>}; other bodies as they are. */
    byte[] body(byte[] body) {
        if (!containsReference(body)) return body;
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return body; // the operation answers for a malformed body
        }
        return rewrite(tree) ? JSON.writeValueAsBytes(tree) : body;
    }

    private boolean rewrite(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (String name : new java.util.ArrayList<>(o.propertyNames())) {
                JsonNode value = o.get(name);
                boolean bind = name.endsWith("@odata.bind") || name.equals("@odata.id");
                if (bind && value.isString() && value.asString().startsWith("$")) {
                    o.put(name, "/" + url(value.asString()));
                    changed = true;
                } else if (bind && value instanceof ArrayNode a) {
                    for (int i = 0; i < a.size(); i++) {
                        if (a.get(i).isString() && a.get(i).asString().startsWith("$")) {
                            a.set(i, StringNode.valueOf("/" + url(a.get(i).asString())));
                            changed = true;
                        }
                    }
                } else {
                    changed |= rewrite(value);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode element : a) changed |= rewrite(element);
        }
        return changed;
    }

    private static boolean containsReference(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) if (body[i] == '"' && body[i + 1] == '$') return true;
        return false;
    }

    private String address(String contentId) {
        String address = addresses.get(contentId);
        if (address == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Content-ID Reference: '$" + contentId
                    + "' does not exist in the batch context. A reference names the Content-ID of an earlier request"
                    + " of the same change set that creates or addresses a record.");
        }
        return address;
    }
}
