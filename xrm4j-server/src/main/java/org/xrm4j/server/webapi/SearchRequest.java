package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a Dataverse search request, in either endpoint version's form: version 1.0 sends lists as JSON arrays
 * and names options {@code searchmode}, {@code searchtype}, {@code returntotalrecordcount}, {@code usefuzzy}; version
 * 2.0 sends {@code entities}, {@code facets}, {@code orderby} and {@code options} as JSON text and names {@code count}
 * and {@code fuzzy}. Property names are matched without regard to case, as clients send {@code orderBy} or
 * {@code orderby}. {@code propertybag} (the caller's correlation data) is accepted and not used.
 */
record SearchRequest(Kind kind, String version, String search, List<SearchEntity> entities, String filter,
                     List<String> facets, List<String> orderBy, int top, int skip, boolean count, boolean matchAll, boolean full) {

    enum Kind { query, suggest, autocomplete }

    /** A table to search: its columns to return and to search in (all text columns when empty), and its own filter. */
    record SearchEntity(String name, List<String> selectColumns, List<String> searchColumns, String filter) {}

    static final int MAX_TEXT = 100;
    static final int MAX_TOP = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SearchRequest parse(Kind kind, String version, byte[] body) {
        Map<String, JsonNode> p = properties(body);
        JsonNode searchNode = p.get("search");
        if (searchNode == null || !searchNode.isString() || searchNode.asString().isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The search request needs 'search', the text to search for (1 to 100 characters).");
        }
        String search = searchNode.asString();
        if (search.length() > MAX_TEXT) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The search text has " + search.length()
                    + " characters; it may have at most " + MAX_TEXT + ".");
        }
        if (kind == Kind.suggest && search.trim().length() < 3) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Suggestions need a search text of at least 3 characters, not '" + search + "'.");
        }
        if (bool(p, "fuzzy") || bool(p, "usefuzzy")) {
            throw new FaultException(ErrorCodes.NotSupported, "Fuzzy search is not supported; send the search without 'fuzzy'"
                    + " (or with false) and use a trailing * to match the start of a word.");
        }
        JsonNode options = list(p.get("options"), "options");
        boolean matchAll = "all".equalsIgnoreCase(text(p, "searchmode")) || option(options, "searchmode", "all")
                || flag(options, "searchmodelall");
        String type = text(p, "searchtype");
        boolean full = "full".equalsIgnoreCase(type) || option(options, "querytype", "lucene") || option(options, "querytype", "full")
                || flag(options, "lucene");
        int defaultTop = kind == Kind.suggest ? 5 : 50;
        int top = integer(p, "top", defaultTop);
        if (top < 1 || top > MAX_TOP) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'top' is " + top + "; it must be from 1 to " + MAX_TOP + ".");
        }
        int skip = integer(p, "skip", 0);
        if (skip < 0) throw new FaultException(ErrorCodes.InvalidArgument, "'skip' is " + skip + "; it must be 0 or more.");
        boolean count = bool(p, "count") || bool(p, "returntotalrecordcount");
        return new SearchRequest(kind, version, search, entities(p.get("entities")), text(p, "filter"),
                strings(p.get("facets"), "facets"), strings(p.get("orderby"), "orderby"), top, skip, count, matchAll, full);
    }

    private static Map<String, JsonNode> properties(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The search request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The search request body must be a JSON object such as {\"search\":\"contoso\"}.");
        }
        Map<String, JsonNode> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> e : root.properties()) p.put(e.getKey(), e.getValue());
        return p;
    }

    /** The value itself, or the JSON that a version 2.0 client sends as text. */
    private static JsonNode list(JsonNode v, String name) {
        if (v == null || v.isNull()) return null;
        if (!v.isString()) return v;
        String t = v.asString().trim();
        if (t.isEmpty()) return null;
        if (!t.startsWith("[") && !t.startsWith("{")) return v;
        try {
            return JSON.readTree(t);
        } catch (JacksonException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static List<SearchEntity> entities(JsonNode raw) {
        JsonNode v = list(raw, "entities");
        if (v == null) return null;
        List<SearchEntity> out = new ArrayList<>();
        for (JsonNode item : v.isArray() ? v.values() : List.of(v)) {
            if (item.isString()) {
                out.add(new SearchEntity(item.asString(), List.of(), List.of(), null));
            } else if (item.isObject() && item.get("name") != null && item.get("name").isString()) {
                out.add(new SearchEntity(item.get("name").asString(), strings(item.get("selectColumns"), "selectColumns"),
                        strings(item.get("searchColumns"), "searchColumns"),
                        item.get("filter") == null || item.get("filter").isNull() ? null : item.get("filter").asString()));
            } else {
                throw new FaultException(ErrorCodes.InvalidArgument, "'entities' holds table names or objects with a 'name'"
                        + " (and optional selectColumns, searchColumns, filter); '" + item + "' is neither.");
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode raw, String name) {
        JsonNode v = list(raw, name);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        if (v.isString()) {
            for (String s : v.asString().split(",")) if (!s.isBlank()) out.add(s.trim());
            return out;
        }
        if (!v.isArray()) throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' must be a list of text values.");
        for (JsonNode item : v.values()) {
            if (!item.isString()) throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' must be a list of text values.");
            out.add(item.asString().trim());
        }
        return out;
    }

    private static String text(Map<String, JsonNode> p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' must be text.");
        return v.asString().isBlank() ? null : v.asString();
    }

    private static boolean bool(Map<String, JsonNode> p, String name) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isString() && (v.asString().equalsIgnoreCase("true") || v.asString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asString());
        }
        throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' must be true or false.");
    }

    private static int integer(Map<String, JsonNode> p, String name, int otherwise) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return otherwise;
        if (v.isIntegralNumber() && v.canConvertToInt()) return v.intValue();
        throw new FaultException(ErrorCodes.InvalidArgument, "'" + name + "' must be a whole number.");
    }

    /** An option of the object form, {@code {"searchmode":"all","querytype":"lucene"}}. */
    private static boolean option(JsonNode options, String name, String value) {
        if (options == null || !options.isObject()) return false;
        for (Map.Entry<String, JsonNode> e : options.properties()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue().isString() && e.getValue().asString().equalsIgnoreCase(value)) return true;
        }
        return false;
    }

    /** An option of the list form, {@code ["lucene","searchmodelall"]}. */
    private static boolean flag(JsonNode options, String name) {
        if (options == null || !options.isArray()) return false;
        for (JsonNode o : options.values()) if (o.isString() && o.asString().toLowerCase(Locale.ROOT).equals(name)) return true;
        return false;
    }
}
