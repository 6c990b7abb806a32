package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateEntityKeyRequest;
import org.xrm4j.sdk.messages.CreateEntityRequest;
import org.xrm4j.sdk.messages.CreateManyToManyRequest;
import org.xrm4j.sdk.messages.CreateManyToManyResponse;
import org.xrm4j.sdk.messages.CreateOneToManyRequest;
import org.xrm4j.sdk.messages.CreateOneToManyResponse;
import org.xrm4j.sdk.messages.CreateOptionSetRequest;
import org.xrm4j.sdk.messages.CreateOptionSetResponse;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.DeleteAttributeRequest;
import org.xrm4j.sdk.messages.DeleteEntityKeyRequest;
import org.xrm4j.sdk.messages.DeleteOptionSetRequest;
import org.xrm4j.sdk.messages.DeleteRelationshipRequest;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.ExecuteTransactionRequest;
import org.xrm4j.sdk.messages.RetrieveEntityRequest;
import org.xrm4j.sdk.messages.RetrieveEntityResponse;
import org.xrm4j.sdk.messages.RetrieveMultipleRequest;
import org.xrm4j.sdk.messages.RetrieveMultipleResponse;
import org.xrm4j.sdk.messages.RetrieveOptionSetRequest;
import org.xrm4j.sdk.messages.RetrieveOptionSetResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.RetrieveResponse;
import org.xrm4j.sdk.messages.UpdateOptionSetRequest;
import org.xrm4j.sdk.messages.UpdateRelationshipRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.metadata.CascadeType;
import org.xrm4j.server.metadata.MetadataIds;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.security.Role;

/**
 * The relationship and global option set messages: CreateOneToMany (the lookup column, its foreign key and the
 * relationship, usable by records at once), CreateManyToMany (an intersect table Associate fills), UpdateRelationship,
 * DeleteRelationship, CreateOptionSet/UpdateOptionSet/RetrieveOptionSet/DeleteOptionSet with a column sharing the set,
 * and their refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelationshipsContract {
    TestServers.TestServer server;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        for (String table : List.of("rel_Branch", "rel_Visit", "rel_Tag")) {
            execute(new CreateEntityRequest().entity(new Entity("entitymetadata").set("SchemaName", table))
                    .primaryAttribute(new Entity("attributemetadata").set("SchemaName", "rel_Name")));
        }
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    OrganizationResponse execute(OrganizationRequest r) { return new EngineCalls(server).execute(r); }

    FaultException fault(OrganizationRequest r) { return new EngineCalls(server).faultOf(r); }

    static CreateOneToManyRequest oneToMany(String schema, String referenced, String referencing, String lookup, String delete) {
        Entity r = new Entity("onetomanyrelationshipmetadata").set("SchemaName", schema).set("ReferencedEntity", referenced)
                .set("ReferencingEntity", referencing);
        if (delete != null) r.set("CascadeConfiguration", new Entity("cascadeconfiguration").set("Delete", delete));
        return new CreateOneToManyRequest().oneToManyRelationship(r)
                .lookup(new Entity("attributemetadata").set("SchemaName", lookup).set("DisplayName", "Parent").set("RequiredLevel", "None"));
    }

    UUID create(Entity e) { return ((CreateResponse) execute(new CreateRequest(e))).id(); }

    RelationshipMetadata relationship(String name) { return server.org().metadata().relationship(name); }

    @Test void aOneToManyMakesALookupRecordsUseAtOnce() {
        CreateOneToManyResponse created = (CreateOneToManyResponse) execute(oneToMany("rel_account_rel_branch", "account", "rel_branch", "rel_AccountId", "Cascade"));
        assertThat(created.attributeId()).isEqualTo(MetadataIds.attribute("rel_branch", "rel_accountid"));
        assertThat(created.relationshipId()).isEqualTo(MetadataIds.relationship("rel_account_rel_branch"));
        RelationshipMetadata r = relationship("rel_account_rel_branch");
        assertThat(r.referencedEntity()).isEqualTo("account");
        assertThat(r.referencedAttribute()).isEqualTo("accountid");
        assertThat(r.referencingAttribute()).isEqualTo("rel_accountid");
        assertThat(r.referencedNavigation()).isEqualTo("rel_account_rel_branch");
        assertThat(r.referencingNavigation()).isEqualTo("rel_accountid");
        assertThat(r.cascadeDelete()).isEqualTo(CascadeType.Cascade);

        Entity column = ((RetrieveEntityResponse) execute(new RetrieveEntityRequest("rel_branch"))).entityMetadata();
        Entity lookup = ((EntityCollection) column.get("Attributes")).entities().stream()
                .filter(a -> "rel_accountid".equals(a.get("LogicalName"))).findFirst().orElseThrow();
        assertThat(lookup.get("AttributeType")).isEqualTo("Lookup");
        assertThat(lookup.get("Targets")).isEqualTo("account");

        UUID account = create(new Entity("account").set("name", "Parent account"));
        UUID branch = create(new Entity("rel_branch").set("rel_name", "North").set("rel_accountid", new EntityReference("account", account)));
        Entity read = ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference("rel_branch", branch), new ColumnSet("rel_accountid")))).entity();
        assertThat(((EntityReference) read.get("rel_accountid")).id()).isEqualTo(account);
        assertThat(fault(new CreateRequest(new Entity("rel_branch").set("rel_name", "Orphan")
                .set("rel_accountid", new EntityReference("account", UUID.randomUUID())))).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());

        // Cascade: deleting the account deletes its branches.
        execute(new DeleteRequest(new EntityReference("account", account)));
        assertThat(count("rel_branch", branch)).isZero();
    }

    @Test void updateRelationshipChangesTheCascadeTheDatabaseApplies() {
        execute(oneToMany("rel_contact_rel_visit", "contact", "rel_visit", "rel_ContactId", "Restrict"));
        UUID contact = create(new Entity("contact").set("lastname", "Visitor"));
        UUID visit = create(new Entity("rel_visit").set("rel_name", "v1").set("rel_contactid", new EntityReference("contact", contact)));
        assertThat(fault(new DeleteRequest(new EntityReference("contact", contact))).fault().errorCode())
                .isEqualTo(ErrorCodes.CannotDeleteDueToAssociation.code());

        execute(new UpdateRelationshipRequest().relationship(new Entity("onetomanyrelationshipmetadata").set("SchemaName", "rel_contact_rel_visit")
                .set("ReferencedEntityNavigationPropertyName", "rel_visits")
                .set("CascadeConfiguration", new Entity("cascadeconfiguration").set("Delete", "RemoveLink"))));
        RelationshipMetadata r = relationship("rel_contact_rel_visit");
        assertThat(r.cascadeDelete()).isEqualTo(CascadeType.RemoveLink);
        assertThat(r.referencedNavigation()).isEqualTo("rel_visits");
        execute(new DeleteRequest(new EntityReference("contact", contact)));
        Entity read = ((RetrieveResponse) execute(new RetrieveRequest(new EntityReference("rel_visit", visit), new ColumnSet("rel_contactid")))).entity();
        assertThat(read.get("rel_contactid")).isNull();

        assertThat(fault(new UpdateRelationshipRequest().relationship(new Entity("onetomanyrelationshipmetadata")
                .set("SchemaName", "rel_contact_rel_visit").set("ReferencingEntity", "rel_branch"))).fault().errorCode())
                .isEqualTo(ErrorCodes.NotSupported.code());
    }

    @Test void aManyToManyMakesAnIntersectTableAssociateFills() {
        UUID id = ((CreateManyToManyResponse) execute(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_tag_contact").set("Entity1LogicalName", "rel_tag").set("Entity2LogicalName", "contact")
                .set("IntersectEntityName", "rel_tag_contact")))).manyToManyRelationshipId();
        assertThat(id).isEqualTo(MetadataIds.relationship("rel_tag_contact"));
        RelationshipMetadata r = relationship("rel_tag_contact");
        assertThat(r.entity1IntersectAttribute()).isEqualTo("rel_tagid");
        assertThat(r.entity2IntersectAttribute()).isEqualTo("contactid");

        UUID tag = create(new Entity("rel_tag").set("rel_name", "vip"));
        UUID contact = create(new Entity("contact").set("lastname", "Tagged"));
        AssociateRequest associate = new AssociateRequest(new EntityReference("rel_tag", tag), new Relationship("rel_tag_contact"),
                EntityReferenceCollection.of(new EntityReference("contact", contact)));
        execute(associate);
        // The pair is stored: associating it again is a duplicate.
        assertThat(fault(associate).fault().errorCode()).isEqualTo(ErrorCodes.DuplicateRecord.code());

        // A table related to itself: the intersect columns are told apart.
        execute(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_tag_tag").set("Entity1LogicalName", "rel_tag").set("Entity2LogicalName", "rel_tag")));
        assertThat(relationship("rel_tag_tag").entity1IntersectAttribute()).isEqualTo("rel_tagidone");
        assertThat(relationship("rel_tag_tag").intersectEntity()).isEqualTo("rel_tag_tag");

        execute(new DeleteRelationshipRequest().name("rel_tag_contact"));
        assertThat(server.org().metadata().relationships()).noneMatch(x -> x.schemaName().equals("rel_tag_contact"));
        assertThat(fault(associate).fault().errorCode()).isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        // The name is free again.
        execute(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_tag_contact").set("Entity1LogicalName", "rel_tag").set("Entity2LogicalName", "contact")));
    }

    @Test void deletingAOneToManyRemovesItsLookup() {
        execute(oneToMany("rel_branch_rel_tag", "rel_branch", "rel_tag", "rel_BranchId", null));
        assertThat(relationship("rel_branch_rel_tag").cascadeDelete()).isEqualTo(CascadeType.RemoveLink);
        execute(new CreateEntityKeyRequest().entityName("rel_tag").entityKey(new Entity("entitykeymetadata")
                .set("SchemaName", "rel_BranchKey").set("KeyAttributes", List.of("rel_branchid"))));
        assertThat(fault(new DeleteRelationshipRequest().name("rel_branch_rel_tag")).fault().errorCode())
                .isEqualTo(ErrorCodes.CannotDeleteDueToAssociation.code());
        execute(new DeleteEntityKeyRequest().entityLogicalName("rel_tag").name("rel_branchkey"));
        execute(new DeleteRelationshipRequest().name("rel_branch_rel_tag"));
        assertThat(server.org().metadata().entity("rel_tag").has("rel_branchid")).isFalse();
        assertThat(fault(new CreateRequest(new Entity("rel_tag").set("rel_name", "x").set("rel_branchid", new EntityReference("rel_branch", UUID.randomUUID()))))
                .fault().errorCode()).isEqualTo(ErrorCodes.QueryBuilderNoAttribute.code());

        assertThat(fault(new DeleteRelationshipRequest().name("contact_customer_accounts")).fault().errorCode())
                .isEqualTo(ErrorCodes.NotSupported.code());
        assertThat(fault(new DeleteRelationshipRequest().name("rel_nothing")).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
    }

    @Test void refusals() {
        assertThat(fault(new CreateAttributeRequest().entityName("rel_visit").attribute(new Entity("attributemetadata")
                .set("SchemaName", "rel_OtherId").set("AttributeType", "Lookup"))).getMessage()).contains("CreateOneToMany");
        assertThat(fault(oneToMany("rel_bad", "rel_nothing", "rel_visit", "rel_BadId", null)).fault().errorCode())
                .isEqualTo(ErrorCodes.QueryBuilderNoEntity.code());
        assertThat(fault(oneToMany("noprefix", "account", "rel_visit", "rel_BadId", null)).fault().errorCode())
                .isEqualTo(ErrorCodes.InvalidArgument.code());
        assertThat(fault(oneToMany("rel_bad", "account", "rel_visit", "rel_name", null)).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectAlreadyExists.code());
        assertThat(fault(oneToMany("rel_bad", "account", "rel_visit", "rel_BadId", "Sometimes")).fault().errorCode())
                .isEqualTo(ErrorCodes.InvalidArgument.code());
        execute(oneToMany("rel_account_rel_visit", "account", "rel_visit", "rel_AccountId", null));
        assertThat(fault(oneToMany("rel_account_rel_visit", "account", "rel_visit", "rel_OtherId", null)).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectAlreadyExists.code());
        CreateOneToManyRequest sameNavigation = oneToMany("rel_account_rel_visit2", "account", "rel_visit", "rel_SecondAccountId", null);
        sameNavigation.oneToManyRelationship().set("ReferencedEntityNavigationPropertyName", "rel_account_rel_visit");
        assertThat(fault(sameNavigation).getMessage()).contains("navigation property named rel_account_rel_visit");
        assertThat(fault(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_visit_account").set("Entity1LogicalName", "rel_visit").set("Entity2LogicalName", "account")
                .set("Entity1NavigationPropertyName", "rel_accounts"))).fault().errorCode()).isEqualTo(ErrorCodes.NotSupported.code());
        assertThat(fault(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_visit_account").set("Entity1LogicalName", "rel_visit").set("Entity2LogicalName", "account")
                .set("IntersectEntityName", "rel_branch"))).fault().errorCode()).isEqualTo(ErrorCodes.ObjectAlreadyExists.code());

        var basic = server.server().engine().deployment().createUser(server.org(), "Rae", "Basic", "rae." + UUID.randomUUID() + "@example.com", Role.BasicUser);
        for (OrganizationRequest denied : List.<OrganizationRequest>of(oneToMany("rel_denied", "account", "rel_visit", "rel_DeniedId", null),
                new DeleteRelationshipRequest().name("rel_account_rel_visit"), optionSet("rel_denied", 1))) {
            FaultException f = org.junit.jupiter.api.Assertions.assertThrows(FaultException.class, () -> server.server().engine()
                    .execute(server.organization(), basic.token(), null, denied));
            assertThat(f.fault().errorCode()).isEqualTo(ErrorCodes.PrivilegeDenied.code());
        }
    }

    @Test void aFailedTransactionLeavesNoRelationshipBehind() {
        FaultException f = fault(new ExecuteTransactionRequest().requests(List.of(
                oneToMany("rel_lead_rel_visit", "lead", "rel_visit", "rel_LeadId", null),
                new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                        .set("SchemaName", "rel_visit_lead").set("Entity1LogicalName", "rel_visit").set("Entity2LogicalName", "lead")),
                oneToMany("rel_lead_rel_visit", "lead", "rel_visit", "rel_LeadAgainId", null))));
        assertThat(f.fault().errorCode()).isEqualTo(ErrorCodes.ObjectAlreadyExists.code());
        assertThat(server.org().metadata().entity("rel_visit").has("rel_leadid")).isFalse();
        assertThat(server.org().metadata().relationships()).noneMatch(x -> x.schemaName().startsWith("rel_lead_rel_visit")
                || x.schemaName().equals("rel_visit_lead"));
        // The DDL was undone too: the same definitions can be created again.
        execute(oneToMany("rel_lead_rel_visit", "lead", "rel_visit", "rel_LeadId", null));
        execute(new CreateManyToManyRequest().manyToManyRelationship(new Entity("manytomanyrelationshipmetadata")
                .set("SchemaName", "rel_visit_lead").set("Entity1LogicalName", "rel_visit").set("Entity2LogicalName", "lead")));
    }

    static CreateOptionSetRequest optionSet(String name, Integer firstValue) {
        Entity red = new Entity("optionmetadata").set("Label", "Red");
        if (firstValue != null) red.set("Value", firstValue);
        return new CreateOptionSetRequest().optionSet(new Entity("optionsetmetadata").set("Name", name).set("DisplayName", "Colour")
                .set("Options", new EntityCollection(List.of(red, new Entity("optionmetadata").set("Label", "Green"))).entityName("optionmetadata")));
    }

    @Test void aGlobalOptionSetIsSharedByColumnsAndKeptWhileUsed() {
        UUID id = ((CreateOptionSetResponse) execute(optionSet("rel_Colour", null))).optionSetId();
        assertThat(id).isEqualTo(MetadataIds.optionSet("rel_colour"));
        Entity read = ((RetrieveOptionSetResponse) execute(new RetrieveOptionSetRequest().name("rel_colour"))).optionSetMetadata();
        assertThat(read.get("DisplayName")).isEqualTo("Colour");
        assertThat(read.get("IsGlobal")).isEqualTo(true);
        List<Entity> options = ((EntityCollection) read.get("Options")).entities();
        assertThat(options).extracting(o -> o.get("Value")).containsExactly(100000000, 100000001);
        assertThat(options).extracting(o -> o.get("Label")).containsExactly("Red", "Green");
        assertThat(((RetrieveOptionSetResponse) execute(new RetrieveOptionSetRequest().metadataId(id))).optionSetMetadata().get("Name"))
                .isEqualTo("rel_colour");
        assertThat(fault(optionSet("rel_colour", 5)).fault().errorCode()).isEqualTo(ErrorCodes.ObjectAlreadyExists.code());

        execute(new UpdateOptionSetRequest().optionSet(new Entity("optionsetmetadata").set("Name", "rel_colour").set("DisplayName", "Color")));
        assertThat(((RetrieveOptionSetResponse) execute(new RetrieveOptionSetRequest().name("rel_colour"))).optionSetMetadata()
                .get("DisplayName")).isEqualTo("Color");

        execute(new CreateAttributeRequest().entityName("rel_branch").attribute(new Entity("attributemetadata")
                .set("SchemaName", "rel_Colour").set("AttributeType", "Picklist").set("OptionSetName", "rel_colour")));
        assertThat(server.org().metadata().entity("rel_branch").attribute("rel_colour").options()).hasSize(2);
        create(new Entity("rel_branch").set("rel_name", "coloured").set("rel_colour", new OptionSetValue(100000001)));
        assertThat(fault(new CreateRequest(new Entity("rel_branch").set("rel_name", "bad").set("rel_colour", new OptionSetValue(7)))).fault().errorCode())
                .isNotZero();

        FaultException used = fault(new DeleteOptionSetRequest().name("rel_colour"));
        assertThat(used.fault().errorCode()).isEqualTo(ErrorCodes.CannotDeleteDueToAssociation.code());
        assertThat(used.getMessage()).contains("rel_branch.rel_colour");
        execute(new DeleteAttributeRequest().entityLogicalName("rel_branch").logicalName("rel_colour"));
        execute(new DeleteOptionSetRequest().name("rel_colour"));
        assertThat(fault(new RetrieveOptionSetRequest().name("rel_colour")).fault().errorCode()).isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
        assertThat(fault(new CreateAttributeRequest().entityName("rel_branch").attribute(new Entity("attributemetadata")
                .set("SchemaName", "rel_Colour").set("AttributeType", "Picklist").set("OptionSetName", "rel_colour"))).fault().errorCode())
                .isEqualTo(ErrorCodes.ObjectDoesNotExist.code());
    }

    @Test void optionValuesComeFromThePublisherPrefix() {
        create(new Entity("publisher").set("uniquename", "relpub").set("friendlyname", "Rel publisher").set("customizationprefix", "relp")
                .set("customizationoptionvalueprefix", 54321));
        execute(optionSet("relp_size", null));
        List<Entity> options = ((EntityCollection) ((RetrieveOptionSetResponse) execute(new RetrieveOptionSetRequest().name("relp_size")))
                .optionSetMetadata().get("Options")).entities();
        assertThat(options).extracting(o -> o.get("Value")).containsExactly(543210000, 543210001);
        execute(optionSet("relp_given", 3));
        assertThat(server.org().metadata().optionSet("relp_given").options()).extracting(o -> o.value()).containsExactly(3, 543210000);
    }

    int count(String table, UUID id) {
        QueryExpression q = new QueryExpression(table).columnSet(new ColumnSet(table + "id"));
        q.criteria().addCondition(table + "id", org.xrm4j.sdk.query.ConditionOperator.Equal, id);
        return ((RetrieveMultipleResponse) execute(new RetrieveMultipleRequest(q))).entityCollection().entities().size();
    }
}
