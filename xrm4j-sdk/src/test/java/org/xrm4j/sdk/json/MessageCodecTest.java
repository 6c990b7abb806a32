package org.xrm4j.sdk.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.ExecuteTransactionFault;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.*;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.FetchExpression;

class MessageCodecTest {
    private static final EntityReference ACCOUNT = new EntityReference("account", Samples.ID);

    /** One realistic instance of every typed request of the registry. */
    static Stream<OrganizationRequest> requests() {
        ImportSolutionRequest importSolution = new ImportSolutionRequest().customizationFile(new byte[] {'P', 'K', 3, 4})
                .overwriteUnmanagedCustomizations(true).publishWorkflows(false).importJobId(Samples.OTHER_ID)
                .holdingSolution(true);
        ImportSolutionAsyncRequest importAsync = new ImportSolutionAsyncRequest().customizationFile(new byte[] {'P', 'K'})
                .overwriteUnmanagedCustomizations(false).publishWorkflows(true);
        return Stream.of(
                new WhoAmIRequest(),
                new CreateRequest(Samples.account()),
                new RetrieveRequest(ACCOUNT, new ColumnSet("name", "revenue")),
                new RetrieveMultipleRequest(Samples.query()),
                new RetrieveMultipleRequest(Samples.filteringQuery()),
                new RetrieveMultipleRequest(Samples.queryByAttribute()),
                new RetrieveMultipleRequest(new FetchExpression("<fetch top=\"5\"><entity name=\"account\"/></fetch>")),
                new UpdateRequest(new Entity("account", Samples.ID).set("name", "Contoso Ltd").set("fax", null)),
                new UpsertRequest(new Entity("account", Samples.ID).set("name", "Contoso")),
                new DeleteRequest(ACCOUNT),
                new AssociateRequest(ACCOUNT, new Relationship("account_primary_contact"),
                        EntityReferenceCollection.of(new EntityReference("contact", Samples.OTHER_ID))),
                new DisassociateRequest(ACCOUNT, new Relationship("account_primary_contact"),
                        EntityReferenceCollection.of(new EntityReference("contact", Samples.OTHER_ID))),
                new SetStateRequest(ACCOUNT, new OptionSetValue(1), new OptionSetValue(2)),
                new ExecuteMultipleRequest(List.of(new CreateRequest(Samples.account()), new DeleteRequest(ACCOUNT),
                        new ExecuteTransactionRequest(List.of(new WhoAmIRequest()), true)),
                        new ExecuteMultipleSettings(true, true)),
                new ExecuteTransactionRequest(List.of(new CreateRequest(new Entity("contact").set("lastname", "Smith")),
                        new UpdateRequest(new Entity("account", Samples.ID).set("name", "x"))), false),
                new ExecuteAsyncRequest(new CreateRequest(Samples.account()).requestId(Samples.OTHER_ID)),
                importSolution,
                importAsync,
                new DeleteAndPromoteRequest("contoso_core"),
                new RetrievePrincipalAccessRequest(new EntityReference("systemuser", Samples.OTHER_ID), new EntityReference("account", Samples.OTHER_ID)),
                new MergeRequest().target(ACCOUNT).subordinateId(Samples.OTHER_ID)
                        .updateContent(new Entity("account").set("name", "Merged")).performParentingChecks(false),
                new RetrieveEntityRequest("account").entityFilters("Attributes"),
                new org.xrm4j.sdk.messages.CreateMultipleRequest(Samples.collection()),
                new org.xrm4j.sdk.messages.UpdateMultipleRequest(Samples.collection()),
                new org.xrm4j.sdk.messages.RetrieveUserPrivilegesRequest(Samples.ID),
                new org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest().target(ACCOUNT).fileAttributeName("new_file").fileName("a.pdf"),
                new org.xrm4j.sdk.messages.UploadBlockRequest().blockId("QQ==").blockData(new byte[] {1, 2, 3}).fileContinuationToken("t1"),
                new org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest().fileName("a.pdf").mimeType("application/pdf")
                        .blockList(List.of("QQ==", "Qg==")).fileContinuationToken("t1"),
                new org.xrm4j.sdk.messages.InitializeFileBlocksDownloadRequest().target(ACCOUNT).fileAttributeName("new_file"),
                new org.xrm4j.sdk.messages.DownloadBlockRequest().offset(4194304L).blockLength(4194304L).fileContinuationToken("t2"),
                new org.xrm4j.sdk.messages.DeleteFileRequest().fileId(Samples.OTHER_ID),
                new org.xrm4j.sdk.messages.UpsertMultipleRequest(new org.xrm4j.sdk.EntityCollection(List.of(
                        new Entity("account").set("name", "By key"))).entityName("account")),
                new org.xrm4j.sdk.messages.CreateEntityRequest().entity(new Entity("entitymetadata").set("SchemaName", "new_Bank")
                        .set("DisplayName", "Bank")).primaryAttribute(new Entity("attributemetadata").set("SchemaName", "new_Name")
                        .set("MaxLength", 100)).hasActivities(false).hasNotes(false),
                new org.xrm4j.sdk.messages.CreateAttributeRequest().entityName("new_bank").attribute(new Entity("attributemetadata")
                        .set("SchemaName", "new_Code").set("AttributeType", "String").set("MaxLength", 20)),
                new org.xrm4j.sdk.messages.UpdateEntityRequest().entity(new Entity("entitymetadata").set("LogicalName", "new_bank")
                        .set("DisplayName", "Banks")).mergeLabels(true),
                new org.xrm4j.sdk.messages.UpdateAttributeRequest().entityName("new_bank").attribute(new Entity("attributemetadata")
                        .set("LogicalName", "new_code").set("RequiredLevel", "ApplicationRequired")).mergeLabels(false),
                new org.xrm4j.sdk.messages.CreateEntityKeyRequest().entityName("new_bank").entityKey(new Entity("entitykeymetadata")
                        .set("SchemaName", "new_CodeKey").set("KeyAttributes", List.of("new_code", "new_branch")).set("DisplayName", "Code"))
                        .solutionUniqueName("contoso_core"),
                new org.xrm4j.sdk.messages.RetrieveEntityKeyRequest().entityLogicalName("new_bank").logicalName("new_codekey"),
                new org.xrm4j.sdk.messages.DeleteEntityKeyRequest().entityLogicalName("new_bank").name("new_codekey"),
                new org.xrm4j.sdk.messages.DeleteEntityRequest().logicalName("new_bank"),
                new org.xrm4j.sdk.messages.DeleteAttributeRequest().entityLogicalName("new_bank").logicalName("new_code"),
                new org.xrm4j.sdk.messages.CreateOneToManyRequest().oneToManyRelationship(new Entity("onetomanyrelationshipmetadata")
                        .set("SchemaName", "new_account_new_bank").set("ReferencedEntity", "account").set("ReferencingEntity", "new_bank")
                        .set("CascadeConfiguration", new Entity("cascadeconfiguration").set("Delete", "RemoveLink")))
                        .lookup(new Entity("attributemetadata").set("SchemaName", "new_AccountId").set("DisplayName", "Account"))
                        .solutionUniqueName("contoso_core"),
                new org.xrm4j.sdk.messages.CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                        .set("SchemaName", "new_bank_contact").set("Entity1LogicalName", "new_bank").set("Entity2LogicalName", "contact"))
                        .intersectEntitySchemaName("new_bank_contact"),
                new org.xrm4j.sdk.messages.DeleteRelationshipRequest().name("new_bank_contact"),
                new org.xrm4j.sdk.messages.UpdateRelationshipRequest().relationship(new Entity("onetomanyrelationshipmetadata")
                        .set("SchemaName", "new_account_new_bank").set("ReferencedEntityNavigationPropertyName", "new_banks")).mergeLabels(true),
                new org.xrm4j.sdk.messages.CreateOptionSetRequest().optionSet(new Entity("optionsetmetadata").set("Name", "new_color")
                        .set("DisplayName", "Color").set("Options", new org.xrm4j.sdk.EntityCollection(List.of(
                                new Entity("optionmetadata").set("Value", 1).set("Label", "Red"))).entityName("optionmetadata"))),
                new org.xrm4j.sdk.messages.UpdateOptionSetRequest().optionSet(new Entity("optionsetmetadata").set("Name", "new_color")
                        .set("DisplayName", "Colour")).mergeLabels(false),
                new org.xrm4j.sdk.messages.DeleteOptionSetRequest().name("new_color"),
                new org.xrm4j.sdk.messages.RetrieveOptionSetRequest().name("new_color").metadataId(Samples.ID));
    }

    /** One realistic instance of every typed response of the registry. */
    static Stream<OrganizationResponse> responses() {
        OrganizationServiceFault itemFault = new OrganizationServiceFault(ErrorCodes.DuplicateRecord, "A record with these values already exists.");
        return Stream.of(
                new WhoAmIResponse().userId(Samples.ID).businessUnitId(Samples.OTHER_ID).organizationId(UUID.randomUUID()),
                new CreateResponse().id(Samples.ID),
                new RetrieveResponse().entity(Samples.account()),
                new RetrieveMultipleResponse().entityCollection(Samples.collection()),
                new UpdateResponse(),
                new UpsertResponse().recordCreated(true).target(ACCOUNT),
                new DeleteResponse(),
                new AssociateResponse(),
                new DisassociateResponse(),
                new SetStateResponse(),
                new ExecuteMultipleResponse().isFaulted(true).responses(List.of(
                        new ExecuteMultipleResponseItem(0, new CreateResponse().id(Samples.ID), null),
                        new ExecuteMultipleResponseItem(1, null, itemFault),
                        new ExecuteMultipleResponseItem(2, new RetrieveResponse().entity(Samples.account()), null))),
                new ExecuteTransactionResponse().responses(List.of(new CreateResponse().id(Samples.ID), new UpdateResponse())),
                new ExecuteAsyncResponse().asyncJobId(Samples.ID),
                new ImportSolutionResponse(),
                new ImportSolutionAsyncResponse().asyncOperationId(Samples.ID).importJobKey("job-key-1"),
                new DeleteAndPromoteResponse().solutionId(Samples.OTHER_ID),
                new RetrievePrincipalAccessResponse().accessRights("ReadAccess, WriteAccess"),
                new MergeResponse(),
                new RetrieveEntityResponse().entityMetadata(new Entity("entitymetadata").set("LogicalName", "account")
                        .set("PrimaryIdAttribute", "accountid").set("Attributes", new org.xrm4j.sdk.EntityCollection(List.of(
                                new Entity("attributemetadata").set("LogicalName", "revenue").set("AttributeType", "Money")
                                        .set("MinValue", -1.0E12).set("Precision", 2).set("ValidForCreate", true)))
                                .entityName("attributemetadata"))),
                new org.xrm4j.sdk.messages.CreateMultipleResponse().ids(List.of(Samples.ID, Samples.OTHER_ID)),
                new org.xrm4j.sdk.messages.UpdateMultipleResponse(),
                new org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse().fileContinuationToken("t1"),
                new org.xrm4j.sdk.messages.UploadBlockResponse(),
                new org.xrm4j.sdk.messages.CommitFileBlocksUploadResponse().fileId(Samples.ID).fileSizeInBytes(5_000_000_000L),
                new org.xrm4j.sdk.messages.InitializeFileBlocksDownloadResponse().fileContinuationToken("t2").fileSizeInBytes(12L)
                        .fileName("a.pdf").isChunkingSupported(true),
                new org.xrm4j.sdk.messages.DownloadBlockResponse().data(new byte[] {4, 5}),
                new org.xrm4j.sdk.messages.DeleteFileResponse(),
                new org.xrm4j.sdk.messages.RetrieveUserPrivilegesResponse().rolePrivileges(List.of(new org.xrm4j.sdk.RolePrivilege(
                        org.xrm4j.sdk.PrivilegeDepth.Global, Samples.ID, Samples.OTHER_ID, "prvCreateAccount"))),
                new org.xrm4j.sdk.messages.UpsertMultipleResponse().upsertResults(List.of(new UpsertResponse().recordCreated(true).target(ACCOUNT),
                        new UpsertResponse().recordCreated(false).target(ACCOUNT))),
                new org.xrm4j.sdk.messages.CreateEntityResponse().entityId(Samples.ID).attributeId(Samples.OTHER_ID),
                new org.xrm4j.sdk.messages.CreateAttributeResponse().attributeId(Samples.ID),
                new org.xrm4j.sdk.messages.UpdateEntityResponse(),
                new org.xrm4j.sdk.messages.UpdateAttributeResponse(),
                new org.xrm4j.sdk.messages.CreateEntityKeyResponse().entityKeyId(Samples.ID),
                new org.xrm4j.sdk.messages.RetrieveEntityKeyResponse().entityKeyMetadata(new Entity("entitykeymetadata")
                        .set("LogicalName", "new_codekey").set("KeyAttributes", List.of("new_code")).set("EntityKeyIndexStatus", "Active")),
                new org.xrm4j.sdk.messages.DeleteEntityKeyResponse(),
                new org.xrm4j.sdk.messages.DeleteEntityResponse(),
                new org.xrm4j.sdk.messages.DeleteAttributeResponse(),
                new org.xrm4j.sdk.messages.CreateOneToManyResponse().attributeId(Samples.ID).relationshipId(Samples.OTHER_ID),
                new org.xrm4j.sdk.messages.CreateManyToManyResponse().manyToManyRelationshipId(Samples.ID),
                new org.xrm4j.sdk.messages.DeleteRelationshipResponse(),
                new org.xrm4j.sdk.messages.UpdateRelationshipResponse(),
                new org.xrm4j.sdk.messages.CreateOptionSetResponse().optionSetId(Samples.ID),
                new org.xrm4j.sdk.messages.UpdateOptionSetResponse(),
                new org.xrm4j.sdk.messages.DeleteOptionSetResponse(),
                new org.xrm4j.sdk.messages.RetrieveOptionSetResponse().optionSetMetadata(new Entity("optionsetmetadata")
                        .set("Name", "new_color").set("IsGlobal", true)));
    }

    @Test
    void theSamplesCoverEveryMessageOfTheRegistry() {
        assertThat(requests().map(OrganizationRequest::requestName)).containsAll(Messages.requestNames());
        assertThat(responses().map(OrganizationResponse::responseName)).containsAll(Messages.responseNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyRequestSurvivesTheRoundTripTyped(OrganizationRequest request) {
        request.requestId(Samples.OTHER_ID);

        OrganizationRequest back = SdkJson.readRequest(SdkJson.writeRequest(request));

        assertThat(back).isExactlyInstanceOf(request.getClass());
        assertThat(back.requestId()).isEqualTo(Samples.OTHER_ID);
        assertThat(ByContent.of(back)).isEqualTo(ByContent.of(request));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyResponseSurvivesTheRoundTripTyped(OrganizationResponse response) {
        OrganizationResponse back = SdkJson.readResponse(SdkJson.writeResponse(response));

        assertThat(back).isExactlyInstanceOf(response.getClass());
        assertThat(ByContent.of(back)).isEqualTo(ByContent.of(response));
    }

    @Test
    void nestedRequestsAndResponsesComeBackTyped() {
        var multiple = (ExecuteMultipleRequest) SdkJson.readRequest(SdkJson.writeRequest(new ExecuteMultipleRequest(
                List.of(new CreateRequest(Samples.account()), new DeleteRequest(ACCOUNT)), new ExecuteMultipleSettings(false, true))));
        assertThat(multiple.requests()).hasExactlyElementsOfTypes(CreateRequest.class, DeleteRequest.class);
        assertThat(multiple.settings()).isEqualTo(new ExecuteMultipleSettings(false, true));

        var async = (ExecuteAsyncRequest) SdkJson.readRequest(SdkJson.writeRequest(new ExecuteAsyncRequest(new WhoAmIRequest())));
        assertThat(async.request()).isInstanceOf(WhoAmIRequest.class);

        var answer = (ExecuteMultipleResponse) SdkJson.readResponse(SdkJson.writeResponse(new ExecuteMultipleResponse()
                .isFaulted(false).responses(List.of(new ExecuteMultipleResponseItem(0, new CreateResponse().id(Samples.ID), null)))));
        assertThat(answer.responses().getFirst().response()).isInstanceOf(CreateResponse.class);
        assertThat(((CreateResponse) answer.responses().getFirst().response()).id()).isEqualTo(Samples.ID);

        var upserted = (org.xrm4j.sdk.messages.UpsertMultipleResponse) SdkJson.readResponse(SdkJson.writeResponse(
                new org.xrm4j.sdk.messages.UpsertMultipleResponse().upsertResults(List.of(new UpsertResponse().recordCreated(true).target(ACCOUNT),
                        new UpsertResponse().recordCreated(false).target(ACCOUNT)))));
        assertThat(upserted.upsertResults()).extracting(UpsertResponse::recordCreated).containsExactly(true, false);
        assertThat(upserted.upsertResults().getFirst().target()).isEqualTo(ACCOUNT);

        var privileges = (org.xrm4j.sdk.messages.RetrieveUserPrivilegesResponse) SdkJson.readResponse(SdkJson.writeResponse(
                new org.xrm4j.sdk.messages.RetrieveUserPrivilegesResponse().rolePrivileges(List.of(new org.xrm4j.sdk.RolePrivilege(
                        org.xrm4j.sdk.PrivilegeDepth.Local, Samples.ID, Samples.OTHER_ID, "prvReadContact")))));
        assertThat(privileges.rolePrivileges()).containsExactly(new org.xrm4j.sdk.RolePrivilege(org.xrm4j.sdk.PrivilegeDepth.Local,
                Samples.ID, Samples.OTHER_ID, "prvReadContact"));
    }

    @Test
    void rowVersionsAndConcurrencyBehaviourSurviveTheRoundTrip() {
        var update = (UpdateRequest) SdkJson.readRequest(SdkJson.writeRequest(new UpdateRequest(
                new Entity("account", Samples.ID).rowVersion("123").set("name", "x"))
                .concurrencyBehavior(org.xrm4j.sdk.ConcurrencyBehavior.IfRowVersionMatches)));
        assertThat(update.target().rowVersion()).isEqualTo("123");
        assertThat(update.concurrencyBehavior()).isEqualTo(org.xrm4j.sdk.ConcurrencyBehavior.IfRowVersionMatches);

        var delete = (DeleteRequest) SdkJson.readRequest(SdkJson.writeRequest(new DeleteRequest(ACCOUNT.withRowVersion("7"))
                .concurrencyBehavior(org.xrm4j.sdk.ConcurrencyBehavior.AlwaysOverwrite)));
        assertThat(delete.target().rowVersion()).isEqualTo("7");
        assertThat(delete.concurrencyBehavior()).isEqualTo(org.xrm4j.sdk.ConcurrencyBehavior.AlwaysOverwrite);
        assertThat(new DeleteRequest(ACCOUNT).concurrencyBehavior()).isEqualTo(org.xrm4j.sdk.ConcurrencyBehavior.Default);
    }

    @Test
    void aCreateReadsAsACreateRequest() {
        String body = "{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\",\"LogicalName\":\"account\","
                + "\"Attributes\":{\"name\":\"Contoso\"}}}}";

        OrganizationRequest r = SdkJson.readRequest(body.getBytes(UTF_8));

        assertThat(r).isInstanceOf(CreateRequest.class);
        assertThat(((CreateRequest) r).target().get("name")).isEqualTo("Contoso");
        assertThat(r.requestId()).isNull();
    }

    @Test
    void aMessageWithoutATypedClassStaysGeneric() {
        OrganizationRequest custom = new OrganizationRequest("new_CloseCase").set("CaseId", Samples.ID).set("Reason", 3);

        OrganizationRequest back = SdkJson.readRequest(SdkJson.writeRequest(custom));
        OrganizationResponse answer = SdkJson.readResponse(SdkJson.writeResponse(new OrganizationResponse("new_CloseCase")));

        assertThat(back).isExactlyInstanceOf(OrganizationRequest.class).isEqualTo(custom);
        assertThat(answer).isExactlyInstanceOf(OrganizationResponse.class);
    }

    @Test
    void theEnvelopeHasTheProtocolsShape() {
        assertThat(new String(SdkJson.writeRequest(new DeleteRequest(ACCOUNT).requestId(Samples.OTHER_ID)), UTF_8))
                .isEqualTo("{\"RequestName\":\"Delete\",\"RequestId\":\"" + Samples.OTHER_ID + "\",\"Parameters\":{\"Target\":"
                        + "{\"$type\":\"EntityReference\",\"LogicalName\":\"account\",\"Id\":\"" + Samples.ID + "\",\"Name\":null}}}");
        assertThat(new String(SdkJson.writeRequest(new WhoAmIRequest()), UTF_8))
                .isEqualTo("{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}");
        assertThat(new String(SdkJson.writeResponse(new CreateResponse().id(Samples.ID)), UTF_8))
                .isEqualTo("{\"ResponseName\":\"Create\",\"Results\":{\"id\":{\"$type\":\"Guid\",\"Value\":\"" + Samples.ID + "\"}}}");
    }

    @Test
    void aFaultSurvivesTheRoundTrip() {
        OrganizationServiceFault fault = Samples.fault();

        OrganizationServiceFault back = SdkJson.readFault(SdkJson.writeFault(fault));

        assertThat(back).isExactlyInstanceOf(OrganizationServiceFault.class).isEqualTo(fault);
        assertThat(back.innerFault()).isEqualTo(fault.innerFault());
        assertThat(back.errorDetails()).containsEntry("Id", Samples.ID).containsEntry("Count", 3);
    }

    @Test
    void aTransactionFaultReadsBackAsOne() {
        ExecuteTransactionFault fault = ExecuteTransactionFault.of(Samples.fault(), 7);

        OrganizationServiceFault back = SdkJson.readFault(SdkJson.writeFault(fault));

        assertThat(back).isExactlyInstanceOf(ExecuteTransactionFault.class).isEqualTo(fault);
        assertThat(((ExecuteTransactionFault) back).faultedRequestIndex()).isEqualTo(7);
    }

    @Test
    void aFaultHasTheProtocolsShape() {
        OrganizationServiceFault fault = new OrganizationServiceFault(ErrorCodes.ObjectDoesNotExist.code(), "Not found",
                Map.of("EntityName", "account"), Instant.parse("2026-11-22T03:42:07Z"), null, null);

        assertThat(new String(SdkJson.writeFault(fault), UTF_8)).isEqualTo("{\"Fault\":{\"ErrorCode\":-2147220969,"
                + "\"Message\":\"Not found\",\"ErrorDetails\":{\"EntityName\":\"account\"},\"Timestamp\":\"2026-11-22T03:42:07Z\","
                + "\"InnerFault\":null,\"TraceText\":null}}");
        assertThat(new String(SdkJson.writeFault(ExecuteTransactionFault.of(fault, 2)), UTF_8))
                .endsWith("\"TraceText\":null,\"FaultedRequestIndex\":2}}");
    }

    @Test
    void writingToAStreamLeavesItOpen() {
        var out = new java.io.ByteArrayOutputStream() {
            boolean closed;
            @Override public void close() { closed = true; }
        };

        SdkJson.writeResponse(new CreateResponse().id(Samples.ID), out);

        assertThat(out.closed).isFalse();
        assertThat(SdkJson.readResponse(out.toByteArray())).isEqualTo(new CreateResponse().id(Samples.ID));
        assertThat(SdkJson.readRequest(new java.io.ByteArrayInputStream(SdkJson.writeRequest(new WhoAmIRequest()))))
                .isInstanceOf(WhoAmIRequest.class);
    }
}
