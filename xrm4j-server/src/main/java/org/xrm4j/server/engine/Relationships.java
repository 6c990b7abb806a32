package org.xrm4j.server.engine;

import java.util.List;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.store.RecordStore;

/**
 * Associate and Disassociate. A one-to-many association sets (or clears) the lookup on the "many" side through a
 * normal Update, so it is validated and audited like one; a many-to-many association writes the intersect table.
 */
public final class Relationships {
    private Relationships() {}

    public static void associate(ExecutionContext ctx, EntityReference target, Relationship relationship,
                                 EntityReferenceCollection related, boolean associate) {
        RelationshipMetadata r = ctx.metadata().relationship(relationship.schemaName());
        if (related == null || related.references().isEmpty()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "RelatedEntities must name at least one record.");
        }
        for (EntityReference other : related.references()) {
            if (r.kind() == RelationshipMetadata.Kind.ManyToMany) {
                manyToMany(ctx, r, target, other, associate);
            } else {
                oneToMany(ctx, r, target, other, associate);
            }
        }
    }

    private static void oneToMany(ExecutionContext ctx, RelationshipMetadata r, EntityReference target,
                                  EntityReference other, boolean associate) {
        EntityReference parent;
        EntityReference child;
        if (target.logicalName().equals(r.referencedEntity()) && other.logicalName().equals(r.referencingEntity())) {
            parent = target;
            child = other;
        } else if (target.logicalName().equals(r.referencingEntity()) && other.logicalName().equals(r.referencedEntity())) {
            parent = other;
            child = target;
        } else {
            throw new FaultException(ErrorCodes.InvalidArgument, "The relationship " + r.schemaName() + " links "
                    + r.referencedEntity() + " and " + r.referencingEntity() + ", not " + target.logicalName()
                    + " and " + other.logicalName() + ".");
        }
        Entity update = new Entity(child.logicalName(), child.id());
        if (associate) {
            EntityMetadata parentMeta = ctx.metadata().entity(parent.logicalName());
            if (!Records.exists(ctx, parentMeta, parent.id())) throw Records.notFound(parentMeta, parent.id());
            update.set(r.referencingAttribute(), new EntityReference(parent.logicalName(), parent.id()));
        } else {
            update.set(r.referencingAttribute(), null);
        }
        Records.update(ctx, update);
    }

    private static void manyToMany(ExecutionContext ctx, RelationshipMetadata r, EntityReference target,
                                   EntityReference other, boolean associate) {
        EntityReference first;
        EntityReference second;
        if (target.logicalName().equals(r.entity1()) && other.logicalName().equals(r.entity2())) {
            first = target;
            second = other;
        } else if (target.logicalName().equals(r.entity2()) && other.logicalName().equals(r.entity1())) {
            first = other;
            second = target;
        } else {
            throw new FaultException(ErrorCodes.InvalidArgument, "The relationship " + r.schemaName() + " links "
                    + r.entity1() + " and " + r.entity2() + ".");
        }
        for (EntityReference ref : List.of(first, second)) {
            EntityMetadata m = ctx.metadata().entity(ref.logicalName());
            if (!Records.exists(ctx, m, ref.id())) throw Records.notFound(m, ref.id());
        }
        RecordStore store = ctx.organization().store();
        String table = store.table(r.intersectEntity());
        String a1 = store.quote(r.entity1IntersectAttribute());
        String a2 = store.quote(r.entity2IntersectAttribute());
        if (associate) {
            if (store.any(ctx.unitOfWork().connection(), "SELECT 1 FROM " + table + " WHERE " + a1 + " = ? AND " + a2 + " = ?",
                    List.of(first.id(), second.id()))) {
                throw new FaultException(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key: the records are already associated through " + r.schemaName() + ".");
            }
            store.executeUpdate(ctx.unitOfWork().connection(), "INSERT INTO " + table + " ("
                    + store.quote(r.intersectEntity() + "id") + ", " + a1 + ", " + a2 + ") VALUES (?, ?, ?)",
                    List.<Object>of(Ids.next(), first.id(), second.id()));
        } else {
            store.executeUpdate(ctx.unitOfWork().connection(), "DELETE FROM " + table + " WHERE " + a1 + " = ? AND " + a2 + " = ?",
                    List.<Object>of(first.id(), second.id()));
        }
    }

}
