package org.xrm4j.server.webapi;

import java.util.List;
import java.util.function.BiFunction;
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
 * <p>A few reads cannot be planned before the first results are known: the records a collection-valued
 * {@code $expand} brings depend on which records a query's page holds. Such an operation answers through
 * {@code followingAnswer}, which may run more read requests through the engine, as the same caller, with
 * {@link Reads}.
 *
 * @param requests        the engine requests, each run in its own unit of work unless a change set holds them together
 * @param answer          the answer from the responses of {@code requests}, one each, in the same order
 * @param address         the record the request creates or addresses, as {@code accounts(<id>)}, for a change set's
 *                        {@code $<Content-ID>} references; {@code null} when it names none
 * @param atomic          whether the requests must succeed or fail together (a deep insert): outside a change set they
 *                        run as one ExecuteTransaction; inside one they already share its transaction
 * @param followingAnswer when not {@code null}, the answer instead of {@code answer}, with reads of its own
 */
record Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address,
                 boolean atomic, BiFunction<List<OrganizationResponse>, Reads, WebApiResponse> followingAnswer) {
    /** Runs a request after an operation's own requests, as the same caller, in a unit of work of its own. */
    @FunctionalInterface
    interface Reads {
        OrganizationResponse execute(OrganizationRequest request);
    }

    Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address) {
        this(requests, answer, address, false, null);
    }

    static Operation of(OrganizationRequest request, Function<OrganizationResponse, WebApiResponse> answer) {
        return new Operation(List.of(request), responses -> answer.apply(responses.getFirst()), null);
    }

    /** An operation whose answer reads more once its requests have run. */
    static Operation reading(List<OrganizationRequest> requests, String address,
                             BiFunction<List<OrganizationResponse>, Reads, WebApiResponse> answer) {
        return new Operation(requests, responses -> {
            throw new IllegalStateException("This operation answers with reads of its own");
        }, address, false, answer);
    }

    /** The same requests, all or nothing. */
    Operation atomically() { return new Operation(requests, answer, address, true, followingAnswer); }

    /** The same requests, answered by {@code then} applied to this operation's answer. */
    Operation thenAnswer(Function<WebApiResponse, WebApiResponse> then) {
        return new Operation(requests, responses -> then.apply(answer.apply(responses)), address, atomic,
                followingAnswer == null ? null : (responses, reads) -> then.apply(followingAnswer.apply(responses, reads)));
    }

    /** The answer to the responses of {@link #requests()}. */
    WebApiResponse respond(List<OrganizationResponse> responses, Reads reads) {
        return followingAnswer != null ? followingAnswer.apply(responses, reads) : answer.apply(responses);
    }

    /** The requests as the engine gets them when the operation runs on its own: atomic ones in one ExecuteTransaction. */
    List<OrganizationRequest> unitRequests() {
        return inOneTransaction() ? List.of(new ExecuteTransactionRequest(requests, true)) : requests;
    }

    /** The answer to the responses of {@link #unitRequests()}. */
    WebApiResponse unitAnswer(List<OrganizationResponse> responses, Reads reads) {
        return respond(inOneTransaction() ? ((ExecuteTransactionResponse) responses.getFirst()).responses() : responses, reads);
    }

    private boolean inOneTransaction() { return atomic && requests.size() > 1; }
}
