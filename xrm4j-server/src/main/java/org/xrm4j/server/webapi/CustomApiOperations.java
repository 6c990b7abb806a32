package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom APIs over the Web API: unbound actions ({@code POST new_Bump}), unbound functions
 * ({@code GET new_Total(Amount=3)}) and actions bound to a record ({@code POST accounts(<id>)/Microsoft.Dynamics.CRM.new_Bump},
 * which passes the record as {@code Target}; the namespace is required there, as it tells the call from a navigation
 * property). A custom API's unique name carries its publisher's prefix, so a
 * prefixed name that is no entity set is taken for one; whether it is defined, and its parameters' types, the engine
 * checks (a JSON value becomes the declared type there), so an undefined name faults as an unknown message does.
 */
final class CustomApiOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAME = "([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)";
    private static final Pattern UNBOUND = Pattern.compile("^" + NAME + "(?:\\((.*)\\))?/?$");
    private static final Pattern BOUND = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\(\\{?([0-9A-Fa-f-]{36})\\}?\\)/Microsoft\\.Dynamics\\.CRM\\." + NAME + "(?:\\((.*)\\))?/?$");
    private static final Pattern ADDRESS = Pattern.compile("(?:^|/)([A-Za-z_][A-Za-z0-9_]*)\\(\\{?([0-9A-Fa-f-]{36})\\}?\\)$");

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    CustomApiOperations(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** Whether {@code path} has a custom API's shape: a prefixed name that no entity set has, alone or after a record. */
    static boolean names(OrganizationMetadata metadata, String path) {
        if (path.indexOf('_') < 0) return false; // a custom API's unique name carries its publisher's prefix
        Matcher unbound = UNBOUND.matcher(path);
        if (unbound.matches()) return metadata.entityBySetName(unbound.group(1)) == null;
        Matcher bound = BOUND.matcher(path);
        return bound.matches() && metadata.entityBySetName(bound.group(1)) != null;
    }

    Operation plan(String path) {
        Matcher unbound = UNBOUND.matcher(path);
        Matcher bound = BOUND.matcher(path);
        String name;
        String inline;
        OrganizationRequest call;
        if (unbound.matches()) {
            name = unbound.group(1);
            inline = unbound.group(2);
            call = new OrganizationRequest(name);
        } else if (bound.matches()) {
            name = bound.group(3);
            inline = bound.group(4);
            EntityMetadata set = metadata.entityBySetName(bound.group(1));
            call = new OrganizationRequest(name).set("Target", new EntityReference(set.logicalName(), UUID.fromString(bound.group(2))));
        } else {
            throw ResourcePath.notFound(path);
        }
        boolean function = inline != null;
        // Only a POST (an action) or a GET with parentheses (a function) can be a call; anything else on an unknown
        // name is an entity set that does not exist.
        if (!function && !request.method().equals("POST")) throw ResourcePath.notFound(path);
        if (function != request.method().equals("GET") || !(function || request.method().equals("POST"))) {
            throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.method() + "' is not allowed on '" + path
                    + "': a custom API that is an action is invoked with POST, one that is a function with GET and its parameters in parentheses.");
        }
        Map<String, JsonNode> parameters = function ? functionParameters(inline) : body();
        for (Map.Entry<String, JsonNode> p : parameters.entrySet()) call.set(p.getKey(), value(p.getKey(), p.getValue()));
        return Operation.of(call, this::answer);
    }

    /** 204 without response properties, else 200 with them, typed as the platform names a custom API's response. */
    private WebApiResponse answer(OrganizationResponse response) {
        if (response.results().isEmpty()) return WebApiResponse.empty(204);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM." + response.responseName() + "Response");
        for (Map.Entry<String, Object> e : response.results().entrySet()) {
            String key = e.getKey();
            switch (e.getValue()) {
                case null -> o.putNull(key);
                case Boolean b -> o.put(key, b);
                case Integer i -> o.put(key, i);
                case Long l -> o.put(key, l);
                case Double d -> o.put(key, d);
                case BigDecimal d -> o.put(key, d);
                case Money m -> o.put(key, m.value());
                case OptionSetValue v -> o.put(key, v.value());
                case String[] a -> { var array = o.putArray(key); for (String s : a) array.add(s); }
                case EntityReference r -> {
                    ObjectNode ref = o.putObject(key);
                    EntityMetadata e2 = metadata.entity(r.logicalName());
                    ref.put("@odata.type", "#Microsoft.Dynamics.CRM." + r.logicalName());
                    ref.put(e2.primaryIdAttribute(), r.id().toString());
                }
                default -> o.put(key, e.getValue().toString());
            }
        }
        return WebApiResponse.json(200, o.toString());
    }

    private Map<String, JsonNode> body() {
        byte[] bytes = request.body();
        Map<String, JsonNode> parameters = new HashMap<>();
        if (bytes.length == 0) return parameters;
        JsonNode node = JSON.readTree(bytes);
        if (!node.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "The body of an action must be a JSON object of its parameters.");
        for (var e : node.properties()) parameters.put(e.getKey(), e.getValue());
        return parameters;
    }

    /** {@code Name=value,...}: OData literals ({@code 'text'}, numbers, true, false, null) or {@code @alias} JSON from the query. */
    private Map<String, JsonNode> functionParameters(String inline) {
        Map<String, String> aliases = new HashMap<>();
        String query = request.rawQuery() == null ? "" : request.rawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.startsWith("@")) aliases.put(QueryOptions.decode(pair.substring(0, eq)), QueryOptions.decode(pair.substring(eq + 1)));
        }
        Map<String, JsonNode> parameters = new HashMap<>();
        for (String part : split(QueryOptions.decode(inline))) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new FaultException(ErrorCodes.InvalidArgument, "A function parameter is Name=value, not '" + part + "'.");
            String value = part.substring(eq + 1).trim();
            if (value.startsWith("@")) {
                String aliased = aliases.get(value);
                if (aliased == null) throw new FaultException(ErrorCodes.InvalidArgument, "The parameter alias " + value + " has no value in the query string.");
                value = aliased;
            }
            parameters.put(part.substring(0, eq).trim(), literal(value));
        }
        return parameters;
    }

    /** Splits on the commas outside quoted strings and JSON objects. */
    private static List<String> split(String inline) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inline.length(); i++) {
            char c = inline.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && (c == '{' || c == '[')) depth++;
            else if (!quoted && (c == '}' || c == ']')) depth--;
            else if (!quoted && depth == 0 && c == ',') {
                parts.add(inline.substring(start, i));
                start = i + 1;
            }
        }
        if (!inline.isBlank()) parts.add(inline.substring(start));
        return parts;
    }

    private static JsonNode literal(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return JsonNodeFactory.instance.stringNode(value.substring(1, value.length() - 1).replace("''", "'"));
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "'" + value + "' is no function parameter value: text is quoted ('text'),"
                    + " numbers, true, false and null are bare.");
        }
    }

    /** The JSON value as the SDK value nearest to it; the engine converts it to the parameter's declared type. */
    private Object value(String name, JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isString()) return v.stringValue();
        if (v.isInt()) return v.intValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.decimalValue();
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : v) items.add(value(name, item));
            return items;
        }
        Matcher m = ADDRESS.matcher(v.path("@odata.id").asString(""));
        if (m.find()) {
            EntityMetadata set = metadata.entityBySetName(m.group(1));
            if (set == null) throw ResourcePath.notFound(m.group(1));
            return new EntityReference(set.logicalName(), UUID.fromString(m.group(2)));
        }
        throw new FaultException(ErrorCodes.InvalidArgument, "The parameter '" + name + "' is an object: a record parameter is given"
                + " as a reference such as {\"@odata.id\":\"accounts(<id>)\"}.");
    }
}
