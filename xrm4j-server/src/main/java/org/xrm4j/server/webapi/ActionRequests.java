package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateMultipleRequest;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.ImportSolutionAsyncRequest;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.UpdateMultipleRequest;
import org.xrm4j.sdk.messages.UpsertMultipleRequest;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON body of a Web API action into the SDK's typed request, parameter by parameter, as the action's
 * CSDL declares them: entity parameters carry {@code @odata.type} ({@code Microsoft.Dynamics.CRM.account}), binary
 * ones are base64, Guids are strings. Only the shape is converted; the engine checks what is required.
 */
final class ActionRequests {
    static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
    private static final java.util.regex.Pattern RECORD_ADDRESS =
            java.util.regex.Pattern.compile("(?:^|/)([A-Za-z_][A-Za-z0-9_]*)\\(((?:'(?:[^']|'')*'|[^')])*)\\)$");

    private final OrganizationMetadata metadata;

    ActionRequests(OrganizationMetadata metadata) { this.metadata = metadata; }

    /** The unbound actions served, by name. */
    static boolean isUnbound(String name) {
        return switch (name) {
            case MergeRequest.NAME, ImportSolutionRequest.NAME, ImportSolutionAsyncRequest.NAME, DeleteAndPromoteRequest.NAME -> true;
            default -> false;
        };
    }

    OrganizationRequest unbound(String name, JsonNode body) {
        return switch (name) {
            case MergeRequest.NAME -> merge(body);
            case ImportSolutionRequest.NAME -> new ImportSolutionRequest().customizationFile(binary(body, "CustomizationFile"))
                    .overwriteUnmanagedCustomizations(bool(body, "OverwriteUnmanagedCustomizations"))
                    .publishWorkflows(bool(body, "PublishWorkflows")).importJobId(guid(body, "ImportJobId"))
                    .holdingSolution(bool(body, "HoldingSolution"));
            case ImportSolutionAsyncRequest.NAME -> new ImportSolutionAsyncRequest().customizationFile(binary(body, "CustomizationFile"))
                    .overwriteUnmanagedCustomizations(bool(body, "OverwriteUnmanagedCustomizations"))
                    .publishWorkflows(bool(body, "PublishWorkflows")).holdingSolution(bool(body, "HoldingSolution"));
            case DeleteAndPromoteRequest.NAME -> new DeleteAndPromoteRequest(string(body, "UniqueName"));
            default -> throw ResourcePath.notFound(name);
        };
    }

    /** An action bound to an entity set ({@code accounts/Microsoft.Dynamics.CRM.CreateMultiple}). */
    OrganizationRequest bound(EntityMetadata set, String name, JsonNode body) {
        return switch (name) {
            case CreateMultipleRequest.NAME -> new CreateMultipleRequest(targets(set, body, false));
            case UpdateMultipleRequest.NAME -> new UpdateMultipleRequest(targets(set, body, true));
            case UpsertMultipleRequest.NAME -> new UpsertMultipleRequest(targets(set, body, false));
            default -> throw ResourcePath.notFound(NAMESPACE + name);
        };
    }

    private MergeRequest merge(JsonNode body) {
        MergeRequest r = new MergeRequest();
        Entity target = entity(body.get("Target"), null, "Target");
        if (target != null) r.target(new EntityReference(target.logicalName(), target.id()));
        Entity subordinate = entity(body.get("Subordinate"), target == null ? null : metadata.entity(target.logicalName()), "Subordinate");
        if (subordinate != null) r.subordinateId(subordinate.id());
        Entity content = entity(body.get("UpdateContent"), target == null ? null : metadata.entity(target.logicalName()), "UpdateContent");
        if (content != null) r.updateContent(content);
        return r.performParentingChecks(bool(body, "PerformParentingChecks"));
    }

    /**
     * The Targets of a bound *Multiple action. A record may name itself with {@code @odata.id} ({@code accounts(<id>)}
     * or {@code accounts(accountnumber='A-1')}, relative or absolute), as UpsertMultiple's records do by alternate key.
     */
    private EntityCollection targets(EntityMetadata set, JsonNode body, boolean needIds) {
        JsonNode array = body.get("Targets");
        if (array == null || array.isNull()) return null;
        if (!array.isArray()) throw invalid("Targets", "an array of records");
        List<Entity> records = new ArrayList<>();
        for (JsonNode item : array) {
            Entity e = entity(item, set, "Targets");
            JsonNode address = item.get("@odata.id");
            if (address != null && !address.isNull()) named(e, set, address.asString());
            if (!e.logicalName().equals(set.logicalName())) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Targets holds a " + e.logicalName() + ", but the action is bound to "
                        + set.entitySetName() + ": every record must be a " + set.logicalName() + ".");
            }
            if (needIds && e.id() == null) {
                throw new FaultException(ErrorCodes.InvalidArgument, "Every record of Targets needs its " + set.primaryIdAttribute() + " to be updated.");
            }
            records.add(e);
        }
        return new EntityCollection(records).entityName(set.logicalName());
    }

    /** Names a record by the key of its {@code @odata.id}, which must address the bound set. */
    private static void named(Entity record, EntityMetadata set, String address) {
        java.util.regex.Matcher m = RECORD_ADDRESS.matcher(address.trim());
        if (!m.find()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The @odata.id '" + address + "' of a record of Targets is not a record"
                    + " address such as " + set.entitySetName() + "(<id>) or " + set.entitySetName() + "(<key column>='<value>').");
        }
        if (!m.group(1).equals(set.entitySetName())) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The @odata.id '" + address + "' of a record of Targets names "
                    + m.group(1) + ", but the action is bound to " + set.entitySetName() + ".");
        }
        RecordKey key = RecordKey.parse(set, m.group(2));
        if (key.alternate()) key.apply(record);
        else record.id(key.id());
    }

    /**
     * An entity parameter: its table is the {@code @odata.type}, or {@code fallback} when the caller left it out; its
     * id is the primary key property.
     */
    private Entity entity(JsonNode node, EntityMetadata fallback, String parameter) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) throw invalid(parameter, "a record object with @odata.type");
        EntityMetadata e = fallback;
        JsonNode type = node.get("@odata.type");
        if (type != null && !type.isNull()) {
            String t = type.asString();
            if (t.startsWith("#")) t = t.substring(1);
            if (!t.startsWith(NAMESPACE)) throw invalid(parameter, "typed as Microsoft.Dynamics.CRM.<table>, not " + t);
            e = metadata.entity(t.substring(NAMESPACE.length()));
        }
        if (e == null) throw invalid(parameter, "a record whose @odata.type names its table");
        return new RecordReader(metadata, e).read(node, null);
    }

    private static byte[] binary(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return null;
        try {
            return Base64.getDecoder().decode(v.asString().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "base64 (Edm.Binary)");
        }
    }

    private static Boolean bool(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw invalid(name, "true or false");
        return v.booleanValue();
    }

    private static UUID guid(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return null;
        try {
            return UUID.fromString(v.asString());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a Guid");
        }
    }

    private static String string(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static FaultException invalid(String parameter, String expected) {
        return new FaultException(ErrorCodes.InvalidArgument, "The parameter '" + parameter + "' must be " + expected + ".");
    }
}
