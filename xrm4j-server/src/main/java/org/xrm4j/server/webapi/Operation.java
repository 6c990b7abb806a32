package org.xrm4j.server.webapi;

import java.util.List;
import java.util.function.Function;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionResponse;

/**
 * A Web API request turned into what the engine runs: its typed requests, in order, and how the answer is made from
 * their responses. Planning first and running afterwards is what lets a {@code $batch} hand all its parts to the
 * engine at once (ExecuteMultiple, a change set as ExecuteTransaction), while a request alone runs them one by one.
 *
 * @param requests the engine requests, each run in its own unit of work unless a change set holds them together
 * @param answer   the answer from the responses of {@code requests}, one each, in the same order
 * @param address  the record the request creates or addresses, as {@code accounts(<id>)}, for a change set's
 *                 {@code $<Content-ID>} references; {@code null} when it names none
 * @param atomic   whether the requests must succeed or fail together (a deep insert): outside a change set they run
 *                 as one ExecuteTransaction; inside one they already share its transaction
 */
record Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address,
                 boolean atomic) {
    Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address) {
        this(requests, answer, address, false);
    }

    static Operation of(OrganizationRequest request, Function<OrganizationResponse, WebApiResponse> answer) {
        return new Operation(List.of(request), responses -> answer.apply(responses.getFirst()), null);
    }

    /** The requests as the engine gets them when the operation runs on its own: atomic ones in one ExecuteTransaction. */
    List<OrganizationRequest> unitRequests() {
        return atomic && requests.size() > 1 ? List.of(new ExecuteTransactionRequest(requests, true)) : requests;
    }

    /** The answer from the responses of {@link #unitRequests()}. */
    WebApiResponse unitAnswer(List<OrganizationResponse> responses) {
        if (atomic && requests.size() > 1) return answer.apply(((ExecuteTransactionResponse) responses.getFirst()).responses());
        return answer.apply(responses);
    }
}
