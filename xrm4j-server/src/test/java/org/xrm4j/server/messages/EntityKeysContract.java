package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateEntityKeyRequest;
import org.xrm4j.sdk.messages.CreateEntityKeyResponse;
import org.xrm4j.sdk.messages.CreateEntityRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.DeleteAttributeRequest;
import org.xrm4j.sdk.messages.DeleteEntityKeyRequest;
import org.xrm4j.sdk.messages.DeleteEntityRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.sdk.messages.ExecuteMultipleResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.messages.RetrieveEntityKeyRequest;
import org.xrm4j.sdk.messages.RetrieveEntityKeyResponse;
import org.xrm4j.sdk.messages.RetrieveEntityRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.security.Role;
import org.xrm4j.server.solutions.SolutionFixtures;

/**
 * Alternate keys defined by the messages CreateEntityKey, RetrieveEntityKey and DeleteEntityKey, the uniqueness the
 * database then enforces on Create, Update, Upsert and the ExecuteMultiple bulk path (DuplicateRecordEntityKey on
 * the right item), and the metadata deletes DeleteEntity and DeleteAttribute with their refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntityKeysContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        execute(new CreateEntityRequest().entity(new Entity("entitymetadata").set("SchemaName", "new_Shop"))
                .primaryAttribute(new Entity("attributemetadata").set("SchemaName", "new_Name")));
        for (String[] c : new String[][] {{"new_Code", "String"}, {"new_Branch", "Integer"}, {"new_Notes", "Memo"}, {"new_Spare", "String"}}) {
            execute(new CreateAttributeRequest().entityName("new_shop").attribute(new Entity("attributemetadata")
                    .set("SchemaName", c[0]).set("AttributeType", c[1])));
        }
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    OrganizationResponse execute(OrganizationRequest r) { return new EngineCalls(server).execute(r); }

    FaultException fault(OrganizationRequest r) { return new EngineCalls(server).faultOf(r); }

    static CreateEntityKeyRequest key(String table, String schema, Object columns) {
        return new CreateEntityKeyRequest().entityName(table)
                .entityKey(new Entity("entitykeymetadata").set("SchemaName", schema).set("KeyAttributes", columns).set("DisplayName", schema));
    }

    UUID shop(String name, String code, Integer branch) {
        Entity e = new Entity("new_shop").set("new_name", name).set("new_code", code);
        if (branch != null) e.set("new_branch", branch);
        return ((CreateResponse) execute(new CreateRequest(e))).id();
    }

    @Test void aKeyIsDefinedReadAndEnforcedOnCreateUpdateAndUpsert() {
        UUID id = ((CreateEntityKeyResponse) execute(key("account", "new_AccountNumberKey", List.of("accountnumber")))).entityKeyId();
        assertThat(id).isEqualTo(MetadataIds.key("account", "new_accountnumberkey"));
        Entity read = ((RetrieveEntityKeyResponse) execute(new RetrieveEntityKeyRequest().entityLogicalName("account")
                .logicalName("new_accountnumberkey"))).entityKeyMetadata();
        assertThat(read.get("SchemaName")).isEqualTo("new_AccountNumberKey");
        assertThat(read.get("KeyAttributes")).isEqualTo(List.of("accountnumber"));
        assertThat(read.get("EntityKeyIndexStatus")).isEqualTo("Active");
        assertThat(read.get("EntityLogicalName")).isEqualTo("account");
        assertThat(((RetrieveEntityKeyResponse) execute(new RetrieveEntityKeyRequest().entityLogicalName("account").metadataId(id)))
                .entityKeyMetadata().get("LogicalName")).isEqualTo("new_accountnumberkey");

        UUID first = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", "k1").set("accountnumber", "AK-1")))).id();
        FaultException dup = fault(new CreateRequest(new Entity("account").set("name", "k2").set("accountnumber", "AK-1")));
        assertThat(dup.fault().errorCode()).isEqualTo(ErrorCodes.DuplicateRecordEntityKey.code()).isEqualTo(-2147088238);
        assertThat(dup.getMessage()).isEqualTo("A record that has the attribute values AK-1 already exists. The entity key"
                + " new_AccountNumberKey requires that this set of attributes contains unique values. Select unique values and try again.");
        // Rows without a value do not collide.
        execute(new CreateRequest(new Entity("account").set("name", "k-null-1")));
        execute(new CreateRequest(new Entity("account").set("name", "k-null-2")));

        UUID second = ((CreateResponse) execute(new CreateRequest(new Entity("account").set("name", "k2").set("accountnumber", "AK-2")))).id();
        assertThat(fault(new UpdateRequest(new Entity("account", second).set("accountnumber", "AK-1"))).fault().errorCode())
                .isEqualTo(-2147088238);
        assertThat(fault(new UpsertRequest(new Entity("account", UUID.randomUUID()).set("name", "k3").set("accountnumber", "AK-2")))
                .fault().errorCode()).isEqualTo(-2147088238);
        // The key still addresses the record.
        Entity byKey = new Entity("account").set("name", "k1-renamed");
        byKey.keyAttributes().put("accountnumber", "AK-1");
        execute(new UpdateRequest(byKey));
        assertThat(execute(new org.xrm4j.sdk.messages.RetrieveRequest(new EntityReference("account", first),
                new org.xrm4j.sdk.query.ColumnSet("name"))).results().get("Entity")).extracting(e -> ((Entity) e).get("name")).isEqualTo("k1-renamed");

        execute(new DeleteEntityKeyRequest().entityLogicalName("account").name("new_accountnumberkey"));
        execute(new CreateRequest(new Entity("account").set("name", "k4").set("accountnumber", "AK-1")));
        assertThat(fault(new RetrieveEntityKeyRequest().entityLogicalName("account").logicalName("new_accountnumberkey")).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
    }

    @Test void executeMultipleGivesTheKeyFaultToTheItemsThatDuplicate() {
        execute(key("new_shop", "new_CodeBranch", List.of("new_code", "new_branch")));
        shop("existing", "EM", 1);
        List<OrganizationRequest> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = i == 3 ? "EM" : i == 6 ? "EM-0" : "EM-" + i;
            int branch = i == 6 ? 0 : 1;
            if (i == 3) branch = 1;
            items.add(new CreateRequest(new Entity("new_shop").set("new_name", "em" + i).set("new_code", code).set("new_branch", branch)));
        }
        // Item 0 is EM-0/1; item 6 is EM-0/0 (no collision); item 3 duplicates the existing row; item 5 duplicates item 1.
        items.set(5, new CreateRequest(new Entity("new_shop").set("new_name", "em5").set("new_code", "EM-1").set("new_branch", 1)));
        ExecuteMultipleResponse r = (ExecuteMultipleResponse) execute(new ExecuteMultipleRequest(items, new ExecuteMultipleSettings(true, true)));
        List<Integer> faulted = r.responses().stream().filter(i -> i.fault() != null).map(ExecuteMultipleResponseItem::requestIndex).toList();
        assertThat(faulted).containsExactly(3, 5);
        assertThat(r.responses().stream().filter(i -> i.fault() != null).map(i -> i.fault().errorCode()).distinct().toList())
                .containsExactly(-2147088238);
        assertThat(r.responses().get(5).fault().message()).contains("EM-1, 1").contains("new_CodeBranch");
    }

    @Test void theRulesOfAKeyAreChecked() {
        assertThat(fault(key("new_shop", "new_NotesKey", List.of("new_notes"))).getMessage()).contains("Memo");
        assertThat(fault(key("new_shop", "new_Missing", List.of("new_nothere"))).fault().errorCode())
                .isEqualTo(ErrorCodes.QueryBuilderNoAttribute.code());
        assertThat(fault(key("new_shop", "NoPrefix", List.of("new_spare"))).fault().errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThat(fault(key("new_shop", "new_Empty", List.of())).fault().errorCode()).isEqualTo(ErrorCodes.InvalidArgument.code());
        List<String> seventeen = IntStream.range(0, 17).mapToObj(i -> "c" + i).toList();
        assertThat(fault(key("new_shop", "new_Wide", seventeen)).getMessage()).contains("at most 16");
        execute(key("new_shop", "new_SpareKey", "new_spare"));
        assertThat(fault(key("new_shop", "new_SpareKey", List.of("new_name"))).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectAlreadyExists.code());
        assertThat(fault(key("new_shop", "new_SpareAgain", List.of("new_spare"))).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectAlreadyExists.code());

        var basic = server.server().engine().deployment().createUser(server.org(), "Kay", "Basic", "kay." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        FaultException denied = org.junit.jupiter.api.Assertions.assertThrows(FaultException.class, () -> server.server().engine()
                .execute(server.organization(), basic.token(), null, key("new_shop", "new_DeniedKey", List.of("new_name"))));
        assertThat(denied.fault().errorCode()).isEqualTo(ErrorCodes.PrivilegeDenied.code());
    }

    @Test void rowsThatAlreadyShareTheValuesRefuseTheKey() {
        shop("twin", "TWIN-A", null);
        shop("twin", "TWIN-B", null);
        FaultException f = fault(key("new_shop", "new_TwinKey", List.of("new_name")));
        assertThat(f.fault().errorCode()).isEqualTo(ErrorCodes.DuplicateRecordEntityKey.code());
        assertThat(f.getMessage()).contains("values twin in new_name");
        assertThat(fault(new RetrieveEntityKeyRequest().entityLogicalName("new_shop").logicalName("new_twinkey")).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        // Nothing was left behind: no index refuses a third twin.
        shop("twin", "TWIN-C", null);
    }

    @Test void deleteAttributeAndDeleteEntityRemoveOnlyWhatMayGo() {
        execute(new CreateEntityRequest().entity(new Entity("entitymetadata").set("SchemaName", "new_Scratch"))
                .primaryAttribute(new Entity("attributemetadata").set("SchemaName", "new_Name")));
        execute(new CreateAttributeRequest().entityName("new_scratch").attribute(new Entity("attributemetadata")
                .set("SchemaName", "new_Ref").set("AttributeType", "String")));
        execute(new CreateAttributeRequest().entityName("new_scratch").attribute(new Entity("attributemetadata")
                .set("SchemaName", "new_Gone").set("AttributeType", "Integer")));
        execute(key("new_scratch", "new_RefKey", List.of("new_ref")));
        execute(new CreateRequest(new Entity("new_scratch").set("new_name", "s").set("new_ref", "R").set("new_gone", 4)));

        assertThat(fault(new DeleteAttributeRequest().entityLogicalName("new_scratch").logicalName("new_ref")).fault().errorCode())
                .isEqualTo(ErrorCodes.CannotDeleteDueToAssociation.code());
        assertThat(fault(new DeleteAttributeRequest().entityLogicalName("new_scratch").logicalName("new_name")).fault().errorCode())
                .isEqualTo(ErrorCodes.NotSupported.code());
        assertThat(fault(new DeleteAttributeRequest().entityLogicalName("new_scratch").logicalName("new_scratchid")).fault().errorCode())
                .isEqualTo(ErrorCodes.NotSupported.code());
        assertThat(fault(new DeleteAttributeRequest().entityLogicalName("account").logicalName("accountnumber")).getMessage())
                .contains("system column");
        execute(new DeleteAttributeRequest().entityLogicalName("new_scratch").logicalName("new_gone"));
        Entity table = ((org.xrm4j.sdk.messages.RetrieveEntityResponse) execute(new RetrieveEntityRequest("new_scratch"))).entityMetadata();
        assertThat(((org.xrm4j.sdk.EntityCollection) table.get("Attributes")).entities()).noneMatch(a -> "new_gone".equals(a.get("LogicalName")));
        execute(new CreateRequest(new Entity("new_scratch").set("new_name", "after")));

        assertThat(fault(new DeleteEntityRequest().logicalName("account")).fault().errorCode()).isEqualTo(ErrorCodes.NotSupported.code());
        execute(new DeleteEntityRequest().logicalName("new_scratch"));
        assertThat(fault(new RetrieveEntityRequest("new_scratch")).fault().errorCode()).isEqualTo(ErrorCodes.QueryBuilderNoEntity.code());
        // The name is free again.
        execute(new CreateEntityRequest().entity(new Entity("entitymetadata").set("SchemaName", "new_Scratch"))
                .primaryAttribute(new Entity("attributemetadata").set("SchemaName", "new_Name")));
    }

    @Test void aTableOtherTablesDependOnIsNotDeleted() {
        execute(new ImportSolutionRequest().customizationFile(SolutionFixtures.leaveSolution("KeysLeave", "1.0.0.0", "xt_Leave"))
                .overwriteUnmanagedCustomizations(true).publishWorkflows(false).importJobId(UUID.randomUUID()));
        FaultException f = fault(new DeleteEntityRequest().logicalName("xt_leave"));
        assertThat(f.fault().errorCode()).isEqualTo(ErrorCodes.CannotDeleteDueToAssociation.code());
        assertThat(f.getMessage()).contains("xt_leave_contact");
    }

    @Test void aSolutionDefinesKeysOnItsOwnAndOnSystemTables() {
        java.util.Map<String, byte[]> files = SolutionFixtures.files("KeysSolution", "1.0.0.0", "xt_Keyed", "");
        String keys = "<EntityKeys><EntityKey><LogicalName>xt_namehours</LogicalName><displaynames><displayname description=\"Name and hours\""
                + " languagecode=\"1033\" /></displaynames><KeyAttributes><KeyAttribute>xt_name</KeyAttribute><KeyAttribute>xt_hours</KeyAttribute>"
                + "</KeyAttributes><EntityKeyIndexStatus>Active</EntityKeyIndexStatus></EntityKey></EntityKeys>";
        String contactKeys = "<EntityKeys><EntityKey><LogicalName>xt_nicknamekey</LogicalName><KeyAttributes><KeyAttribute>xt_nickname</KeyAttribute>"
                + "</KeyAttributes></EntityKey></EntityKeys>";
        String xml = new String(files.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("</attributes><EntitySetName>xt_keyeds</EntitySetName>", "</attributes>" + keys + "<EntitySetName>xt_keyeds</EntitySetName>")
                .replace("</attributes><EntitySetName>contacts</EntitySetName>", "</attributes>" + contactKeys + "<EntitySetName>contacts</EntitySetName>");
        assertThat(xml).contains("xt_namehours").contains("xt_nicknamekey");
        files.put("customizations.xml", SolutionFixtures.utf8(xml));
        execute(new ImportSolutionRequest().customizationFile(SolutionFixtures.zip(files))
                .overwriteUnmanagedCustomizations(true).publishWorkflows(false).importJobId(UUID.randomUUID()));

        Entity key = ((RetrieveEntityKeyResponse) execute(new RetrieveEntityKeyRequest().entityLogicalName("xt_keyed")
                .logicalName("xt_namehours"))).entityKeyMetadata();
        assertThat(key.get("KeyAttributes")).isEqualTo(List.of("xt_name", "xt_hours"));
        assertThat(key.get("DisplayName")).isEqualTo("Name and hours");
        execute(new CreateRequest(new Entity("xt_keyed").set("xt_name", "n").set("xt_hours", 8)));
        assertThat(fault(new CreateRequest(new Entity("xt_keyed").set("xt_name", "n").set("xt_hours", 8))).fault().errorCode())
                .isEqualTo(-2147088238);
        execute(new CreateRequest(new Entity("xt_keyed").set("xt_name", "n").set("xt_hours", 4)));

        execute(new CreateRequest(new Entity("contact").set("lastname", "nick").set("xt_nickname", "NICK")));
        assertThat(fault(new CreateRequest(new Entity("contact").set("lastname", "nick2").set("xt_nickname", "NICK"))).getMessage())
                .contains("xt_nicknamekey");
        // A second import of the same file keeps the keys as they are.
        execute(new ImportSolutionRequest().customizationFile(SolutionFixtures.zip(files))
                .overwriteUnmanagedCustomizations(true).publishWorkflows(false).importJobId(UUID.randomUUID()));
        assertThat(((RetrieveEntityKeyResponse) execute(new RetrieveEntityKeyRequest().entityLogicalName("contact")
                .logicalName("xt_nicknamekey"))).entityKeyMetadata().get("EntityKeyIndexStatus")).isEqualTo("Active");
    }

    byte[] managedKeyed(String version, boolean withKey) {
        java.util.Map<String, byte[]> files = SolutionFixtures.files("KeysManaged", version, "xt_KeyUp", "");
        files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml("KeysManaged", version).replace("<Managed>0<", "<Managed>1<")));
        String keys = withKey ? "<EntityKeys><EntityKey><LogicalName>xt_namekey</LogicalName><KeyAttributes><KeyAttribute>xt_name</KeyAttribute>"
                + "</KeyAttributes></EntityKey></EntityKeys>" : "";
        files.put("customizations.xml", SolutionFixtures.utf8(SolutionFixtures.customizationsXml("xt_KeyUp", "")
                .replace("</attributes><EntitySetName>xt_keyups</EntitySetName>", "</attributes>" + keys + "<EntitySetName>xt_keyups</EntitySetName>")));
        return SolutionFixtures.zip(files);
    }

    @Test void aManagedUpgradeWithoutTheKeyRemovesIt() {
        execute(new ImportSolutionRequest().customizationFile(managedKeyed("1.0.0.0", true))
                .overwriteUnmanagedCustomizations(false).publishWorkflows(false).importJobId(UUID.randomUUID()));
        execute(new CreateRequest(new Entity("xt_keyup").set("xt_name", "same")));
        assertThat(fault(new CreateRequest(new Entity("xt_keyup").set("xt_name", "same"))).fault().errorCode()).isEqualTo(-2147088238);

        execute(new ImportSolutionRequest().customizationFile(managedKeyed("2.0.0.0", false))
                .overwriteUnmanagedCustomizations(false).publishWorkflows(false).importJobId(UUID.randomUUID()));
        assertThat(fault(new RetrieveEntityKeyRequest().entityLogicalName("xt_keyup").logicalName("xt_namekey")).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        execute(new CreateRequest(new Entity("xt_keyup").set("xt_name", "same")));
    }
}
