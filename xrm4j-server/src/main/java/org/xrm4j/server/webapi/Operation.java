package org.xrm4j.server.webapi;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

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
 * @param followingAnswer when not {@code null}, the answer instead of {@code answer}, with reads of its own
 */
record Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address,
                 BiFunction<List<OrganizationResponse>, Reads, WebApiResponse> followingAnswer) {
    /** Runs a request after an operation's own requests, as the same caller, in a unit of work of its own. */
    @FunctionalInterface
    interface Reads {
        OrganizationResponse execute(OrganizationRequest request);
    }

    Operation(List<OrganizationRequest> requests, Function<List<OrganizationResponse>, WebApiResponse> answer, String address) {
        this(requests, answer, address, null);
    }

    static Operation of(OrganizationRequest request, Function<OrganizationResponse, WebApiResponse> answer) {
        return new Operation(List.of(request), responses -> answer.apply(responses.getFirst()), null);
    }

    /** An operation whose answer reads more once its requests have run. */
    static Operation reading(List<OrganizationRequest> requests, BiFunction<List<OrganizationResponse>, Reads, WebApiResponse> answer) {
        return new Operation(requests, responses -> {
            throw new IllegalStateException("This operation answers with reads of its own");
        }, null, answer);
    }

    /** The answer to the responses of {@link #requests()}. */
    WebApiResponse respond(List<OrganizationResponse> responses, Reads reads) {
        return followingAnswer != null ? followingAnswer.apply(responses, reads) : answer.apply(responses);
    }
}
