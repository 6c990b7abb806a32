package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCode;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.server.EngineCalls;

/**
 * Values the metadata refuses: each write faults with the platform's code, names the attribute, and leaves no row
 * behind (every record here is created with a fresh id that is then looked for).
 */
abstract class EngineValidationContract extends EngineContract {
    /** Creates {@code target} under a fresh id, expects {@code code} naming {@code attribute}, and checks nothing was written. */
    private FaultException refusedCreate(ErrorCode code, String attribute, Entity target) {
        UUID id = UUID.randomUUID();
        target.id(id);
        FaultException f = fault(code, () -> calls.create(target));
        assertThat(f.getMessage()).contains(attribute);
        assertThat(calls.exists(target.logicalName(), id)).as("no %s row is left behind", target.logicalName()).isFalse();
        return f;
    }

    /** Updates the record with {@code change}, expects {@code code} naming {@code attribute}, and checks the record kept its values. */
    private void refusedUpdate(ErrorCode code, String attribute, Entity change) {
        Entity before = calls.retrieve(change.logicalName(), change.id());
        FaultException f = fault(code, () -> calls.update(change));
        assertThat(f.getMessage()).contains(attribute);
        assertThat(calls.retrieve(change.logicalName(), change.id())).isEqualTo(before);
    }

    @Test void unknownAttribute() {
        FaultException f = refusedCreate(ErrorCodes.QueryBuilderNoAttribute, "nosuchcolumn",
                new Entity("account").set("name", "x").set("nosuchcolumn", 1));
        assertThat(f.getMessage()).contains("account");
        UUID id = calls.create(new Entity("account").set("name", "Kept"));
        refusedUpdate(ErrorCodes.QueryBuilderNoAttribute, "nosuchcolumn", new Entity("account", id).set("name", "Changed").set("nosuchcolumn", 1));
        FaultException read = fault(ErrorCodes.QueryBuilderNoAttribute, () -> calls.retrieve("account", id, "name", "nosuchcolumn"));
        assertThat(read.getMessage()).contains("nosuchcolumn");
    }

    @Test void unknownEntity() {
        FaultException f = fault(ErrorCodes.QueryBuilderNoEntity, () -> calls.create(new Entity("nosuchtable").set("name", "x")));
        assertThat(f.getMessage()).contains("nosuchtable");
        fault(ErrorCodes.QueryBuilderNoEntity, () -> calls.retrieve("nosuchtable", UUID.randomUUID()));
        fault(ErrorCodes.QueryBuilderNoEntity, () -> calls.delete("nosuchtable", UUID.randomUUID()));
    }

    @Test void wrongType() {
        refusedCreate(ErrorCodes.InvalidArgument, "numberofemployees", new Entity("account").set("name", "x").set("numberofemployees", "many"));
        refusedCreate(ErrorCodes.InvalidArgument, "industrycode", new Entity("account").set("name", "x").set("industrycode", 7));
        refusedCreate(ErrorCodes.InvalidArgument, "revenue", new Entity("account").set("name", "x").set("revenue", "12.50"));
        refusedCreate(ErrorCodes.InvalidArgument, "parentaccountid",
                new Entity("account").set("name", "x").set("parentaccountid", UUID.randomUUID()));
        refusedCreate(ErrorCodes.InvalidArgument, "name", new Entity("account").set("name", 42));
        UUID id = calls.create(new Entity("account").set("name", "Typed"));
        refusedUpdate(ErrorCodes.InvalidArgument, "donotemail", new Entity("account", id).set("donotemail", "yes"));
    }

    @Test void stringLongerThanMaxLength() {
        FaultException f = refusedCreate(ErrorCodes.Validation, "accountnumber",
                new Entity("account").set("name", "x").set("accountnumber", "1".repeat(21)));
        assertThat(f.getMessage()).contains("20");
        refusedCreate(ErrorCodes.Validation, "name", new Entity("account").set("name", "n".repeat(161)));
        UUID ok = calls.create(new Entity("account").set("name", "n".repeat(160)).set("accountnumber", "1".repeat(20)));
        assertThat(calls.retrieve("account", ok, "name").get("name", String.class)).hasSize(160);
        refusedUpdate(ErrorCodes.Validation, "lastname", new Entity("contact", calls.create(new Entity("contact").set("lastname", "Short")))
                .set("lastname", "l".repeat(51)));
    }

    @Test void integerOutOfRange() {
        refusedCreate(ErrorCodes.Validation, "numberofemployees", new Entity("account").set("name", "x").set("numberofemployees", -1));
        refusedCreate(ErrorCodes.Validation, "percentcomplete", new Entity("task").set("subject", "x").set("percentcomplete", 101));
        refusedCreate(ErrorCodes.Validation, "address1_latitude", new Entity("account").set("name", "x").set("address1_latitude", 91.0));
        UUID id = calls.create(new Entity("task").set("subject", "In range").set("percentcomplete", 100));
        refusedUpdate(ErrorCodes.Validation, "percentcomplete", new Entity("task", id).set("percentcomplete", -5));
    }

    @Test void optionValueNotInTheOptionSet() {
        refusedCreate(ErrorCodes.Validation, "industrycode", new Entity("account").set("name", "x").set("industrycode", new OptionSetValue(999)));
        refusedCreate(ErrorCodes.Validation, "statuscode", new Entity("account").set("name", "x").set("statuscode", new OptionSetValue(77)));
        refusedCreate(ErrorCodes.Validation, "preferredcontactmethods", new Entity("contact").set("lastname", "x")
                .set("preferredcontactmethods", OptionSetValueCollection.of(1, 9)));
    }

    @Test void systemRequiredColumnMissingOrCleared() {
        UUID account = calls.create(new Entity("account").set("name", "Customer"));
        refusedCreate(ErrorCodes.RequiredFieldMissing, "customerid", new Entity("incident").set("title", "No customer"));
        refusedCreate(ErrorCodes.RequiredFieldMissing, "customerid", new Entity("incident").set("title", "Null customer").set("customerid", null));
        UUID incident = calls.create(new Entity("incident").set("title", "Case").set("customerid", new EntityReference("account", account)));
        refusedUpdate(ErrorCodes.RequiredFieldMissing, "customerid", new Entity("incident", incident).set("customerid", null));
        refusedUpdate(ErrorCodes.RequiredFieldMissing, "statecode", new Entity("incident", incident).set("statecode", null));
        refusedUpdate(ErrorCodes.RequiredFieldMissing, "ownerid", new Entity("incident", incident).set("ownerid", null));
    }

    @Test void singleTargetLookupToAMissingRecord() {
        UUID missing = UUID.randomUUID();
        FaultException f = refusedCreate(ErrorCodes.ObjectDoesNotExist, "parentaccountid",
                new Entity("account").set("name", "Orphan").set("parentaccountid", new EntityReference("account", missing)));
        assertThat(f.getMessage()).contains(missing.toString());
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "primarycontactid",
                new Entity("account").set("name", "Orphan").set("primarycontactid", new EntityReference("contact", missing)));
        UUID id = calls.create(new Entity("account").set("name", "Existing"));
        refusedUpdate(ErrorCodes.ObjectDoesNotExist, "parentaccountid",
                new Entity("account", id).set("parentaccountid", new EntityReference("account", missing)));
    }

    @Test void multiTargetLookupToAMissingRecord() {
        UUID missing = UUID.randomUUID();
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "parentcustomerid",
                new Entity("contact").set("lastname", "Orphan").set("parentcustomerid", new EntityReference("account", missing)));
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "parentcustomerid",
                new Entity("contact").set("lastname", "Orphan").set("parentcustomerid", new EntityReference("contact", missing)));
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "regardingobjectid",
                new Entity("task").set("subject", "Orphan").set("regardingobjectid", new EntityReference("account", missing)));
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "ownerid",
                new Entity("account").set("name", "Orphan").set("ownerid", new EntityReference("systemuser", missing)));
        // An account's id is no contact's id: the target type counts, not only the id.
        UUID account = calls.create(new Entity("account").set("name", "Real"));
        refusedCreate(ErrorCodes.ObjectDoesNotExist, "regardingobjectid",
                new Entity("task").set("subject", "Wrong table").set("regardingobjectid", new EntityReference("contact", account)));
        UUID task = calls.create(new Entity("task").set("subject", "Regarding").set("regardingobjectid", new EntityReference("account", account)));
        refusedUpdate(ErrorCodes.ObjectDoesNotExist, "regardingobjectid",
                new Entity("task", task).set("regardingobjectid", new EntityReference("lead", missing)));
    }

    @Test void lookupToATableItDoesNotAccept() {
        UUID contact = calls.create(new Entity("contact").set("lastname", "Target"));
        FaultException f = refusedCreate(ErrorCodes.InvalidArgument, "parentaccountid",
                new Entity("account").set("name", "x").set("parentaccountid", new EntityReference("contact", contact)));
        assertThat(f.getMessage()).contains("contact");
        refusedCreate(ErrorCodes.InvalidArgument, "parentcustomerid",
                new Entity("contact").set("lastname", "x").set("parentcustomerid", new EntityReference("lead", UUID.randomUUID())));
        refusedCreate(ErrorCodes.InvalidArgument, "regardingobjectid",
                new Entity("task").set("subject", "x").set("regardingobjectid", new EntityReference("systemuser", calls.whoAmI().userId())));
    }

    @Test void aFaultLeavesNoPartOfTheWrite() {
        String tag = EngineCalls.tag();
        UUID id = calls.create(new Entity("account").set("name", "Before").set("accountnumber", tag));
        fault(ErrorCodes.Validation, () -> calls.update(new Entity("account", id).set("name", "After").set("numberofemployees", -3)));
        Entity a = calls.retrieve("account", id, "name", "numberofemployees");
        assertThat(a.get("name")).isEqualTo("Before");
        assertThat(a.contains("numberofemployees")).isFalse();
        assertThat(calls.idsWhere("account", "accountnumber", tag)).containsExactly(id);
    }
}
