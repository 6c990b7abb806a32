package org.xrm4j.cli;

import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

/** Calls the deployment service of the server the options name. */
final class Deployments {
    private Deployments() {}

    static OrganizationResponse call(ServerOptions options, OrganizationRequest request) {
        HttpOrganizationService service = HttpOrganizationService.builder().baseUrl(options.serverRoot())
                .token(options.token()).endpointPath("/api/xrm/v1/deployment").build();
        return service.execute(request);
    }
}
