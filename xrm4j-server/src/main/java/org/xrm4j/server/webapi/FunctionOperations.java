package org.xrm4j.server.webapi;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.RolePrivilege;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessRequest;
import org.xrm4j.sdk.messages.RetrievePrincipalAccessResponse;
import org.xrm4j.sdk.messages.RetrieveUserPrivilegesRequest;
import org.xrm4j.sdk.messages.RetrieveUserPrivilegesResponse;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Web API's bound functions: {@code systemusers(<id>)/RetrievePrincipalAccess(Target=@p1)?@p1={"@odata.id":"accounts(<id>)"}}
 * and {@code systemusers(<id>)/RetrieveUserPrivileges()}, with or without the {@code Microsoft.Dynamics.CRM.} namespace (dynamics-web-api leaves it out). A parameter is given
 * inline or as an {@code @alias} whose value travels in the query string; a record parameter is an
 * {@code {"@odata.id":"<set>(<id>)"}} reference, relative or absolute.
 */
final class FunctionOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BOUND = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\(\\{?([0-9A-Fa-f-]{36})\\}?\\)/(?:Microsoft\\.Dynamics\\.CRM\\.)?(RetrievePrincipalAccess|RetrieveUserPrivileges)"
            + "\\((.*)\\)/?$");
    private static final Pattern ADDRESS = Pattern.compile("(?:^|/)([A-Za-z_][A-Za-z0-9_]*)\\(\\{?([0-9A-Fa-f-]{36})\\}?\\)$");

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    FunctionOperations(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    static boolean names(String path) { return BOUND.matcher(path).matches(); }

    Operation plan(String path) {
        if (!request.method().equals("GET")) {
            throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.method() + "' is not allowed on the"
                    + " function '" + path + "': functions are called with GET.");
        }
        Matcher m = BOUND.matcher(path);
        if (!m.matches()) throw ResourcePath.notFound(path);
        EntityMetadata principalSet = metadata.entityBySetName(m.group(1));
        if (principalSet == null) throw ResourcePath.notFound(m.group(1));
        if (m.group(3).equals(RetrieveUserPrivilegesRequest.NAME)) return userPrivileges(principalSet, UUID.fromString(m.group(2)));
        Map<String, String> parameters = parameters(m.group(4));
        String target = parameters.get("Target");
        if (target == null) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The function RetrievePrincipalAccess needs its parameter 'Target'.");
        }
        RetrievePrincipalAccessRequest call = new RetrievePrincipalAccessRequest(
                new EntityReference(principalSet.logicalName(), UUID.fromString(m.group(2))), reference("Target", target));
        return Operation.of(call, r -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM.RetrievePrincipalAccessResponse");
            o.put("AccessRights", ((RetrievePrincipalAccessResponse) r).accessRights());
            return WebApiResponse.json(200, o.toString());
        });
    }

    /** {@code systemusers(<id>)/RetrieveUserPrivileges()}: the user's privileges as RolePrivilege complex values. */
    private Operation userPrivileges(EntityMetadata set, UUID id) {
        if (!set.logicalName().equals("systemuser")) {
            throw new FaultException(ErrorCodes.InvalidArgument, "RetrieveUserPrivileges is bound to systemusers, not " + set.entitySetName() + ".");
        }
        return Operation.of(new RetrieveUserPrivilegesRequest(id), r -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM.RetrieveUserPrivilegesResponse");
            ArrayNode privileges = o.putArray("RolePrivileges");
            for (RolePrivilege p : ((RetrieveUserPrivilegesResponse) r).rolePrivileges()) {
                ObjectNode privilege = privileges.addObject();
                privilege.put("Depth", p.depth().name());
                privilege.put("PrivilegeId", p.privilegeId().toString());
                privilege.put("BusinessUnitId", p.businessUnitId() == null ? null : p.businessUnitId().toString());
                privilege.put("PrivilegeName", p.privilegeName());
            }
            return WebApiResponse.json(200, o.toString());
        });
    }

    /** {@code Name=value,...} with every {@code @alias} value taken from the query string. */
    private Map<String, String> parameters(String inline) {
        Map<String, String> aliases = new HashMap<>();
        String query = request.rawQuery() == null ? "" : request.rawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.startsWith("@")) aliases.put(QueryOptions.decode(pair.substring(0, eq)), QueryOptions.decode(pair.substring(eq + 1)));
        }
        Map<String, String> parameters = new HashMap<>();
        for (String part : inline.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            String value = QueryOptions.decode(part.substring(eq + 1).trim());
            if (value.startsWith("@")) {
                String aliased = aliases.get(value);
                if (aliased == null) throw new FaultException(ErrorCodes.InvalidArgument, "The parameter alias " + value + " has no value in the query string.");
                value = aliased;
            }
            parameters.put(part.substring(0, eq).trim(), value);
        }
        return parameters;
    }

    private EntityReference reference(String name, String json) {
        String address;
        try {
            JsonNode node = JSON.readTree(json);
            address = node.path("@odata.id").asString("");
        } catch (JacksonException e) {
            address = "";
        }
        Matcher m = ADDRESS.matcher(address);
        if (!m.find()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The parameter '" + name + "' must be a record reference such as"
                    + " {\"@odata.id\":\"accounts(<id>)\"}, not " + json + ".");
        }
        EntityMetadata set = metadata.entityBySetName(m.group(1));
        if (set == null) throw ResourcePath.notFound(m.group(1));
        return new EntityReference(set.logicalName(), UUID.fromString(m.group(2)));
    }
}
