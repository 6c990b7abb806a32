package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.messages.SetStateRequest;
import org.xrm4j.sdk.messages.UpsertRequest;
import org.xrm4j.sdk.messages.UpsertResponse;
import org.xrm4j.server.EngineCalls;

/** Upsert and SetState, and the state rules every write shares. */
abstract class EngineStateContract extends EngineContract {
    private UpsertResponse upsert(Entity target) { return (UpsertResponse) calls.execute(new UpsertRequest(target)); }

    private void setState(String entity, UUID id, int state, int status) {
        calls.execute(new SetStateRequest(new EntityReference(entity, id), new OptionSetValue(state), new OptionSetValue(status)));
    }

    @Test void upsertCreatesWithTheGivenIdThenUpdates() {
        UUID id = UUID.randomUUID();
        UpsertResponse created = upsert(new Entity("account", id).set("name", "Upserted").set("telephone1", "1"));
        assertThat(created.recordCreated()).isTrue();
        assertThat(created.target()).isEqualTo(new EntityReference("account", id));
        Entity first = calls.retrieve("account", id);
        assertThat(first.get("name")).isEqualTo("Upserted");
        assertThat(first.get("statecode")).isEqualTo(new OptionSetValue(0));
        assertThat(first.get("ownerid", EntityReference.class).id()).isEqualTo(calls.whoAmI().userId());

        UpsertResponse updated = upsert(new Entity("account", id).set("name", "Upserted again"));
        assertThat(updated.recordCreated()).isFalse();
        assertThat(updated.target()).isEqualTo(new EntityReference("account", id));
        Entity second = calls.retrieve("account", id);
        assertThat(second.get("name")).isEqualTo("Upserted again");
        assertThat(second.get("telephone1")).as("an update leaves other columns alone").isEqualTo("1");
        assertThat(second.get("createdon")).isEqualTo(first.get("createdon"));
        assertThat(second.get("versionnumber", Long.class)).isGreaterThan(first.get("versionnumber", Long.class));
    }

    @Test void upsertByPrimaryKeyAttribute() {
        UUID id = UUID.randomUUID();
        assertThat(upsert(new Entity("contact").set("contactid", id).set("firstname", "Up").set("lastname", "Sert")).recordCreated()).isTrue();
        assertThat(calls.retrieve("contact", id, "fullname").get("fullname")).isEqualTo("Up Sert");
        assertThat(upsert(new Entity("contact").set("contactid", id).set("lastname", "Date")).recordCreated()).isFalse();
        assertThat(calls.retrieve("contact", id, "fullname").get("fullname")).isEqualTo("Up Date");
    }

    @Test void upsertThatFailsValidationWritesNothing() {
        UUID id = UUID.randomUUID();
        fault(ErrorCodes.Validation, () -> upsert(new Entity("account", id).set("name", "x").set("numberofemployees", -1)));
        assertThat(calls.exists("account", id)).isFalse();
    }

    @Test void upsertWithoutAnIdIsInvalidArgument() {
        String tag = EngineCalls.tag();
        FaultException f = fault(ErrorCodes.InvalidArgument, () -> upsert(new Entity("account").set("accountnumber", tag)));
        assertThat(f.getMessage()).contains("Id");
        assertThat(calls.idsWhere("account", "accountnumber", tag)).isEmpty();
    }

    @Test void setStateMovesToAValidStateAndStatus() {
        UUID id = calls.create(new Entity("account").set("name", "Active one"));
        Entity before = calls.retrieve("account", id, "versionnumber");
        setState("account", id, 1, 2);
        Entity after = calls.retrieve("account", id, "statecode", "statuscode", "versionnumber", "modifiedby");
        assertThat(after.get("statecode")).isEqualTo(new OptionSetValue(1));
        assertThat(after.get("statuscode")).isEqualTo(new OptionSetValue(2));
        assertThat(after.formattedValues()).containsEntry("statecode", "Inactive").containsEntry("statuscode", "Inactive");
        assertThat(after.get("versionnumber", Long.class)).isGreaterThan(before.get("versionnumber", Long.class));

        setState("account", id, 0, -1);
        Entity back = calls.retrieve("account", id, "statecode", "statuscode");
        assertThat(back.get("statecode")).isEqualTo(new OptionSetValue(0));
        assertThat(back.get("statuscode")).as("status -1 is the state's default").isEqualTo(new OptionSetValue(1));
    }

    @Test void setStateUsesTheStatesDefaultStatusOnEveryTable() {
        UUID account = calls.create(new Entity("account").set("name", "Customer"));
        UUID incident = calls.create(new Entity("incident").set("title", "Case").set("customerid", new EntityReference("account", account)));
        setState("incident", incident, 1, -1);
        assertThat(calls.retrieve("incident", incident, "statuscode").get("statuscode")).isEqualTo(new OptionSetValue(5));
        setState("incident", incident, 2, 2000);
        Entity cancelled = calls.retrieve("incident", incident, "statecode", "statuscode");
        assertThat(cancelled.get("statecode")).isEqualTo(new OptionSetValue(2));
        assertThat(cancelled.formattedValues()).containsEntry("statuscode", "Merged");

        UUID task = calls.create(new Entity("task").set("subject", "Do it"));
        setState("task", task, 1, -1);
        assertThat(calls.retrieve("task", task, "statuscode").get("statuscode")).isEqualTo(new OptionSetValue(5));
    }

    @Test void aStatusOfAnotherStateIsInvalidState() {
        UUID id = calls.create(new Entity("account").set("name", "Stays active"));
        Entity before = calls.retrieve("account", id);
        FaultException f = fault(ErrorCodes.InvalidState, () -> setState("account", id, 0, 2));
        assertThat(f.getMessage()).contains("2");
        fault(ErrorCodes.InvalidState, () -> calls.update(new Entity("account", id).set("statecode", new OptionSetValue(1))
                .set("statuscode", new OptionSetValue(1))));
        assertThat(calls.retrieve("account", id)).isEqualTo(before);
    }

    @Test void setStateFaultsForAnUnknownStateOrRecord() {
        UUID id = calls.create(new Entity("account").set("name", "Unknown state"));
        fault(ErrorCodes.Validation, () -> setState("account", id, 7, -1));
        fault(ErrorCodes.ObjectDoesNotExist, () -> setState("account", UUID.randomUUID(), 1, 2));
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new SetStateRequest().entityMoniker(new EntityReference("account", id))));
    }

    @Test void aStatusAloneMovesTheStateWithIt() {
        UUID id = calls.create(new Entity("account").set("name", "Status only"));
        calls.update(new Entity("account", id).set("statuscode", new OptionSetValue(2)));
        Entity a = calls.retrieve("account", id, "statecode", "statuscode");
        assertThat(a.get("statecode")).isEqualTo(new OptionSetValue(1));
        assertThat(a.get("statuscode")).isEqualTo(new OptionSetValue(2));

        UUID created = calls.create(new Entity("account").set("name", "Created inactive").set("statecode", new OptionSetValue(1)));
        assertThat(calls.retrieve("account", created, "statuscode").get("statuscode")).isEqualTo(new OptionSetValue(2));
    }

    @Test void setStateIsAuditedLikeAnUpdate() {
        UUID id = calls.create(new Entity("account").set("name", "Audited"));
        Instant created = calls.retrieve("account", id, "modifiedon").get("modifiedon", Instant.class);
        setState("account", id, 1, 2);
        Entity a = calls.retrieve("account", id, "modifiedon", "modifiedby");
        assertThat(a.get("modifiedon", Instant.class)).isAfterOrEqualTo(created);
        assertThat(a.get("modifiedby", EntityReference.class).id()).isEqualTo(calls.whoAmI().userId());
    }
}
