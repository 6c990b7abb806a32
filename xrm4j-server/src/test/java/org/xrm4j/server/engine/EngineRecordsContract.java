package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.xrm4j.server.EngineCalls.fault;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.WhoAmIResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.EngineCalls;

/** Create, Retrieve, Update and Delete of accounts and contacts: the columns the server sets and how values come back. */
abstract class EngineRecordsContract extends EngineContract {
    @Test void createSetsAuditOwnershipStateAndVersion() {
        WhoAmIResponse me = calls.whoAmI();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID id = calls.create(new Entity("account").set("name", "Audit"));
        Entity a = calls.retrieve("account", id);

        assertThat(a.id()).isEqualTo(id);
        assertThat(a.get("accountid")).isEqualTo(id);
        Instant createdOn = a.get("createdon", Instant.class);
        assertThat(createdOn).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(a.get("modifiedon")).isEqualTo(createdOn);
        EntityReference createdBy = a.get("createdby", EntityReference.class);
        assertThat(createdBy.logicalName()).isEqualTo("systemuser");
        assertThat(createdBy.id()).isEqualTo(me.userId());
        assertThat(createdBy.name()).isEqualTo("System Administrator");
        assertThat(a.get("modifiedby", EntityReference.class).id()).isEqualTo(me.userId());
        EntityReference owner = a.get("ownerid", EntityReference.class);
        assertThat(owner.logicalName()).isEqualTo("systemuser");
        assertThat(owner.id()).isEqualTo(me.userId());
        EntityReference bu = a.get("owningbusinessunit", EntityReference.class);
        assertThat(bu.logicalName()).isEqualTo("businessunit");
        assertThat(bu.id()).isEqualTo(me.businessUnitId());
        assertThat(a.get("statecode")).isEqualTo(new OptionSetValue(0));
        assertThat(a.get("statuscode")).isEqualTo(new OptionSetValue(1));
        assertThat(a.get("versionnumber", Long.class)).isPositive();
        assertThat(a.contains("createdonbehalfby")).isFalse();
        assertThat(a.contains("modifiedonbehalfby")).isFalse();
    }

    @Test void versionNumberGrowsOnEveryWriteAndModifiedColumnsFollow() {
        UUID id = calls.create(new Entity("account").set("name", "V1"));
        long v1 = calls.retrieve("account", id, "versionnumber").get("versionnumber", Long.class);
        calls.update(new Entity("account", id).set("name", "V2"));
        Entity after2 = calls.retrieve("account", id, "versionnumber", "modifiedon", "createdon", "name");
        long v2 = after2.get("versionnumber", Long.class);
        calls.update(new Entity("account", id).set("telephone1", "555"));
        long v3 = calls.retrieve("account", id, "versionnumber").get("versionnumber", Long.class);

        assertThat(v2).isGreaterThan(v1);
        assertThat(v3).isGreaterThan(v2);
        assertThat(after2.get("name")).isEqualTo("V2");
        assertThat(after2.get("modifiedon", Instant.class)).isAfterOrEqualTo(after2.get("createdon", Instant.class));
    }

    @Test void serverManagedColumnsAreIgnoredOnWrite() {
        Instant past = Instant.parse("2001-02-03T04:05:06Z");
        UUID id = calls.create(new Entity("account").set("name", "Managed").set("createdon", past).set("versionnumber", 1L));
        Entity a = calls.retrieve("account", id, "createdon", "versionnumber");
        assertThat(a.get("createdon", Instant.class)).isAfter(past);
    }

    @Test void idComesFromEntityIdOrThePrimaryKeyAttribute() {
        UUID explicit = UUID.randomUUID();
        assertThat(calls.create(new Entity("account", explicit).set("name", "By Id"))).isEqualTo(explicit);
        assertThat(calls.retrieve("account", explicit, "name").get("name")).isEqualTo("By Id");

        UUID byAttribute = UUID.randomUUID();
        assertThat(calls.create(new Entity("account").set("accountid", byAttribute).set("name", "By Key"))).isEqualTo(byAttribute);
        Entity read = calls.retrieve("account", byAttribute, "name");
        assertThat(read.id()).isEqualTo(byAttribute);
        assertThat(read.get("accountid")).as("the primary key is always returned").isEqualTo(byAttribute);

        UUID other = UUID.randomUUID();
        fault(ErrorCodes.InvalidArgument, () -> calls.create(new Entity("account", other).set("accountid", UUID.randomUUID())));
        assertThat(calls.exists("account", other)).isFalse();
    }

    @Test void duplicateIdIsDuplicateRecordAndKeepsTheFirst() {
        UUID id = UUID.randomUUID();
        calls.create(new Entity("account", id).set("name", "First"));
        fault(ErrorCodes.DuplicateRecord, () -> calls.create(new Entity("account", id).set("name", "Second")));
        assertThat(calls.retrieve("account", id, "name").get("name")).isEqualTo("First");
    }

    @Test void contactFullNameIsComposedAndRecomposed() {
        UUID id = calls.create(new Entity("contact").set("firstname", "Ada").set("lastname", "Lovelace"));
        assertThat(calls.retrieve("contact", id, "fullname").get("fullname")).isEqualTo("Ada Lovelace");

        calls.update(new Entity("contact", id).set("lastname", "King"));
        assertThat(calls.retrieve("contact", id, "fullname").get("fullname")).isEqualTo("Ada King");

        calls.update(new Entity("contact", id).set("firstname", null));
        assertThat(calls.retrieve("contact", id, "fullname").get("fullname")).isEqualTo("King");

        UUID onlyFirst = calls.create(new Entity("contact").set("firstname", "Grace"));
        assertThat(calls.retrieve("contact", onlyFirst, "fullname").get("fullname")).isEqualTo("Grace");
    }

    @Test void lookupsComeBackWithTheTargetsName() {
        String name = "Contoso " + EngineCalls.tag();
        UUID parent = calls.create(new Entity("account").set("name", name));
        UUID contact = calls.create(new Entity("contact").set("firstname", "Pat").set("lastname", "Lee")
                .set("parentcustomerid", new EntityReference("account", parent)));
        UUID child = calls.create(new Entity("account").set("name", "Child")
                .set("parentaccountid", new EntityReference("account", parent))
                .set("primarycontactid", new EntityReference("contact", contact)));

        EntityReference customer = calls.retrieve("contact", contact, "parentcustomerid").get("parentcustomerid", EntityReference.class);
        assertThat(customer).isEqualTo(new EntityReference("account", parent, name));
        Entity c = calls.retrieve("account", child, "parentaccountid", "primarycontactid");
        assertThat(c.get("parentaccountid")).isEqualTo(new EntityReference("account", parent, name));
        assertThat(c.get("primarycontactid")).isEqualTo(new EntityReference("contact", contact, "Pat Lee"));

        UUID contactChild = calls.create(new Entity("contact").set("lastname", "Junior")
                .set("parentcustomerid", new EntityReference("contact", contact)));
        assertThat(calls.retrieve("contact", contactChild, "parentcustomerid").get("parentcustomerid"))
                .isEqualTo(new EntityReference("contact", contact, "Pat Lee"));
    }

    @Test void formattedValuesCarryLabels() {
        UUID id = calls.create(new Entity("account").set("name", "Labels").set("industrycode", new OptionSetValue(7))
                .set("customertypecode", new OptionSetValue(3)).set("donotemail", true));
        Entity a = calls.retrieve("account", id, "industrycode", "customertypecode", "donotemail", "statecode", "statuscode", "name");
        assertThat(a.get("industrycode")).isEqualTo(new OptionSetValue(7));
        assertThat(a.formattedValues()).containsEntry("industrycode", "Consulting").containsEntry("customertypecode", "Customer")
                .containsEntry("donotemail", "Yes").containsEntry("statecode", "Active").containsEntry("statuscode", "Active")
                .doesNotContainKey("name");
    }

    @Test void nullAttributesAreLeftOutAndOnlyRequestedColumnsReturned() {
        UUID id = calls.create(new Entity("account").set("name", "Sparse").set("telephone1", null));
        Entity all = calls.retrieve("account", id);
        assertThat(all.attributes()).doesNotContainKeys("telephone1", "revenue", "parentaccountid", "industrycode", "description");
        assertThat(all.attributes()).doesNotContainValue(null);

        Entity some = calls.retrieve("account", id, "name", "telephone1");
        assertThat(some.attributes()).containsEntry("name", "Sparse").doesNotContainKeys("telephone1", "createdon", "ownerid");
    }

    @Test void updateWithNullClearsAndLeavesOtherColumnsAlone() {
        UUID parent = calls.create(new Entity("account").set("name", "Parent"));
        UUID id = calls.create(new Entity("account").set("name", "Full").set("telephone1", "123").set("revenue", new Money("12.50"))
                .set("industrycode", new OptionSetValue(2)).set("parentaccountid", new EntityReference("account", parent))
                .set("numberofemployees", 40));
        calls.update(new Entity("account", id).set("telephone1", null).set("revenue", null).set("industrycode", null)
                .set("parentaccountid", null));
        Entity a = calls.retrieve("account", id);
        assertThat(a.attributes()).doesNotContainKeys("telephone1", "revenue", "industrycode", "parentaccountid");
        assertThat(a.formattedValues()).doesNotContainKey("industrycode");
        assertThat(a.get("name")).isEqualTo("Full");
        assertThat(a.get("numberofemployees")).isEqualTo(40);
    }

    @Test void valuesRoundTripWithTheirTypes() {
        Instant when = Instant.parse("2024-05-06T07:08:09Z");
        UUID id = calls.create(new Entity("account").set("name", "Types").set("revenue", new Money("1234.56"))
                .set("numberofemployees", 12).set("address1_latitude", 47.5).set("exchangerate", new BigDecimal("1.25"))
                .set("lastusedincampaign", when).set("donotemail", false).set("description", "long text"));
        Entity a = calls.retrieve("account", id);
        assertThat(a.get("revenue")).isEqualTo(new Money("1234.56"));
        assertThat(a.get("numberofemployees")).isEqualTo(12);
        assertThat(a.get("address1_latitude", Double.class)).isCloseTo(47.5, within(1e-9));
        assertThat(a.get("exchangerate", BigDecimal.class)).isEqualByComparingTo("1.25");
        assertThat(a.get("lastusedincampaign")).isEqualTo(when);
        assertThat(a.get("donotemail")).isEqualTo(false);
        assertThat(a.formattedValues()).containsEntry("donotemail", "No");
        assertThat(a.get("description")).isEqualTo("long text");
    }

    @Test void deleteRemovesTheRecord() {
        UUID id = calls.create(new Entity("contact").set("lastname", "Gone"));
        calls.delete("contact", id);
        assertThat(calls.exists("contact", id)).isFalse();
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.retrieve("contact", id));
    }

    @Test void missingRecordsAreObjectDoesNotExist() {
        UUID missing = UUID.randomUUID();
        var retrieve = fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(
                new RetrieveRequest(new EntityReference("account", missing), ColumnSet.all())));
        assertThat(retrieve.errorCode()).isEqualTo(-2147220969);
        assertThat(retrieve.getMessage()).contains(missing.toString());
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new UpdateRequest(new Entity("account", missing).set("name", "x"))));
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new UpdateRequest(new Entity("contact", missing).set("lastname", "x"))));
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new DeleteRequest(new EntityReference("account", missing))));
        assertThat(calls.exists("account", missing)).isFalse();
    }

    @Test void createWithoutTargetOrUpdateWithoutIdIsInvalidArgument() {
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new CreateRequest()));
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new UpdateRequest(new Entity("account").set("name", "no id"))));
    }
}
