package org.xrm4j.server.engine;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OptionMetadata;
import org.xrm4j.server.metadata.OwnershipType;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.query.QueryRunner;
import org.xrm4j.server.store.RecordStore;
import org.xrm4j.server.store.ValueConverter;

/**
 * Record operations shared by the message handlers (Create and Upsert both create; Update, Upsert and SetState
 * all update). Everything here runs inside the caller's unit of work. Values are validated against metadata and
 * converted before any SQL runs; the server-managed columns (audit, ownership, version, state defaults) are set here.
 */
public final class Records {
    private Records() {}

    /** A validated row, ready to insert: what Create writes, prepared apart so that batches can insert many at once. */
    public record NewRow(EntityMetadata entity, UUID id, java.util.List<String> columns, java.util.List<Object> values) {}

    public static UUID create(ExecutionContext ctx, Entity target) {
        NewRow row = prepareCreate(ctx, target);
        ctx.organization().store().insert(ctx.unitOfWork().connection(), row.entity(), row.columns(), row.values());
        return row.id();
    }

    /**
     * Validates and completes a new record without writing it. Only a multi-target lookup's existence check reads
     * the database (through the unit of work); everything else is decided from metadata.
     */
    public static NewRow prepareCreate(ExecutionContext ctx, Entity target) {
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        SystemJobs.refuseCreate(e);
        CustomMessages.checkWrite(ctx, e.logicalName(), org.xrm4j.server.security.Privilege.prvCreateCustomAPI);
        UUID id = recordId(e, target);
        if (id == null) id = Ids.next();
        ColumnValues row = new ColumnValues();
        row.put(e.primaryIdAttribute(), id);
        applyAttributes(ctx, e, target, row, true);
        applyState(e, row, true);
        OffsetDateTime now = OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC);
        audit(ctx, e, row, now, true);
        if (e.ownershipType() == OwnershipType.UserOwned) owner(ctx, e, row);
        FullNames.compose(e, row, null);
        for (AttributeMetadata a : e.attributes().values()) {
            if (a.requiredLevel() == RequiredLevel.SystemRequired && a.validForCreate() && row.get(a.logicalName()) == null) {
                throw required(e, a);
            }
        }
        return new NewRow(e, id, row.columns(), row.values());
    }

    public static void update(ExecutionContext ctx, Entity target) {
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        UUID id = recordId(e, target);
        if (id == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Update of a " + e.logicalName() + " needs the record's Id.");
        }
        if (e.logicalName().equals(SystemJobs.ENTITY)) target = SystemJobs.controlUpdate(ctx, e, id, target);
        CustomMessages.checkWrite(ctx, e.logicalName(), org.xrm4j.server.security.Privilege.prvWriteCustomAPI);
        ColumnValues row = new ColumnValues();
        applyAttributes(ctx, e, target, row, false);
        applyState(e, row, false);
        if (FullNames.affected(e, row)) FullNames.compose(e, row, retrieve(ctx, e, id, new ColumnSet("firstname", "lastname")));
        audit(ctx, e, row, OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC), false);
        if (!ctx.organization().store().update(ctx.unitOfWork().connection(), e, id, row.columns(), row.values())) {
            throw notFound(e, id);
        }
    }

    public static void delete(ExecutionContext ctx, EntityReference target) {
        EntityMetadata e = ctx.metadata().entity(target.logicalName());
        Connection c = ctx.unitOfWork().connection();
        RecordStore store = ctx.organization().store();
        if (!store.exists(c, e, target.id())) throw notFound(e, target.id());
        CustomMessages.checkWrite(ctx, e.logicalName(), org.xrm4j.server.security.Privilege.prvDeleteCustomAPI);
        SystemJobs.checkDelete(ctx, e, target.id());
        Cascades.beforeDelete(ctx, e, target.id());
        store.delete(c, e, target.id());
        Files.afterDelete(ctx);
    }

    public static Entity retrieve(ExecutionContext ctx, EntityMetadata e, UUID id, ColumnSet columns) {
        QueryExpression q = new QueryExpression(e.logicalName()).columnSet(columns == null ? new ColumnSet() : columns);
        q.criteria().addCondition(e.primaryIdAttribute(), ConditionOperator.Equal, id);
        q.topCount(1);
        EntityCollection found = query(ctx, q);
        if (found.entities().isEmpty()) throw notFound(e, id);
        return found.entities().getFirst();
    }

    public static boolean exists(ExecutionContext ctx, EntityMetadata e, UUID id) {
        return ctx.organization().store().exists(ctx.unitOfWork().connection(), e, id);
    }

    public static EntityCollection query(ExecutionContext ctx, QueryExpression q) {
        RecordStore store = ctx.organization().store();
        return new QueryRunner(ctx.metadata(), store.dialect(), store.schema())
                .run(ctx.unitOfWork().connection(), q, ctx.queryScope());
    }

    public static FaultException notFound(EntityMetadata e, UUID id) {
        return new FaultException(ErrorCodes.ObjectDoesNotExist, "Entity '" + e.logicalName() + "' With Id = " + id + " Does Not Exist");
    }

    /** The id from Entity.Id or from the primary key attribute; they must agree when both are given. */
    static UUID recordId(EntityMetadata e, Entity target) {
        Object pk = target.get(e.primaryIdAttribute());
        if (pk != null && !(pk instanceof UUID)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The '" + e.primaryIdAttribute() + "' attribute must be a Guid.");
        }
        if (pk != null && target.id() != null && !pk.equals(target.id())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The Id and the '" + e.primaryIdAttribute()
                    + "' attribute of the " + e.logicalName() + " disagree.");
        }
        return target.id() != null ? target.id() : (UUID) pk;
    }

    private static void applyAttributes(ExecutionContext ctx, EntityMetadata e, Entity target, ColumnValues row, boolean create) {
        for (Map.Entry<String, Object> entry : target.attributes().entrySet()) {
            AttributeMetadata a = e.requireAttribute(entry.getKey());
            if (a.logicalName().equals(e.primaryIdAttribute())) continue;
            // Server-managed columns (createdon, versionnumber, ...) are ignored on write, as the platform does.
            if (create ? !a.validForCreate() : !a.validForUpdate()) continue;
            Object value = entry.getValue();
            if (value == null && a.requiredLevel() == RequiredLevel.SystemRequired) throw required(e, a);
            row.put(a.logicalName(), ValueConverter.toColumn(e, a, value));
            if (a.typeColumn() != null) {
                row.put(a.typeColumn(), value == null ? null : ((EntityReference) value).logicalName());
                if (value != null) requireTarget(ctx, e, a, (EntityReference) value);
            }
        }
    }

    /** Multi-target lookups have no foreign key, so their target's existence is checked here. */
    private static void requireTarget(ExecutionContext ctx, EntityMetadata e, AttributeMetadata a, EntityReference ref) {
        if (ref.logicalName().equals("systemuser") && ref.id().equals(ctx.user().userId())) return;
        EntityMetadata target = ctx.metadata().entity(ref.logicalName());
        if (!exists(ctx, target, ref.id())) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, ref.logicalName() + " With Id = " + ref.id()
                    + " Does Not Exist (the value of '" + a.logicalName() + "' of " + e.logicalName() + ").");
        }
    }

    /** statecode defaults to the first state; statuscode to the state's default; a status must belong to its state. */
    static void applyState(EntityMetadata e, ColumnValues row, boolean create) {
        if (!e.hasState()) return;
        AttributeMetadata state = e.attribute("statecode");
        AttributeMetadata status = e.attribute("statuscode");
        Integer stateValue = (Integer) row.get("statecode");
        Integer statusValue = (Integer) row.get("statuscode");
        if (stateValue == null && statusValue != null) {
            stateValue = status.option(statusValue).state();
            row.put("statecode", stateValue);
        }
        if (stateValue == null && create) {
            stateValue = state.options().getFirst().value();
            row.put("statecode", stateValue);
        }
        if (stateValue == null) return;
        OptionMetadata stateOption = state.option(stateValue);
        if (statusValue == null) {
            row.put("statuscode", stateOption.defaultStatus());
        } else if (status.option(statusValue).state() != stateValue) {
            throw new FaultException(ErrorCodes.InvalidState, statusValue + " is not a valid status code for state code "
                    + e.logicalName() + "State." + stateOption.label() + " on " + e.logicalName() + ".");
        }
    }

    private static void audit(ExecutionContext ctx, EntityMetadata e, ColumnValues row, OffsetDateTime now, boolean create) {
        UUID user = ctx.user().userId();
        UUID onBehalf = ctx.impersonating() ? ctx.initiatingUser().userId() : null;
        if (create) {
            row.put("createdon", now);
            row.put("createdby", user);
            row.put("createdonbehalfby", onBehalf);
        }
        row.put("modifiedon", now);
        row.put("modifiedby", user);
        row.put("modifiedonbehalfby", onBehalf);
    }

    /** A record without an owner belongs to the (effective) caller, in the owner's business unit. */
    private static void owner(ExecutionContext ctx, EntityMetadata e, ColumnValues row) {
        UUID owner = (UUID) row.get("ownerid");
        if (owner == null) {
            row.put("ownerid", ctx.user().userId());
            row.put("owneridtype", "systemuser");
            row.put("owningbusinessunit", ctx.user().businessUnitId());
            return;
        }
        if ("systemuser".equals(row.get("owneridtype"))) {
            ctx.organization().users().find(owner).ifPresent(u -> row.put("owningbusinessunit", u.businessUnitId()));
        }
        if (row.get("owningbusinessunit") == null) row.put("owningbusinessunit", ctx.user().businessUnitId());
    }

    private static FaultException required(EntityMetadata e, AttributeMetadata a) {
        return new FaultException(ErrorCodes.RequiredFieldMissing, "The '" + a.logicalName() + "' attribute of '"
                + e.logicalName() + "' is required and cannot be empty.");
    }

    /** The state transition of SetState, validated like any write. */
    public static void setState(ExecutionContext ctx, EntityReference moniker, OptionSetValue state, OptionSetValue status) {
        EntityMetadata e = ctx.metadata().entity(moniker.logicalName());
        if (!e.hasState()) {
            throw new FaultException(ErrorCodes.SdkEntityDoesNotSupportMessage, "The " + e.logicalName() + " table has no state.");
        }
        Entity target = new Entity(e.logicalName(), moniker.id()).set("statecode", state);
        if (status != null && status.value() != -1) target.set("statuscode", status);
        update(ctx, target);
    }

}
