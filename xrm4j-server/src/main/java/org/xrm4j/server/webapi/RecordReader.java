package org.xrm4j.server.webapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Turns a Web API record body into an SDK {@link Entity}: each property becomes the SDK value of its column's type,
 * and {@code nav@odata.bind: "/accounts(id)"} becomes an {@link EntityReference}. Only the shape is converted here;
 * every rule about the values (lengths, ranges, allowed targets) stays with the engine.
 */
final class RecordReader {
    private static final Pattern BIND = Pattern.compile("(?:^|/)([A-Za-z_][A-Za-z0-9_]*)\\(\\{?([0-9A-Fa-f-]{36})\\}?\\)$");

    private final OrganizationMetadata metadata;
    private final EntityMetadata entity;

    RecordReader(OrganizationMetadata metadata, EntityMetadata entity) {
        this.metadata = metadata;
        this.entity = entity;
    }

    Entity read(JsonNode body, UUID id) {
        if (body == null || !body.isObject()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The request body must be a JSON object.");
        }
        Entity record = new Entity(entity.logicalName(), id);
        for (Map.Entry<String, JsonNode> p : body.properties()) {
            String name = p.getKey();
            if (name.endsWith("@odata.bind")) {
                bind(record, name.substring(0, name.length() - "@odata.bind".length()), p.getValue());
            } else if (!name.startsWith("@") && !name.contains("@")) {
                AttributeMetadata a = attribute(name);
                Object value = value(a, p.getValue());
                // The key in the body names the new record's id, as the SDK's Entity.Id does.
                if (a.logicalName().equals(entity.primaryIdAttribute()) && value instanceof UUID given && record.id() == null) record.id(given);
                record.set(a.logicalName(), value);
            }
        }
        return record;
    }

    private AttributeMetadata attribute(String name) {
        AttributeMetadata a = entity.attribute(name);
        if (a == null || a.type().isLookup()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The property '" + name + "' does not exist on type 'Microsoft.Dynamics.CRM."
                    + entity.logicalName() + "'. Make sure to only use property names that are defined by the type."
                    + (a != null ? " Set lookups with '" + name + "@odata.bind'." : ""));
        }
        return a;
    }

    /** A lookup set by navigation property; polymorphic ones are named {@code nav_entity} as in Dataverse. */
    private void bind(Entity record, String navigation, JsonNode value) {
        AttributeMetadata a = lookup(navigation);
        if (value.isNull()) {
            record.set(a.logicalName(), null);
            return;
        }
        Matcher m = BIND.matcher(value.asString());
        if (!m.find()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The value '" + value.asString() + "' of '" + navigation
                    + "@odata.bind' is not a record address such as /accounts(<id>).");
        }
        EntityMetadata target = metadata.entityBySetName(m.group(1));
        if (target == null) throw ResourcePath.notFound(m.group(1));
        record.set(a.logicalName(), new EntityReference(target.logicalName(), UUID.fromString(m.group(2))));
    }

    private AttributeMetadata lookup(String navigation) {
        List<String> candidates = new ArrayList<>(List.of(navigation));
        int underscore = navigation.lastIndexOf('_');
        if (underscore > 0) candidates.add(navigation.substring(0, underscore));
        for (String c : candidates) {
            for (AttributeMetadata a : entity.attributes().values()) {
                if (a.type().isLookup() && (a.logicalName().equalsIgnoreCase(c) || a.schemaName().equalsIgnoreCase(c))) return a;
            }
        }
        throw new FaultException(ErrorCodes.InvalidArgument, "An undeclared property '" + navigation
                + "' which only has property annotations in the payload but no property value was found in the payload.");
    }

    private Object value(AttributeMetadata a, JsonNode v) {
        if (v == null || v.isNull()) return null;
        try {
            return switch (a.type()) {
                case String, Memo, EntityName -> v.asString();
                case Integer -> v.asInt();
                case BigInt -> v.asLong();
                case Decimal -> v.decimalValue();
                case Double -> v.asDouble();
                case Money -> new Money(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString()));
                case Boolean -> v.asBoolean();
                case DateTime -> instant(v.asString());
                case Uniqueidentifier, File, Image -> UUID.fromString(v.asString());
                case Picklist, State, Status -> new OptionSetValue(v.asInt());
                case MultiSelectPicklist -> multiSelect(v.asString());
                case Lookup, Customer, Owner -> throw new IllegalStateException("lookups are bound");
            };
        } catch (RuntimeException e) {
            if (e instanceof FaultException f) throw f;
            throw new FaultException(ErrorCodes.InvalidArgument, "Cannot convert the literal '" + v + "' to the expected type '"
                    + a.type() + "' of the property '" + a.logicalName() + "'.");
        }
    }

    private static OptionSetValueCollection multiSelect(String s) {
        List<OptionSetValue> values = new ArrayList<>();
        for (String part : s.split(",")) if (!part.isBlank()) values.add(new OptionSetValue(Integer.parseInt(part.trim())));
        return new OptionSetValueCollection(values);
    }

    static Instant instant(String s) {
        String t = s.trim();
        if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (t.toUpperCase(Locale.ROOT).endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(t).toInstant();
        return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
}
