package org.xrm4j.server;

import java.time.Clock;
import java.util.UUID;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.engine.DeploymentSettings;
import org.xrm4j.server.engine.ExecutionContext;
import org.xrm4j.server.engine.Pipeline;
import org.xrm4j.server.limits.Admission;
import org.xrm4j.server.limits.ServiceProtection;
import org.xrm4j.server.limits.ServiceProtectionLimits;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.security.Authenticator;
import org.xrm4j.server.security.Principal;

/**
 * The Organization service behind every surface: authenticate, resolve the organization, run the pipeline.
 * The HTTP adapters only parse and render around {@link #execute}.
 */
public final class XrmEngine {
    private final Deployment deployment;
    private final Pipeline pipeline;
    private final Authenticator authenticator;
    private final Clock clock;
    private final ServiceProtection protection;

    public XrmEngine(Deployment deployment, Pipeline pipeline, Clock clock) {
        this.deployment = deployment;
        this.pipeline = pipeline;
        this.authenticator = new Authenticator(deployment.tokens());
        this.clock = clock;
        this.protection = new ServiceProtection(() -> ServiceProtectionLimits.of(pipeline.settings()), System::nanoTime);
    }

    public Deployment deployment() { return deployment; }

    public Pipeline pipeline() { return pipeline; }

    public DeploymentSettings settings() { return pipeline.settings(); }

    public Authenticator authenticator() { return authenticator; }

    /**
     * Lets one request of the token's user in under the service protection limits, or throws the throttling fault;
     * the request runs while the admission is open. Limits are per user of an organization, in this server process.
     */
    public Admission admit(String organization, Principal principal) {
        return protection.admit(() -> new LimitedUser(deployment.organization(organization).organizationId(), principal.userId()));
    }

    public ServiceProtection serviceProtection() { return protection; }

    private record LimitedUser(UUID organizationId, UUID userId) {}

    /** Runs one request for the token's user in the named organization ({@code null}: the default one). */
    public OrganizationResponse execute(String organization, String token, UUID callerId, OrganizationRequest request) {
        Organization org = deployment.organization(organization);
        Authenticator.Callers callers = authenticator.authenticate(org, token, callerId);
        try {
            return pipeline.execute(ExecutionContext.root(org, callers.effective(), callers.initiating(), clock.instant()), request);
        } finally {
            // Before the client hears of it, also of a fault: a batch's earlier items may have committed.
            pipeline.database().flush();
        }
    }
}
