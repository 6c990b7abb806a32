package org.xrm4j.server.webapi;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CreateEntityKeyRequest;
import org.xrm4j.sdk.messages.CreateEntityKeyResponse;
import org.xrm4j.sdk.messages.DeleteAttributeRequest;
import org.xrm4j.sdk.messages.DeleteEntityKeyRequest;
import org.xrm4j.sdk.messages.DeleteEntityRequest;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Web API's alternate key definitions and metadata deletes, each the SDK message of the same meaning:
 * {@code POST EntityDefinitions(…)/Keys} is CreateEntityKey; {@code DELETE EntityDefinitions(…)} is DeleteEntity,
 * {@code DELETE …/Attributes(…)} DeleteAttribute and {@code DELETE …/Keys(…)} DeleteEntityKey. Paths name tables,
 * columns and keys by LogicalName or MetadataId, resolved here against the request's metadata snapshot.
 */
final class MetadataDeletes {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    MetadataDeletes(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** Whether a POST to {@code path} defines a key (the other metadata POSTs are {@link MetadataWrites}). */
    static boolean definesKey(MetadataPath path) {
        return "Keys".equals(path.navigation()) && path.navigationKey() == null && path.key() != null && path.cast() == null
                && path.set().equals("EntityDefinitions");
    }

    Operation createKey(MetadataPath path) {
        EntityMetadata e = MetadataOperations.entity(metadata, path.key());
        byte[] bytes = request.body();
        if (bytes.length == 0) throw new FaultException(ErrorCodes.InvalidArgument, "The request body is empty.");
        JsonNode body = JSON.readTree(bytes);
        if (!body.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "The request body must be a JSON object.");
        CreateEntityKeyRequest create = new CreateEntityKeyRequest().entityName(e.logicalName()).entityKey(KeyJson.definition(body));
        String solution = request.header("MSCRM.SolutionUniqueName");
        if (solution != null) create.solutionUniqueName(solution);
        return Operation.of(create, r -> WebApiResponse.empty(204).header("OData-EntityId", base + "EntityDefinitions("
                + MetadataIds.entity(e.logicalName()) + ")/Keys(" + ((CreateEntityKeyResponse) r).entityKeyId() + ")"));
    }

    Operation delete(MetadataPath path) {
        if (!path.set().equals("EntityDefinitions") || path.key() == null || path.cast() != null
                || (path.navigation() != null && path.navigationKey() == null)
                || (path.navigation() != null && !path.navigation().equals("Attributes") && !path.navigation().equals("Keys"))) {
            throw new FaultException(ErrorCodes.NotSupported, "The HTTP method 'DELETE' is not allowed on this metadata resource:"
                    + " DELETE EntityDefinitions(<key>), EntityDefinitions(<key>)/Attributes(<key>) or EntityDefinitions(<key>)/Keys(<key>).");
        }
        EntityMetadata e = MetadataOperations.entity(metadata, path.key());
        if (path.navigation() == null) {
            return Operation.of(new DeleteEntityRequest().logicalName(e.logicalName()), r -> WebApiResponse.empty(204));
        }
        if (path.navigation().equals("Attributes")) {
            String column = MetadataOperations.attribute(e, path.navigationKey()).logicalName();
            return Operation.of(new DeleteAttributeRequest().entityLogicalName(e.logicalName()).logicalName(column), r -> WebApiResponse.empty(204));
        }
        String key = KeyJson.find(e, path.navigationKey()).logicalName();
        return Operation.of(new DeleteEntityKeyRequest().entityLogicalName(e.logicalName()).name(key), r -> WebApiResponse.empty(204));
    }
}
