package org.xrm4j.sdk.messages;

import java.util.Map;
import java.util.function.Function;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;

/** The typed request and response class of every message in the protocol's table, by message name. */
public final class Messages {
    private static final Map<String, Function<Map<String, Object>, OrganizationRequest>> REQUESTS = Map.ofEntries(
            Map.entry(WhoAmIRequest.NAME, WhoAmIRequest::new),
            Map.entry(CreateRequest.NAME, CreateRequest::new),
            Map.entry(RetrieveRequest.NAME, RetrieveRequest::new),
            Map.entry(RetrieveMultipleRequest.NAME, RetrieveMultipleRequest::new),
            Map.entry(UpdateRequest.NAME, UpdateRequest::new),
            Map.entry(UpsertRequest.NAME, UpsertRequest::new),
            Map.entry(DeleteRequest.NAME, DeleteRequest::new),
            Map.entry(AssociateRequest.NAME, AssociateRequest::new),
            Map.entry(DisassociateRequest.NAME, DisassociateRequest::new),
            Map.entry(SetStateRequest.NAME, SetStateRequest::new),
            Map.entry(ExecuteMultipleRequest.NAME, ExecuteMultipleRequest::new),
            Map.entry(ExecuteTransactionRequest.NAME, ExecuteTransactionRequest::new),
            Map.entry(ExecuteAsyncRequest.NAME, ExecuteAsyncRequest::new),
            Map.entry(ImportSolutionRequest.NAME, ImportSolutionRequest::new),
            Map.entry(ImportSolutionAsyncRequest.NAME, ImportSolutionAsyncRequest::new),
            Map.entry(DeleteAndPromoteRequest.NAME, DeleteAndPromoteRequest::new),
            Map.entry(RetrievePrincipalAccessRequest.NAME, RetrievePrincipalAccessRequest::new),
            Map.entry(RetrieveUserPrivilegesRequest.NAME, RetrieveUserPrivilegesRequest::new),
            Map.entry(MergeRequest.NAME, MergeRequest::new),
            Map.entry(RetrieveEntityRequest.NAME, RetrieveEntityRequest::new),
            Map.entry(CreateMultipleRequest.NAME, CreateMultipleRequest::new),
            Map.entry(UpdateMultipleRequest.NAME, UpdateMultipleRequest::new),
            Map.entry(UpsertMultipleRequest.NAME, UpsertMultipleRequest::new),
            Map.entry(CreateEntityRequest.NAME, CreateEntityRequest::new),
            Map.entry(CreateAttributeRequest.NAME, CreateAttributeRequest::new),
            Map.entry(UpdateEntityRequest.NAME, UpdateEntityRequest::new),
            Map.entry(UpdateAttributeRequest.NAME, UpdateAttributeRequest::new),
            Map.entry(CreateEntityKeyRequest.NAME, CreateEntityKeyRequest::new),
            Map.entry(RetrieveEntityKeyRequest.NAME, RetrieveEntityKeyRequest::new),
            Map.entry(DeleteEntityKeyRequest.NAME, DeleteEntityKeyRequest::new),
            Map.entry(DeleteEntityRequest.NAME, DeleteEntityRequest::new),
            Map.entry(DeleteAttributeRequest.NAME, DeleteAttributeRequest::new),
            Map.entry(CreateOneToManyRequest.NAME, CreateOneToManyRequest::new),
            Map.entry(CreateManyToManyRequest.NAME, CreateManyToManyRequest::new),
            Map.entry(DeleteRelationshipRequest.NAME, DeleteRelationshipRequest::new),
            Map.entry(UpdateRelationshipRequest.NAME, UpdateRelationshipRequest::new),
            Map.entry(CreateOptionSetRequest.NAME, CreateOptionSetRequest::new),
            Map.entry(UpdateOptionSetRequest.NAME, UpdateOptionSetRequest::new),
            Map.entry(DeleteOptionSetRequest.NAME, DeleteOptionSetRequest::new),
            Map.entry(RetrieveOptionSetRequest.NAME, RetrieveOptionSetRequest::new),
            Map.entry(InitializeFileBlocksUploadRequest.NAME, InitializeFileBlocksUploadRequest::new),
            Map.entry(UploadBlockRequest.NAME, UploadBlockRequest::new),
            Map.entry(CommitFileBlocksUploadRequest.NAME, CommitFileBlocksUploadRequest::new),
            Map.entry(InitializeFileBlocksDownloadRequest.NAME, InitializeFileBlocksDownloadRequest::new),
            Map.entry(DownloadBlockRequest.NAME, DownloadBlockRequest::new),
            Map.entry(DeleteFileRequest.NAME, DeleteFileRequest::new));
    private static final Map<String, Function<Map<String, Object>, OrganizationResponse>> RESPONSES = Map.ofEntries(
            Map.entry(WhoAmIResponse.NAME, WhoAmIResponse::new),
            Map.entry(CreateResponse.NAME, CreateResponse::new),
            Map.entry(RetrieveResponse.NAME, RetrieveResponse::new),
            Map.entry(RetrieveMultipleResponse.NAME, RetrieveMultipleResponse::new),
            Map.entry(UpdateResponse.NAME, UpdateResponse::new),
            Map.entry(UpsertResponse.NAME, UpsertResponse::new),
            Map.entry(DeleteResponse.NAME, DeleteResponse::new),
            Map.entry(AssociateResponse.NAME, AssociateResponse::new),
            Map.entry(DisassociateResponse.NAME, DisassociateResponse::new),
            Map.entry(SetStateResponse.NAME, SetStateResponse::new),
            Map.entry(ExecuteMultipleResponse.NAME, ExecuteMultipleResponse::new),
            Map.entry(ExecuteTransactionResponse.NAME, ExecuteTransactionResponse::new),
            Map.entry(ExecuteAsyncResponse.NAME, ExecuteAsyncResponse::new),
            Map.entry(ImportSolutionResponse.NAME, ImportSolutionResponse::new),
            Map.entry(ImportSolutionAsyncResponse.NAME, ImportSolutionAsyncResponse::new),
            Map.entry(DeleteAndPromoteResponse.NAME, DeleteAndPromoteResponse::new),
            Map.entry(RetrievePrincipalAccessResponse.NAME, RetrievePrincipalAccessResponse::new),
            Map.entry(RetrieveUserPrivilegesResponse.NAME, RetrieveUserPrivilegesResponse::new),
            Map.entry(MergeResponse.NAME, MergeResponse::new),
            Map.entry(RetrieveEntityResponse.NAME, RetrieveEntityResponse::new),
            Map.entry(CreateMultipleResponse.NAME, CreateMultipleResponse::new),
            Map.entry(UpdateMultipleResponse.NAME, UpdateMultipleResponse::new),
            Map.entry(UpsertMultipleResponse.NAME, UpsertMultipleResponse::new),
            Map.entry(CreateEntityResponse.NAME, CreateEntityResponse::new),
            Map.entry(CreateAttributeResponse.NAME, CreateAttributeResponse::new),
            Map.entry(UpdateEntityResponse.NAME, UpdateEntityResponse::new),
            Map.entry(UpdateAttributeResponse.NAME, UpdateAttributeResponse::new),
            Map.entry(CreateEntityKeyResponse.NAME, CreateEntityKeyResponse::new),
            Map.entry(RetrieveEntityKeyResponse.NAME, RetrieveEntityKeyResponse::new),
            Map.entry(DeleteEntityKeyResponse.NAME, DeleteEntityKeyResponse::new),
            Map.entry(DeleteEntityResponse.NAME, DeleteEntityResponse::new),
            Map.entry(DeleteAttributeResponse.NAME, DeleteAttributeResponse::new),
            Map.entry(CreateOneToManyResponse.NAME, CreateOneToManyResponse::new),
            Map.entry(CreateManyToManyResponse.NAME, CreateManyToManyResponse::new),
            Map.entry(DeleteRelationshipResponse.NAME, DeleteRelationshipResponse::new),
            Map.entry(UpdateRelationshipResponse.NAME, UpdateRelationshipResponse::new),
            Map.entry(CreateOptionSetResponse.NAME, CreateOptionSetResponse::new),
            Map.entry(UpdateOptionSetResponse.NAME, UpdateOptionSetResponse::new),
            Map.entry(DeleteOptionSetResponse.NAME, DeleteOptionSetResponse::new),
            Map.entry(RetrieveOptionSetResponse.NAME, RetrieveOptionSetResponse::new),
            Map.entry(InitializeFileBlocksUploadResponse.NAME, InitializeFileBlocksUploadResponse::new),
            Map.entry(UploadBlockResponse.NAME, UploadBlockResponse::new),
            Map.entry(CommitFileBlocksUploadResponse.NAME, CommitFileBlocksUploadResponse::new),
            Map.entry(InitializeFileBlocksDownloadResponse.NAME, InitializeFileBlocksDownloadResponse::new),
            Map.entry(DownloadBlockResponse.NAME, DownloadBlockResponse::new),
            Map.entry(DeleteFileResponse.NAME, DeleteFileResponse::new));

    private Messages() {}

    /** The names of the messages that have a typed request class. */
    public static java.util.Set<String> requestNames() { return REQUESTS.keySet(); }

    /** The names of the messages that have a typed response class. */
    public static java.util.Set<String> responseNames() { return RESPONSES.keySet(); }

    /** The typed request for {@code name} over {@code parameters}, or a generic one for a message without a class. */
    public static OrganizationRequest request(String name, Map<String, Object> parameters) {
        Function<Map<String, Object>, OrganizationRequest> f = REQUESTS.get(name);
        return f == null ? new OrganizationRequest(name, parameters) : f.apply(parameters);
    }

    /** The typed response for {@code name} over {@code results}, or a generic one. */
    public static OrganizationResponse response(String name, Map<String, Object> results) {
        Function<Map<String, Object>, OrganizationResponse> f = RESPONSES.get(name);
        return f == null ? new OrganizationResponse(name, results) : f.apply(results);
    }
}
