package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.AssociateRequest;
import org.xrm4j.sdk.messages.DisassociateRequest;
import org.xrm4j.server.EngineCalls;

/** Associate and Disassociate over one-to-many relationships, and the delete cascades of each relationship kind. */
abstract class EngineRelationshipsContract extends EngineContract {
    private void associate(EntityReference target, String relationship, EntityReference... related) {
        calls.execute(new AssociateRequest(target, new Relationship(relationship), EntityReferenceCollection.of(related)));
    }

    private void disassociate(EntityReference target, String relationship, EntityReference... related) {
        calls.execute(new DisassociateRequest(target, new Relationship(relationship), EntityReferenceCollection.of(related)));
    }

    private EntityReference account(String name) { return new EntityReference("account", calls.create(new Entity("account").set("name", name))); }

    private EntityReference contact(String lastName) {
        return new EntityReference("contact", calls.create(new Entity("contact").set("lastname", lastName)));
    }

    @Test void associateAndDisassociateASingleTargetLookup() {
        EntityReference account = account("Primary holder");
        EntityReference contact = contact("Primary");
        associate(account, "account_primary_contact", contact);
        assertThat(calls.retrieve("account", account.id(), "primarycontactid").get("primarycontactid"))
                .isEqualTo(new EntityReference("contact", contact.id(), "Primary"));

        disassociate(account, "account_primary_contact", contact);
        assertThat(calls.retrieve("account", account.id()).contains("primarycontactid")).isFalse();

        // Either side may be the Target.
        associate(contact, "account_primary_contact", account);
        assertThat(calls.retrieve("account", account.id(), "primarycontactid").get("primarycontactid", EntityReference.class).id())
                .isEqualTo(contact.id());
    }

    @Test void associateAndDisassociateACustomerLookup() {
        EntityReference account = account("Customer");
        EntityReference first = contact("First");
        EntityReference second = contact("Second");
        long version = calls.retrieve("contact", first.id(), "versionnumber").get("versionnumber", Long.class);
        associate(account, "contact_customer_accounts", first, second);
        for (EntityReference c : new EntityReference[] {first, second}) {
            assertThat(calls.retrieve("contact", c.id(), "parentcustomerid").get("parentcustomerid"))
                    .isEqualTo(new EntityReference("account", account.id(), "Customer"));
        }
        assertThat(calls.retrieve("contact", first.id(), "versionnumber").get("versionnumber", Long.class)).isGreaterThan(version);

        disassociate(account, "Contact_Customer_Accounts", first);
        assertThat(calls.retrieve("contact", first.id()).contains("parentcustomerid")).isFalse();
        assertThat(calls.retrieve("contact", second.id()).contains("parentcustomerid")).isTrue();
    }

    @Test void unknownRelationshipIsAFaultAndChangesNothing() {
        EntityReference account = account("No relationship");
        EntityReference contact = contact("Unrelated");
        FaultException f = fault(ErrorCodes.ObjectDoesNotExist, () -> associate(account, "account_nosuch_contact", contact));
        assertThat(f.getMessage()).contains("account_nosuch_contact");
        fault(ErrorCodes.ObjectDoesNotExist, () -> disassociate(account, "account_nosuch_contact", contact));
        assertThat(calls.retrieve("account", account.id()).contains("primarycontactid")).isFalse();
    }

    @Test void relationshipBetweenOtherTablesOrMissingRecordsIsAFault() {
        EntityReference account = account("Wrong pair");
        EntityReference other = account("Other");
        fault(ErrorCodes.InvalidArgument, () -> associate(account, "account_primary_contact", other));
        fault(ErrorCodes.ObjectDoesNotExist, () -> associate(account, "account_primary_contact",
                new EntityReference("contact", UUID.randomUUID())));
        fault(ErrorCodes.ObjectDoesNotExist, () -> associate(new EntityReference("account", UUID.randomUUID()),
                "contact_customer_accounts", contact("Lonely")));
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new AssociateRequest(account, new Relationship("account_primary_contact"),
                new EntityReferenceCollection(java.util.List.of()))));
        assertThat(calls.retrieve("account", account.id()).contains("primarycontactid")).isFalse();
    }

    @Test void deletingAnAccountDeletesItsContactsCasesAndTasks() {
        EntityReference account = account("Cascading");
        UUID contact = calls.create(new Entity("contact").set("lastname", "Child").set("parentcustomerid", account));
        UUID incident = calls.create(new Entity("incident").set("title", "Case").set("customerid", account));
        UUID task = calls.create(new Entity("task").set("subject", "Call back").set("regardingobjectid", account));
        UUID phoneCall = calls.create(new Entity("phonecall").set("subject", "Rang").set("regardingobjectid", account));

        calls.delete("account", account.id());

        assertThat(calls.exists("account", account.id())).isFalse();
        assertThat(calls.exists("contact", contact)).isFalse();
        assertThat(calls.exists("incident", incident)).isFalse();
        assertThat(calls.exists("task", task)).isFalse();
        assertThat(calls.exists("phonecall", phoneCall)).isFalse();
    }

    @Test void cascadesReachTheRecordsOfDeletedChildren() {
        EntityReference account = account("Grandparent");
        EntityReference contact = new EntityReference("contact", calls.create(new Entity("contact").set("lastname", "Parent")
                .set("parentcustomerid", account)));
        UUID grandchild = calls.create(new Entity("contact").set("lastname", "Grandchild").set("parentcustomerid", contact));
        UUID contactTask = calls.create(new Entity("task").set("subject", "About the contact").set("regardingobjectid", contact));
        EntityReference incident = new EntityReference("incident", calls.create(new Entity("incident").set("title", "Case")
                .set("customerid", account)));
        UUID caseTask = calls.create(new Entity("task").set("subject", "About the case").set("regardingobjectid", incident));

        calls.delete("account", account.id());

        assertThat(calls.exists("contact", contact.id())).isFalse();
        assertThat(calls.exists("contact", grandchild)).isFalse();
        assertThat(calls.exists("task", contactTask)).isFalse();
        assertThat(calls.exists("task", caseTask)).isFalse();
    }

    @Test void cascadeStopsAtACycle() {
        EntityReference first = contact("Cycle one");
        EntityReference second = new EntityReference("contact", calls.create(new Entity("contact").set("lastname", "Cycle two")
                .set("parentcustomerid", first)));
        calls.update(new Entity("contact", first.id()).set("parentcustomerid", second));

        calls.delete("contact", first.id());

        assertThat(calls.exists("contact", first.id())).isFalse();
        assertThat(calls.exists("contact", second.id())).isFalse();
    }

    @Test void deletingAContactClearsTheLookupsThatRemoveTheLink() {
        EntityReference contact = contact("Removed");
        EntityReference account = account("Keeps going");
        calls.update(new Entity("account", account.id()).set("primarycontactid", contact));
        UUID lead = calls.create(new Entity("lead").set("subject", "Lead").set("customerid", contact).set("parentcontactid", contact));

        calls.delete("contact", contact.id());

        Entity a = calls.retrieve("account", account.id());
        assertThat(a.get("name")).isEqualTo("Keeps going");
        assertThat(a.contains("primarycontactid")).isFalse();
        Entity l = calls.retrieve("lead", lead);
        assertThat(l.contains("customerid")).isFalse();
        assertThat(l.contains("parentcontactid")).isFalse();
    }

    @Test void deletingAParentAccountKeepsTheChildAccount() {
        EntityReference parent = account("Parent");
        UUID child = calls.create(new Entity("account").set("name", "Child").set("parentaccountid", parent));
        calls.delete("account", parent.id());
        Entity c = calls.retrieve("account", child);
        assertThat(c.contains("parentaccountid")).isFalse();
    }

    @Test void deletingARecordRemovesItsManyToManyAssociations() throws java.sql.SQLException {
        calls.execute(new org.xrm4j.sdk.messages.ImportSolutionRequest().overwriteUnmanagedCustomizations(true).publishWorkflows(false)
                .customizationFile(org.xrm4j.server.solutions.SolutionFixtures.leaveSolution("PairsCleanup", "1.0.0.0", "xt_Cpair")));
        EntityReference pair = new EntityReference("xt_cpair", calls.create(new Entity("xt_cpair").set("xt_name", "Pair")));
        EntityReference other = new EntityReference("xt_cpair", calls.create(new Entity("xt_cpair").set("xt_name", "Other")));
        EntityReference ames = contact("Ames");
        EntityReference baker = contact("Baker");
        associate(pair, "xt_cpair_contact", ames, baker);
        associate(other, "xt_cpair_contact", baker);

        calls.execute(new org.xrm4j.sdk.messages.DeleteRequest(baker));
        assertThat(intersectRows("xt_cpair_contact")).as("the contact's rows, on the second side").isEqualTo(1);
        calls.execute(new org.xrm4j.sdk.messages.DeleteRequest(pair));
        assertThat(intersectRows("xt_cpair_contact")).as("the pair's rows, on the first side").isZero();
    }

    private long intersectRows(String intersect) throws java.sql.SQLException {
        try (java.sql.Connection c = server.server().database().connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + server.org().store().table(intersect))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test void restrictedDeleteIsCannotDeleteDueToAssociation() {
        // A business unit restricts deletion while users and records belong to it.
        UUID bu = calls.whoAmI().businessUnitId();
        fault(ErrorCodes.CannotDeleteDueToAssociation, () -> calls.delete("businessunit", bu));
        assertThat(calls.exists("businessunit", bu)).isTrue();
        assertThat(calls.whoAmI().businessUnitId()).isEqualTo(bu);
    }
}
