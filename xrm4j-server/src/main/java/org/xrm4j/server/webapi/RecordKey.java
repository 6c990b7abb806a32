package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.engine.AlternateKeys;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * The key in a record's address: its id ({@code accounts(<guid>)}) or the values of one of the table's alternate keys
 * ({@code accounts(accountnumber='A-1')}, {@code contacts(firstname='a',lastname='b')}). An alternate key travels to
 * the engine as the SDK's KeyAttributes and is resolved there, inside the request's unit of work; here the columns
 * are only checked to be a key the table defines, so that a wrong one is refused before anything runs.
 *
 * @param id   the record id, or {@code null} for an alternate key
 * @param keys the alternate key's column values (empty for an id)
 * @param text the key as addressed, for the record's address in answers
 */
record RecordKey(UUID id, Map<String, Object> keys, String text) {
    static RecordKey of(UUID id) { return new RecordKey(id, Map.of(), id.toString()); }

    /** The key between a set's parentheses: a GUID (braces allowed) or {@code column=literal} pairs. */
    static RecordKey parse(EntityMetadata e, String key) {
        // The path arrives percent-encoded; a '+' in a path is itself, not a space.
        String k = java.net.URLDecoder.decode(key.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).trim();
        String guid = k.startsWith("{") && k.endsWith("}") ? k.substring(1, k.length() - 1) : k;
        if (guid.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) return of(UUID.fromString(guid));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : pairs(k)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new FaultException(ErrorCodes.InvalidArgument, "The key '" + key + "' is neither a record id (a GUID) nor"
                        + " alternate key values such as accountnumber='A-1'.");
            }
            String name = pair.substring(0, eq).trim();
            AttributeMetadata a = column(e, name);
            values.put(a.logicalName(), literal(a, pair.substring(eq + 1).trim(), key));
        }
        AlternateKeys.requireKey(e, values);
        return new RecordKey(null, values, k);
    }

    boolean alternate() { return id == null; }

    EntityReference reference(EntityMetadata e) {
        return alternate() ? EntityReference.byKey(e.logicalName(), keys) : new EntityReference(e.logicalName(), id);
    }

    /** The record to write, naming itself by this key. */
    Entity apply(Entity record) {
        if (alternate()) record.keyAttributes().putAll(keys);
        return record;
    }

    /** {@code accounts(<key>)}. */
    String address(EntityMetadata e) { return e.entitySetName() + "(" + text + ")"; }

    private static AttributeMetadata column(EntityMetadata e, String name) {
        String logical = name.startsWith("_") && name.endsWith("_value") && name.length() > 7 ? name.substring(1, name.length() - 6) : name;
        AttributeMetadata a = e.attribute(logical);
        if (a == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The key names the property '" + name + "', which does not exist on "
                    + e.logicalName() + ".");
        }
        return a;
    }

    private static Object literal(AttributeMetadata a, String v, String key) {
        try {
            if (v.equals("null")) return null;
            if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
                String s = v.substring(1, v.length() - 1).replace("''", "'");
                return switch (a.type()) {
                    case String, Memo, EntityName -> s;
                    case Uniqueidentifier, Lookup, Customer, Owner -> UUID.fromString(s);
                    default -> throw new IllegalArgumentException();
                };
            }
            return switch (a.type()) {
                case Integer, Picklist, State, Status -> Integer.parseInt(v);
                case BigInt -> Long.parseLong(v);
                case Decimal, Money -> new BigDecimal(v);
                case Double -> Double.parseDouble(v);
                case Boolean -> switch (v) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case Uniqueidentifier, Lookup, Customer, Owner -> UUID.fromString(v);
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException e) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The value " + v + " of the key '" + key + "' is not a literal of the"
                    + " type of " + a.logicalName() + " (" + a.type() + "); text is quoted, as name='x'.");
        }
    }

    /** The {@code name=value} pairs, split at commas outside quoted text. */
    private static List<String> pairs(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : key.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            if (c == ',' && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
