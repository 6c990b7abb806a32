package org.xrm4j.server.webapi;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateMultipleResponse;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncRequest;
import org.xrm4j.sdk.messages.ExecuteAsyncResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.UpsertMultipleResponse;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Web API's actions: unbound ({@code POST Merge}, {@code ImportSolution}, {@code ImportSolutionAsync},
 * {@code DeleteAndPromote}) and bound to an entity set ({@code POST accounts/Microsoft.Dynamics.CRM.CreateMultiple},
 * {@code UpdateMultiple}, {@code UpsertMultiple}). Each is the SDK message of the same name run by the engine; an action without output
 * answers 204, one with output 200 and its response's properties.
 *
 * <p>{@code Prefer: respond-async} runs the message as a background operation where ExecuteAsync accepts it (Merge,
 * ImportSolution, DeleteAndPromote): 202 with the operation's status address. For other actions the preference is
 * not applied, as OData lets a service do, and the action runs at once. Like every operation, an action is planned
 * first (its request built and checked) and run by the caller, alone or as a part of a {@code $batch}.
 */
final class ActionOperations {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** {@code <set>/Microsoft.Dynamics.CRM.<Action>}, the form of a bound action's path. */
    private static final Pattern BOUND = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)/Microsoft\\.Dynamics\\.CRM\\.([A-Za-z_][A-Za-z0-9_]*)/?$");
    private static final Set<String> BACKGROUND = Set.of(MergeRequest.NAME, ImportSolutionRequest.NAME, DeleteAndPromoteRequest.NAME);

    private final OrganizationMetadata metadata;
    private final WebApiRequest request;
    private final String base;

    ActionOperations(OrganizationMetadata metadata, WebApiRequest request, String base) {
        this.metadata = metadata;
        this.request = request;
        this.base = base;
    }

    /** Whether {@code path} names an action served here: an unbound one by name, or any namespaced bound one. */
    static boolean names(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return ActionRequests.isUnbound(p) || BOUND.matcher(path).matches();
    }

    Operation plan(String path) {
        if (!request.method().equals("POST")) {
            throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.method() + "' is not allowed on the action '"
                    + path + "': actions are invoked with POST.");
        }
        ActionRequests requests = new ActionRequests(metadata);
        JsonNode body = body();
        Matcher bound = BOUND.matcher(path);
        OrganizationRequest action;
        if (bound.matches()) {
            EntityMetadata set = metadata.entityBySetName(bound.group(1));
            if (set == null) throw ResourcePath.notFound(bound.group(1));
            action = requests.bound(set, bound.group(2), body);
        } else {
            action = requests.unbound(path.endsWith("/") ? path.substring(0, path.length() - 1) : path, body);
        }
        if (prefersAsync() && BACKGROUND.contains(action.requestName())) {
            return Operation.of(new ExecuteAsyncRequest(action), r -> background(((ExecuteAsyncResponse) r).asyncJobId()));
        }
        return Operation.of(action, this::answer);
    }

    /** The action queued as a system job: 202 and where its status can be read, as a background operation. */
    private WebApiResponse background(UUID id) {
        String serverUrl = base.substring(0, base.indexOf("api/data/"));
        return WebApiResponse.empty(202).header("Location", serverUrl + "api/backgroundoperation/" + id)
                .header("x-ms-dyn-backgroundoperationid", id.toString()).header("Preference-Applied", "respond-async");
    }

    /**
     * 204 for a response without properties; otherwise 200 with them, named as the platform's response type.
     * UpsertMultiple answers 204 as on the platform, which does not return its response type over the Web API.
     */
    private WebApiResponse answer(OrganizationResponse response) {
        if (response.results().isEmpty() || response instanceof UpsertMultipleResponse) return WebApiResponse.empty(204);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("@odata.context", base + "$metadata#Microsoft.Dynamics.CRM." + response.responseName() + "Response");
        if (response instanceof CreateMultipleResponse c) {
            ArrayNode ids = o.putArray("Ids");
            for (UUID id : c.ids()) ids.add(id.toString());
        } else {
            for (var e : response.results().entrySet()) {
                Object v = e.getValue();
                switch (v) {
                    case null -> o.putNull(e.getKey());
                    case Boolean b -> o.put(e.getKey(), b);
                    case Integer i -> o.put(e.getKey(), i);
                    default -> o.put(e.getKey(), v.toString());
                }
            }
        }
        return WebApiResponse.json(200, o.toString());
    }

    private boolean prefersAsync() {
        String prefer = request.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
    }

    private JsonNode body() {
        byte[] bytes = request.body();
        if (bytes.length == 0) return JsonNodeFactory.instance.objectNode();
        JsonNode node = JSON.readTree(bytes);
        if (!node.isObject()) throw new FaultException(ErrorCodes.InvalidArgument, "The body of an action must be a JSON object of its parameters.");
        return node;
    }
}
