package org.xrm4j.server.engine;

import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.metadata.EntityKeyMetadata;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Records named by an alternate key (the SDK's KeyAttributes) instead of their id: the columns must be exactly those
 * of one of the table's keys ({@link EntityKeyMetadata}), and their values find at most one record. Resolution reads
 * within the caller's unit of work and scope, so a key resolves to a record the caller may see.
 */
public final class AlternateKeys {
    private AlternateKeys() {}

    /** The id of the record the key values name, or {@code null} when none has them. */
    public static UUID find(ExecutionContext ctx, EntityMetadata e, Map<String, Object> keyAttributes) {
        requireKey(e, keyAttributes);
        QueryExpression q = new QueryExpression(e.logicalName()).columnSet(new ColumnSet(e.primaryIdAttribute())).topCount(2);
        for (Map.Entry<String, Object> k : keyAttributes.entrySet()) {
            if (k.getValue() == null) q.criteria().addCondition(k.getKey(), ConditionOperator.Null);
            else q.criteria().addCondition(k.getKey(), ConditionOperator.Equal, k.getValue());
        }
        EntityCollection found = Records.query(ctx, q);
        if (found.entities().size() > 1) {
            throw new FaultException(ErrorCodes.DuplicateRecordEntityKey, "More than one " + e.logicalName() + " has the key "
                    + describe(keyAttributes) + ": an alternate key must name one record.");
        }
        return found.entities().isEmpty() ? null : found.entities().getFirst().id();
    }

    /** The id of the record the key values name; a missing one is ObjectDoesNotExist. */
    public static UUID require(ExecutionContext ctx, EntityMetadata e, Map<String, Object> keyAttributes) {
        UUID id = find(ctx, e, keyAttributes);
        if (id == null) {
            throw new FaultException(ErrorCodes.ObjectDoesNotExist, "A record with the specified key values does not exist in "
                    + e.logicalName() + " entity: " + describe(keyAttributes) + ".");
        }
        return id;
    }

    /** Faults unless the columns are those of one of the table's alternate keys. */
    public static EntityKeyMetadata requireKey(EntityMetadata e, Map<String, Object> keyAttributes) {
        for (EntityKeyMetadata key : e.keys()) if (key.matches(keyAttributes.keySet())) return key;
        String defined = e.keys().isEmpty() ? "it has none"
                : "its keys are " + e.keys().stream().map(k -> "(" + String.join(",", k.keyAttributes()) + ")").collect(Collectors.joining(", "));
        throw new FaultException(ErrorCodes.InvalidArgument, "The columns (" + String.join(",", new TreeSet<>(keyAttributes.keySet()))
                + ") are not an alternate key of " + e.logicalName() + ": " + defined + ".");
    }

    static String describe(Map<String, Object> keyAttributes) {
        return keyAttributes.entrySet().stream().map(k -> k.getKey() + "=" + k.getValue()).collect(Collectors.joining(","));
    }
}
