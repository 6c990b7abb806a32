package org.xrm4j.server.webapi;

import java.io.IOException;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * The resources beside the entity sets, tried before the record routes: actions ({@link ActionOperations}) and
 * metadata ({@link MetadataOperations}, {@link MetadataWrites}, {@link CsdlWriter} for {@code $metadata}).
 * Answers whether it served the request.
 */
final class OperationRoutes {
    private OperationRoutes() {}

    static boolean route(XrmEngine engine, String organization, WebApiExchange exchange, String base, String path) throws IOException {
        if (path.equals("$metadata")) {
            if (!exchange.method().equals("GET")) {
                throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + exchange.method() + "' is not allowed on '$metadata'.");
            }
            exchange.xml(200, CsdlWriter.write(engine.deployment().organization(organization).metadata()));
            return true;
        }
        if (MetadataPath.names(path)) {
            MetadataPath metadataPath = MetadataPath.parse(path);
            OrganizationMetadata metadata = engine.deployment().organization(organization).metadata();
            switch (exchange.method()) {
                case "GET" -> new MetadataOperations(metadata, exchange, base).read(metadataPath);
                case "POST" -> new MetadataWrites(engine, organization, exchange, base).create(metadataPath);
                case "PUT" -> new MetadataWrites(engine, organization, exchange, base).update(metadataPath);
                default -> throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + exchange.method()
                        + "' is not allowed on '" + path + "'.");
            }
            return true;
        }
        // After the metadata: a cast such as RelationshipDefinitions/Microsoft.Dynamics.CRM.X has a bound action's shape.
        if (ActionOperations.names(path)) {
            new ActionOperations(engine, organization, exchange, base).invoke(path);
            return true;
        }
        return false;
    }
}
