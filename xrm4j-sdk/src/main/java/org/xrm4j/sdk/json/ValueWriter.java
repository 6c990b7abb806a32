package org.xrm4j.sdk.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.RolePrivilege;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one value in the protocol's encoding straight to a {@link JsonGenerator}, with no intermediate tree. The
 * type switch lists the everyday attribute types first since a bulk load writes thousands of them per request.
 *
 * <p>A type the protocol cannot carry is a programming error and raises IllegalArgumentException; so does any
 * {@link java.util.Collection} other than a List, rather than guessing an order for it.
 */
final class ValueWriter {
    private ValueWriter() {}

    static void write(JsonGenerator g, Object value) {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i.intValue());
            case Boolean b -> g.writeBoolean(b);
            case UUID u -> scalar(g, "Guid").writeString(u.toString()).writeEndObject();
            case EntityReference r -> entityReference(g, r);
            case OptionSetValue o -> scalar(g, "OptionSetValue").writeNumber(o.value()).writeEndObject();
            case Money m -> scalar(g, "Money").writeString(decimalText(m.value())).writeEndObject();
            case Instant t -> scalar(g, "DateTime").writeString(t.toString()).writeEndObject();
            case Long l -> scalar(g, "Long").writeString(l.toString()).writeEndObject();
            case Double d -> scalar(g, "Double").writeNumber(d.doubleValue()).writeEndObject();
            case BigDecimal d -> scalar(g, "Decimal").writeString(decimalText(d)).writeEndObject();
            case byte[] b -> scalar(g, "Binary").writeBinary(b).writeEndObject();
            case Duration d -> scalar(g, "TimeSpan").writeString(TimeSpans.format(d)).writeEndObject();
            case Entity e -> entity(g, e);
            case AliasedValue a -> aliasedValue(g, a);
            case List<?> l -> list(g, l);
            case OptionSetValueCollection c -> optionSetValues(g, c);
            case EntityCollection c -> entityCollection(g, c);
            case EntityReferenceCollection c -> entityReferences(g, c);
            case Relationship r -> type(g, "Relationship").writeStringProperty("SchemaName", r.schemaName()).writeEndObject();
            case ColumnSet c -> QueryWriter.columnSet(g, c, true);
            case QueryExpression q -> QueryWriter.queryExpression(g, q);
            case QueryByAttribute q -> QueryWriter.queryByAttribute(g, q);
            case FetchExpression f -> type(g, "FetchExpression").writeStringProperty("Query", f.query()).writeEndObject();
            case FilterExpression f -> QueryWriter.filter(g, f, true);
            case ConditionExpression c -> QueryWriter.condition(g, c, true);
            case LinkEntity l -> QueryWriter.linkEntity(g, l, true);
            case OrganizationRequest r -> MessageWriter.request(g, r, true);
            case OrganizationResponse r -> MessageWriter.response(g, r, true);
            case ExecuteMultipleSettings s -> type(g, "ExecuteMultipleSettings")
                    .writeBooleanProperty("ContinueOnError", s.continueOnError())
                    .writeBooleanProperty("ReturnResponses", s.returnResponses()).writeEndObject();
            case ExecuteMultipleResponseItem i -> MessageWriter.responseItem(g, i);
            case RolePrivilege p -> type(g, "RolePrivilege").writeStringProperty("Depth", p.depth().name())
                    .writeStringProperty("PrivilegeId", p.privilegeId().toString())
                    .writeStringProperty("BusinessUnitId", p.businessUnitId() == null ? null : p.businessUnitId().toString())
                    .writeStringProperty("PrivilegeName", p.privilegeName()).writeEndObject();
            default -> throw new IllegalArgumentException("The SDK protocol has no encoding for a "
                    + value.getClass().getName() + "; use one of the types of the protocol's Values table");
        }
    }

    /** A JSON object of values: Parameters, Results, Attributes, ErrorDetails. */
    static void map(JsonGenerator g, Map<String, Object> values) {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            g.writeName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    static void list(JsonGenerator g, List<?> values) {
        g.writeStartArray(values, values.size());
        for (Object v : values) write(g, v);
        g.writeEndArray();
    }

    /** Opens {@code {"$type":type,} } and leaves the object open for its fields. */
    static JsonGenerator type(JsonGenerator g, String type) {
        g.writeStartObject();
        return g.writeStringProperty("$type", type);
    }

    /** Opens {@code {"$type":type,"Value":} } for a single-value type; the caller writes the value and closes. */
    private static JsonGenerator scalar(JsonGenerator g, String type) {
        return type(g, type).writeName("Value");
    }

    /** Plain digits keep the scale ("12.3400"); a negative scale needs the exponent form to survive the trip. */
    static String decimalText(BigDecimal d) {
        return d.scale() >= 0 ? d.toPlainString() : d.toString();
    }

    static void entityReference(JsonGenerator g, EntityReference r) {
        type(g, "EntityReference").writeStringProperty("LogicalName", r.logicalName());
        g.writeStringProperty("Id", r.id() == null ? null : r.id().toString());
        g.writeStringProperty("Name", r.name());
        if (r.rowVersion() != null) g.writeStringProperty("RowVersion", r.rowVersion());
        if (!r.keyAttributes().isEmpty()) {
            g.writeName("KeyAttributes");
            map(g, r.keyAttributes());
        }
        g.writeEndObject();
    }

    static void entity(JsonGenerator g, Entity e) {
        type(g, "Entity").writeStringProperty("LogicalName", e.logicalName());
        g.writeStringProperty("Id", e.id() == null ? null : e.id().toString());
        if (e.rowVersion() != null) g.writeStringProperty("RowVersion", e.rowVersion());
        if (!e.keyAttributes().isEmpty()) {
            g.writeName("KeyAttributes");
            map(g, e.keyAttributes());
        }
        g.writeName("Attributes");
        map(g, e.attributes());
        g.writeName("FormattedValues").writeStartObject();
        for (Map.Entry<String, String> f : e.formattedValues().entrySet()) g.writeStringProperty(f.getKey(), f.getValue());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void aliasedValue(JsonGenerator g, AliasedValue a) {
        type(g, "AliasedValue").writeStringProperty("EntityLogicalName", a.entityLogicalName());
        g.writeStringProperty("AttributeLogicalName", a.attributeLogicalName());
        g.writeName("Value");
        write(g, a.value());
        g.writeEndObject();
    }

    private static void optionSetValues(JsonGenerator g, OptionSetValueCollection c) {
        scalar(g, "OptionSetValueCollection").writeStartArray(c, c.values().size());
        for (OptionSetValue v : c.values()) g.writeNumber(v.value());
        g.writeEndArray().writeEndObject();
    }

    private static void entityCollection(JsonGenerator g, EntityCollection c) {
        type(g, "EntityCollection").writeStringProperty("EntityName", c.entityName());
        g.writeName("Entities").writeStartArray(c.entities(), c.entities().size());
        for (Entity e : c.entities()) entity(g, e);
        g.writeEndArray();
        g.writeBooleanProperty("MoreRecords", c.moreRecords());
        g.writeStringProperty("PagingCookie", c.pagingCookie());
        g.writeNumberProperty("TotalRecordCount", c.totalRecordCount());
        g.writeBooleanProperty("TotalRecordCountLimitExceeded", c.totalRecordCountLimitExceeded());
        g.writeEndObject();
    }

    private static void entityReferences(JsonGenerator g, EntityReferenceCollection c) {
        scalar(g, "EntityReferenceCollection").writeStartArray(c, c.references().size());
        for (EntityReference r : c.references()) entityReference(g, r);
        g.writeEndArray().writeEndObject();
    }
}
