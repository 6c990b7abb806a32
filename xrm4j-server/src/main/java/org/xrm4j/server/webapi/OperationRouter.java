package org.xrm4j.server.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.metadata.EntityMetadata;

/**
 * Which operation a Web API request asks for, from its method and resource path, and how a request that came alone
 * is run: its engine requests one after the other, each its own top-level request, as the SDK protocol would run them.
 */
final class OperationRouter {
    private final XrmEngine engine;
    private final String organization;
    private final String base;

    /** {@code base}: the absolute URL of {@code /api/data/v9.x/} as the client addressed it, for links in answers. */
    OperationRouter(XrmEngine engine, String organization, String base) {
        this.engine = engine;
        this.organization = organization;
        this.base = base;
    }

    String organization() { return organization; }

    Operation route(WebApiRequest request) {
        Operation other = OperationRoutes.route(engine.deployment().organization(organization).metadata(), request, base);
        if (other != null) return other;
        RecordOperations ops = new RecordOperations(engine, organization, request, base);
        Operation related = RecordRoutes.route(engine.deployment().organization(organization).metadata(), ops, request, base);
        if (related != null) return related;
        ResourcePath path = ResourcePath.parse(request.path());
        String method = request.method();
        if (path.function() != null) {
            if (!method.equals("GET")) throw notAllowed(method, path.function());
            return ops.whoAmI();
        }
        EntityMetadata e = engine.deployment().organization(organization).metadata().entityBySetName(path.entitySet());
        if (e == null) throw ResourcePath.notFound(path.entitySet());
        if (path.count()) {
            if (!method.equals("GET")) throw notAllowed(method, path.entitySet() + "/$count");
            return ops.count(e);
        }
        if (!path.isRecord()) {
            return switch (method) {
                case "GET" -> ops.query(e);
                case "POST" -> ops.create(e);
                default -> throw notAllowed(method, path.entitySet());
            };
        }
        RecordKey key = RecordKey.parse(e, path.key());
        return switch (method) {
            case "GET" -> ConditionalRequests.notModified(ops.retrieve(e, key), request);
            case "PATCH" -> ops.update(e, key);
            case "DELETE" -> ops.delete(e, key);
            default -> throw notAllowed(method, path.entitySet());
        };
    }

    /** Runs a request that came alone: each engine request on its own, for the bearer token's user (or CallerId's). */
    WebApiResponse run(Operation operation, String token, UUID callerId) {
        List<OrganizationResponse> responses = new ArrayList<>();
        for (OrganizationRequest r : operation.unitRequests()) responses.add(engine.execute(organization, token, callerId, r));
        return operation.unitAnswer(responses, r -> engine.execute(organization, token, callerId, r));
    }

    private static FaultException notAllowed(String method, String resource) {
        return new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + method + "' is not allowed on '" + resource + "'.");
    }
}
