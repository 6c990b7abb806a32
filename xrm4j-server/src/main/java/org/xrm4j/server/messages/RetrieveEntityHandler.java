package org.xrm4j.server.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.RetrieveEntityRequest;
import org.xrm4j.sdk.messages.RetrieveEntityResponse;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.ObjectTypeCodes;

/**
 * RetrieveEntity: one table's definition from the request's metadata snapshot, as an Entity ("entitymetadata") with
 * an EntityCollection of its columns ("attributemetadata"), since the protocol has no metadata types of its own.
 *
 * <p>EntityFilters is accepted and ignored: a table's definition is small, so the answer always holds every column.
 * Any caller may read metadata, as in Dataverse, so no privilege is checked. An unknown table is the metadata's own
 * QueryBuilderNoEntity fault.
 */
public final class RetrieveEntityHandler implements MessageHandler {
    @Override public String messageName() { return RetrieveEntityRequest.NAME; }

    @Override public OrganizationResponse handle(ExecutionContext ctx, OrganizationRequest request) {
        String name = Arguments.required(request, "LogicalName", ((RetrieveEntityRequest) request).logicalName());
        return new RetrieveEntityResponse().entityMetadata(entity(ctx.metadata().entity(name)));
    }

    static Entity entity(EntityMetadata m) {
        Entity e = new Entity("entitymetadata")
                .set("LogicalName", m.logicalName())
                .set("SchemaName", m.schemaName())
                .set("EntitySetName", m.entitySetName())
                .set("PrimaryIdAttribute", m.primaryIdAttribute())
                .set("MetadataId", MetadataIds.entity(m.logicalName()))
                .set("ObjectTypeCode", ObjectTypeCodes.of(m))
                .set("IsCustomEntity", m.custom())
                .set("OwnershipType", m.ownershipType().name());
        if (m.primaryNameAttribute() != null) e.set("PrimaryNameAttribute", m.primaryNameAttribute());
        if (m.labels().displayName() != null) e.set("DisplayName", m.labels().displayName());
        if (m.labels().displayCollectionName() != null) e.set("DisplayCollectionName", m.labels().displayCollectionName());
        if (m.labels().description() != null) e.set("Description", m.labels().description());
        List<Entity> columns = new ArrayList<>();
        for (AttributeMetadata a : m.attributes().values()) columns.add(attribute(a).set("MetadataId", MetadataIds.attribute(m.logicalName(), a.logicalName())));
        return e.set("Attributes", new EntityCollection(columns).entityName("attributemetadata"));
    }

    static Entity attribute(AttributeMetadata a) {
        Entity e = new Entity("attributemetadata")
                .set("LogicalName", a.logicalName())
                .set("SchemaName", a.schemaName())
                .set("AttributeType", a.type().name())
                .set("RequiredLevel", a.requiredLevel().name())
                .set("MaxLength", a.maxLength())
                .set("Precision", a.precision())
                .set("ValidForCreate", a.validForCreate())
                .set("ValidForUpdate", a.validForUpdate());
        // Absent rather than null where the column has no such property: readers test presence, not null.
        if (a.minValue() != null) e.set("MinValue", a.minValue());
        if (a.displayName() != null) e.set("DisplayName", a.displayName());
        if (a.description() != null) e.set("Description", a.description());
        if (a.maxValue() != null) e.set("MaxValue", a.maxValue());
        if (!a.targets().isEmpty()) e.set("Targets", String.join(",", a.targets()));
        if (!a.options().isEmpty()) {
            e.set("Options", a.options().stream().map(o -> o.value() + ":" + o.label()).collect(Collectors.joining(",")));
        }
        return e;
    }
}
