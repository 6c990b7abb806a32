package org.xrm4j.server.webapi;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * The resources beside the entity sets, tried before the record routes: metadata ({@link MetadataOperations},
 * {@link MetadataWrites}, {@link MetadataDeletes}, {@link DefinitionWrites}, {@link CsdlWriter} for {@code $metadata}), bound functions ({@link FunctionOperations}) and
 * actions ({@link ActionOperations}). Answers
 * the planned operation, or {@code null} for a path that is none of these.
 */
final class OperationRoutes {
    private OperationRoutes() {}

    static Operation route(OrganizationMetadata metadata, WebApiRequest request, String base) {
        String path = request.path();
        String method = request.method();
        if (path.equals("$metadata")) {
            if (!method.equals("GET")) throw notAllowed(method, path);
            byte[] csdl = CsdlWriter.write(metadata).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Operation(java.util.List.of(), responses -> WebApiResponse.of(200, "application/xml", csdl), null);
        }
        if (MetadataPath.names(path)) {
            MetadataPath metadataPath = MetadataPath.parse(path);
            if (DefinitionWrites.writes(method, metadataPath)) return new DefinitionWrites(metadata, request, base).plan(metadataPath);
            return switch (method) {
                case "GET" -> new MetadataOperations(metadata, request, base).plan(metadataPath);
                case "POST" -> MetadataDeletes.definesKey(metadataPath) ? new MetadataDeletes(metadata, request, base).createKey(metadataPath)
                        : new MetadataWrites(metadata, request, base).create(metadataPath);
                case "PUT" -> new MetadataWrites(metadata, request, base).update(metadataPath);
                case "DELETE" -> new MetadataDeletes(metadata, request, base).delete(metadataPath);
                default -> throw notAllowed(method, path);
            };
        }
        // After the metadata: a cast such as RelationshipDefinitions/Microsoft.Dynamics.CRM.X has a bound action's shape.
        if (CustomApiOperations.names(metadata, path)) return new CustomApiOperations(metadata, request, base).plan(path);
        if (FunctionOperations.names(path)) return new FunctionOperations(metadata, request, base).plan(path);
        if (ActionOperations.names(path)) return new ActionOperations(metadata, request, base).plan(path);
        return null;
    }

    private static FaultException notAllowed(String method, String path) {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + method + "' is not allowed on '" + path + "'.");
    }
}
