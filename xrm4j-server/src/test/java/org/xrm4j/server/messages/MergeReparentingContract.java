package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;

/**
 * Merge moving children of every kind (activities through the multi-target regarding lookup, child accounts,
 * leads, cases), merges of leads and cases, the rollback of a merge a step aborts, and a subordinate with
 * thousands of children.
 */
abstract class MergeReparentingContract extends MergeFixture {
    /** Children in the large case: enough to show the statements are set-based, few enough to create quickly. */
    static final int MANY = 20_000;

    UUID contact(String lastName) { return client.create(new Entity("contact").set("lastname", lastName)); }

    UUID activity(String entity, String regardingEntity, UUID regarding) {
        return client.create(new Entity(entity).set("subject", "mg-activity")
                .set("regardingobjectid", new EntityReference(regardingEntity, regarding)));
    }

    long version(String entity, UUID id) { return retrieve(entity, id, "versionnumber").get("versionnumber", Long.class); }

    @Test void activitiesRegardingAMergedContactMoveAndAreMarkedChanged() {
        UUID master = contact("Master");
        UUID sub = contact("Sub");
        List<UUID> tasks = List.of(activity("task", "contact", sub), activity("task", "contact", sub));
        UUID call = activity("phonecall", "contact", sub);
        UUID mastersOwn = activity("task", "contact", master);
        long before = version("task", tasks.getFirst());

        execute(merge("contact", master, sub, new Entity("contact"), false));

        for (UUID t : tasks) {
            Entity task = retrieve("task", t, "regardingobjectid", "modifiedon", "modifiedby");
            assertThat(task.get("regardingobjectid", EntityReference.class).sameRecord(new EntityReference("contact", master))).isTrue();
            assertThat(task.get("modifiedby")).isNotNull();
        }
        assertThat(version("task", tasks.getFirst())).isGreaterThan(before);
        assertThat(lookup(retrieve("phonecall", call, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);
        assertThat(lookup(retrieve("task", mastersOwn, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);
    }

    @Test void aRecordOfAnotherTableWithTheSubordinatesIdKeepsItsActivities() {
        UUID master = contact("Master");
        UUID sub = contact("Sub");
        client.create(new Entity("account", sub).set("name", "mg-same-id"));
        UUID onAccount = activity("task", "account", sub);
        UUID onContact = activity("task", "contact", sub);
        execute(merge("contact", master, sub, new Entity("contact"), false));
        Entity kept = retrieve("task", onAccount, "regardingobjectid");
        assertThat(kept.get("regardingobjectid", EntityReference.class).sameRecord(new EntityReference("account", sub))).isTrue();
        assertThat(lookup(retrieve("task", onContact, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);
    }

    @Test void everyKindOfChildOfAMergedAccountMoves() {
        UUID master = account("mg-all-master");
        UUID sub = account("mg-all-sub");
        UUID childAccount = client.create(new Entity("account").set("name", "mg-all-child").set("parentaccountid", new EntityReference("account", sub)));
        UUID lead = client.create(new Entity("lead").set("subject", "mg-all-lead").set("parentaccountid", new EntityReference("account", sub)));
        UUID incident = client.create(new Entity("incident").set("title", "mg-all-case").set("customerid", new EntityReference("account", sub)));
        UUID email = activity("email", "account", sub);
        execute(merge("account", master, sub, new Entity("account"), false));
        assertThat(lookup(retrieve("account", childAccount, "parentaccountid"), "parentaccountid")).isEqualTo(master);
        assertThat(lookup(retrieve("lead", lead, "parentaccountid"), "parentaccountid")).isEqualTo(master);
        assertThat(lookup(retrieve("incident", incident, "customerid"), "customerid")).isEqualTo(master);
        assertThat(lookup(retrieve("email", email, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);
    }

    @Test void recordsMergedIntoTheSubordinateEarlierKeepTheirMaster() {
        UUID first = account("mg-chain-1");
        UUID second = account("mg-chain-2");
        UUID third = account("mg-chain-3");
        execute(merge("account", second, third, new Entity("account"), false));
        execute(merge("account", first, second, new Entity("account"), false));
        assertThat(lookup(retrieve("account", third, "masterid"), "masterid")).isEqualTo(second);
        assertThat(lookup(retrieve("account", second, "masterid"), "masterid")).isEqualTo(first);
    }

    @Test void leadsMergeIntoTheDisqualifiedState() {
        UUID master = client.create(new Entity("lead").set("subject", "mg-lead-master"));
        UUID sub = client.create(new Entity("lead").set("subject", "mg-lead-sub"));
        UUID task = activity("task", "lead", sub);
        execute(merge("lead", master, sub, new Entity("lead").set("companyname", "Contoso"), true));
        Entity merged = retrieve("lead", sub, "statecode", "statuscode", "merged", "masterid");
        assertThat(state(merged)).isEqualTo(2);
        assertThat(status(merged)).isEqualTo(4);
        assertThat(merged.get("merged")).isEqualTo(true);
        assertThat(lookup(merged, "masterid")).isEqualTo(master);
        assertThat(retrieve("lead", master, "companyname").get("companyname")).isEqualTo("Contoso");
        assertThat(lookup(retrieve("task", task, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);

        UUID person = contact("Lead parent");
        UUID parented = client.create(new Entity("lead").set("subject", "mg-lead-parented").set("parentcontactid", new EntityReference("contact", person)));
        fault(ErrorCodes.InvalidState, () -> execute(merge("lead", master, parented, null, true)));
        execute(merge("lead", master, parented, null, false));
        assertThat(state(retrieve("lead", parented, "statecode"))).isEqualTo(2);
    }

    @Test void incidentsMergeAsMergedCasesAndIgnoreUpdateContent() {
        UUID customer = account("mg-case-customer");
        UUID master = client.create(new Entity("incident").set("title", "Master case").set("customerid", new EntityReference("account", customer)));
        UUID sub = client.create(new Entity("incident").set("title", "Sub case").set("customerid", new EntityReference("account", customer)));
        UUID childCase = client.create(new Entity("incident").set("title", "Child case").set("customerid", new EntityReference("account", customer))
                .set("parentcaseid", new EntityReference("incident", sub)));
        UUID task = activity("task", "incident", sub);
        execute(merge("incident", master, sub, new Entity("incident").set("title", "Renamed"), true));
        assertThat(retrieve("incident", master, "title").get("title")).isEqualTo("Master case");
        Entity merged = retrieve("incident", sub, "statecode", "statuscode", "merged", "masterid");
        assertThat(state(merged)).isEqualTo(2);
        assertThat(status(merged)).isEqualTo(2000);
        assertThat(merged.get("merged")).isEqualTo(true);
        assertThat(lookup(merged, "masterid")).isEqualTo(master);
        assertThat(lookup(retrieve("incident", childCase, "parentcaseid"), "parentcaseid")).isEqualTo(master);
        assertThat(lookup(retrieve("task", task, "regardingobjectid"), "regardingobjectid")).isEqualTo(master);

        UUID otherCustomer = account("mg-case-other");
        UUID foreign = client.create(new Entity("incident").set("title", "Other").set("customerid", new EntityReference("account", otherCustomer)));
        fault(ErrorCodes.InvalidState, () -> execute(merge("incident", master, foreign, null, true)));
    }

    @Test void aStepFaultingAfterTheMergeLeavesNothingChanged() {
        UUID master = account("mg-rollback-master");
        UUID sub = account("mg-rollback-sub");
        UUID child = contactOf("account", sub);
        UUID task = activity("task", "account", sub);
        PipelineStep abort = new PipelineStep() {
            @Override public String messageName() { return "Merge"; }
            @Override public int stage() { return POST_OPERATION; }
            @Override public void execute(StepContext c, OrganizationRequest r, OrganizationResponse response) {
                throw new FaultException(ErrorCodes.IsvAborted, "merges are frozen");
            }
        };
        server.server().engine().pipeline().register(abort);
        try {
            assertThat(fault(ErrorCodes.IsvAborted, () -> execute(merge("account", master, sub,
                    new Entity("account").set("description", "merged"), false)))).contains("merges are frozen");
        } finally {
            server.server().engine().pipeline().unregister(abort);
        }
        Entity subordinate = retrieve("account", sub, "statecode", "statuscode", "merged", "masterid");
        assertThat(state(subordinate)).isZero();
        assertThat(status(subordinate)).isEqualTo(1);
        assertThat(subordinate.get("merged")).isNotEqualTo(true);
        assertThat(subordinate.get("masterid")).isNull();
        assertThat(retrieve("account", master, "description").get("description")).isNull();
        assertThat(lookup(retrieve("contact", child, "parentcustomerid"), "parentcustomerid")).isEqualTo(sub);
        assertThat(lookup(retrieve("task", task, "regardingobjectid"), "regardingobjectid")).isEqualTo(sub);
    }

    @Test void aSubordinateWithThousandsOfContactsMergesWithEveryOneMoved() {
        UUID master = account("mg-many-master");
        UUID sub = account("mg-many-sub");
        createContacts("account", sub, MANY);
        assertThat(countWhere("contact", "parentcustomerid", sub)).isEqualTo(MANY);
        long highestBefore = versionWhere("MAX", "contact", "parentcustomerid", sub);

        long started = System.nanoTime();
        execute(merge("account", master, sub, new Entity("account"), false));
        System.out.printf("merge of %d contacts on %s: %d ms%n", MANY, database(), (System.nanoTime() - started) / 1_000_000);

        assertThat(countWhere("contact", "parentcustomerid", master)).isEqualTo(MANY);
        assertThat(countWhere("contact", "parentcustomerid", sub)).isZero();
        assertThat(versionWhere("MIN", "contact", "parentcustomerid", master)).isGreaterThan(highestBefore);
    }
}
