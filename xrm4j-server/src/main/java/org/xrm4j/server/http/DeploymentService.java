package org.xrm4j.server.http;

import java.util.ArrayList;
import java.util.Map;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.XrmEngine;
import org.xrm4j.server.organization.Deployment;
import org.xrm4j.server.organization.Organization;
import org.xrm4j.server.security.Principal;
import org.xrm4j.server.security.Role;

/**
 * The deployment service: messages that manage the server rather than an organization's data. Only deployment
 * administrators may call it, as with the platform's deployment web service.
 * <ul>
 *   <li>CreateOrganization {UniqueName} → OrganizationId</li>
 *   <li>RetrieveOrganizations → Organizations (array of names)</li>
 *   <li>CreateUser {Organization?, FirstName?, LastName, DomainName?, Role?} → UserId, Token</li>
 *   <li>RetrieveAdvancedSettings → Settings (an Entity whose attributes are the settings)</li>
 *   <li>UpdateAdvancedSettings {Name, Value} → –</li>
 * </ul>
 */
final class DeploymentService {
    private final XrmEngine engine;

    DeploymentService(XrmEngine engine) { this.engine = engine; }

    OrganizationResponse execute(String token, OrganizationRequest request) {
        try {
            return run(token, request);
        } finally {
            engine.pipeline().database().flush();
        }
    }

    private OrganizationResponse run(String token, OrganizationRequest request) {
        Principal p = engine.authenticator().principal(token);
        if (!p.deploymentAdministrator()) {
            throw new FaultException(ErrorCodes.PrivilegeDenied, "Only a deployment administrator may call the deployment service ("
                    + request.requestName() + ").");
        }
        Deployment deployment = engine.deployment();
        OrganizationResponse response = new OrganizationResponse(request.requestName());
        switch (request.requestName()) {
            case "CreateOrganization" -> response.set("OrganizationId",
                    deployment.createOrganization(string(request, "UniqueName", true)).organizationId());
            case "RetrieveOrganizations" -> response.set("Organizations", new ArrayList<Object>(deployment.organizationNames()));
            case "CreateUser" -> {
                Organization org = deployment.organization(string(request, "Organization", false));
                String roleName = string(request, "Role", false);
                Role role;
                try {
                    role = roleName == null ? Role.BasicUser : Role.byName(roleName);
                } catch (IllegalArgumentException e) {
                    throw new FaultException(ErrorCodes.InvalidArgument, e.getMessage());
                }
                Deployment.IssuedUser user = deployment.createUser(org, string(request, "FirstName", false),
                        string(request, "LastName", true), string(request, "DomainName", false), role);
                response.set("UserId", user.userId()).set("Token", user.token());
            }
            case "RetrieveAdvancedSettings" -> {
                engine.settings().reload();
                Entity settings = new Entity("deploymentsetting");
                for (Map.Entry<String, Long> e : engine.settings().all().entrySet()) settings.set(e.getKey(), e.getValue());
                response.set("Settings", settings);
            }
            case "UpdateAdvancedSettings" -> {
                Object value = request.get("Value");
                long v;
                if (value instanceof Number n) {
                    v = n.longValue();
                } else {
                    try {
                        v = Long.parseLong(String.valueOf(value).trim());
                    } catch (NumberFormatException e) {
                        throw new FaultException(ErrorCodes.InvalidArgument, "Value must be a whole number, not '" + value + "'.");
                    }
                }
                engine.settings().set(string(request, "Name", true), v);
            }
            default -> throw new FaultException(ErrorCodes.NotSupported, "Request not supported by the deployment service: "
                    + request.requestName() + ".");
        }
        return response;
    }

    private static String string(OrganizationRequest request, String name, boolean required) {
        Object v = request.get(name);
        if (v == null && !required) return null;
        if (!(v instanceof String s) || s.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Parameter '" + name + "' of " + request.requestName()
                    + " must be a non-empty string.");
        }
        return s;
    }
}
