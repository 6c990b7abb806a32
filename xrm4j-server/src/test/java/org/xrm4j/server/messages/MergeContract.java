package org.xrm4j.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.messages.MergeRequest;
import org.xrm4j.sdk.messages.MergeResponse;
import org.xrm4j.sdk.messages.SetStateRequest;
import org.xrm4j.server.security.Role;

/** Merge of accounts and contacts: MG-1 (the master's values), MG-2 (children move) and MG-3 (every refusal). */
abstract class MergeContract extends MergeFixture {

    @Test void mg1MasterKeepsItsValuesAndTakesUpdateContent() {
        UUID a1 = client.create(new Entity("account").set("name", "Fourth Coffee").set("description", "Coffee House"));
        UUID a2 = client.create(new Entity("account").set("name", "Fourth Coffee").set("numberofemployees", 55));
        Entity content = new Entity("account").set("address1_line1", "Test").set("numberofemployees", 45);

        assertThat(execute(merge("account", a1, a2, content, false))).isInstanceOf(MergeResponse.class);

        Entity sub = retrieve("account", a2, "statecode", "statuscode", "merged", "masterid", "numberofemployees");
        assertThat(state(sub)).isEqualTo(1);
        assertThat(status(sub)).isEqualTo(2);
        assertThat(sub.get("merged")).isEqualTo(true);
        assertThat(lookup(sub, "masterid")).isEqualTo(a1);
        assertThat(sub.get("numberofemployees")).isEqualTo(55);
        Entity master = retrieve("account", a1, "name", "description", "numberofemployees", "address1_line1", "statecode", "merged");
        assertThat(master.get("name")).isEqualTo("Fourth Coffee");
        assertThat(master.get("description")).isEqualTo("Coffee House");
        assertThat(master.get("numberofemployees")).isEqualTo(45);
        assertThat(master.get("address1_line1")).isEqualTo("Test");
        assertThat(state(master)).isZero();
        assertThat(master.get("merged")).isNotEqualTo(true);
    }

    @Test void updateContentIdIsIgnoredAndContentIsOptional() {
        UUID a1 = account("mg-id-1");
        UUID a2 = account("mg-id-2");
        execute(merge("account", a1, a2, new Entity("account", a2).set("accountid", a2).set("fax", "123"), false));
        assertThat(retrieve("account", a1, "fax").get("fax")).isEqualTo("123");
        assertThat(retrieve("account", a2, "fax").get("fax")).isNull();

        UUID a3 = account("mg-id-3");
        execute(merge("account", a1, a3, null, false));
        assertThat(state(retrieve("account", a3, "statecode"))).isEqualTo(1);
    }

    @Test void mg2OneContactMovesToTheMaster() {
        UUID master = account("mg2-master");
        UUID sub = account("mg2-sub");
        UUID contact = contactOf("account", sub);
        execute(merge("account", master, sub, new Entity("account"), false));
        assertThat(lookup(retrieve("contact", contact, "parentcustomerid"), "parentcustomerid")).isEqualTo(master);
        Entity subordinate = retrieve("account", sub, "statecode", "statuscode");
        assertThat(state(subordinate)).isEqualTo(1);
        assertThat(status(subordinate)).isEqualTo(2);
    }

    @Test void mg2SeveralContactsMoveAndTheMastersOwnStay() {
        UUID master = account("mg2b-master");
        UUID sub = account("mg2b-sub");
        UUID own = contactOf("account", master);
        List<UUID> children = List.of(contactOf("account", sub), contactOf("account", sub), contactOf("account", sub));
        execute(merge("account", master, sub, new Entity("account"), false));
        for (UUID c : children) assertThat(lookup(retrieve("contact", c, "parentcustomerid"), "parentcustomerid")).isEqualTo(master);
        assertThat(lookup(retrieve("contact", own, "parentcustomerid"), "parentcustomerid")).isEqualTo(master);
        assertThat(countWhere("contact", "parentcustomerid", master)).isEqualTo(4);
        assertThat(countWhere("contact", "parentcustomerid", sub)).isZero();
    }

    @Test void contactsMergeAndTheirChildContactsMove() {
        UUID master = client.create(new Entity("contact").set("lastname", "Master"));
        UUID sub = client.create(new Entity("contact").set("lastname", "Sub"));
        UUID child = contactOf("contact", sub);
        UUID company = client.create(new Entity("account").set("name", "mg-primary")
                .set("primarycontactid", new EntityReference("contact", sub)));
        execute(merge("contact", master, sub, new Entity("contact").set("jobtitle", "Chief"), false));
        assertThat(lookup(retrieve("contact", child, "parentcustomerid"), "parentcustomerid")).isEqualTo(master);
        assertThat(lookup(retrieve("account", company, "primarycontactid"), "primarycontactid")).isEqualTo(master);
        assertThat(retrieve("contact", master, "jobtitle").get("jobtitle")).isEqualTo("Chief");
        Entity merged = retrieve("contact", sub, "statecode", "statuscode", "merged", "masterid");
        assertThat(state(merged)).isEqualTo(1);
        assertThat(status(merged)).isEqualTo(2);
        assertThat(merged.get("merged")).isEqualTo(true);
        assertThat(lookup(merged, "masterid")).isEqualTo(master);
    }

    @Test void mg3MissingOrEmptyParametersAreInvalidArguments() {
        UUID a1 = account("mg3-a1");
        UUID a2 = account("mg3-a2");
        fault(ErrorCodes.InvalidArgument, () -> execute(new MergeRequest().subordinateId(a2).performParentingChecks(false)));
        fault(ErrorCodes.InvalidArgument, () -> execute(new MergeRequest().target(new EntityReference("account", a1))
                .performParentingChecks(false)));
        fault(ErrorCodes.InvalidArgument, () -> execute(merge("account", a1, new UUID(0, 0), new Entity("account"), false)));
        fault(ErrorCodes.InvalidArgument, () -> execute(merge("account", new UUID(0, 0), a2, new Entity("account"), false)));
        fault(ErrorCodes.InvalidArgument, () -> execute(new MergeRequest().target(new EntityReference("account", a1))
                .subordinateId(a2).updateContent(new Entity("account"))));
        fault(ErrorCodes.InvalidArgument, () -> execute(merge("account", a1, a2, new Entity("contact").set("lastname", "x"), false)));
        assertThat(state(retrieve("account", a2, "statecode"))).isZero();
    }

    @Test void mg3SelfMergeIsRefused() {
        UUID a1 = account("mg3-self");
        String message = fault(ErrorCodes.InvalidArgument, () -> execute(merge("account", a1, a1, new Entity("account"), false)));
        assertThat(message).contains("Merge cannot be performed on master and sub-entities that are identical.");
    }

    @Test void mg3MissingMasterOrSubordinateDoesNotExist() {
        UUID a1 = account("mg3-exists");
        UUID nobody = UUID.randomUUID();
        assertThat(fault(ErrorCodes.ObjectDoesNotExist, () -> execute(merge("account", nobody, a1, new Entity("account"), false))))
                .contains(nobody.toString());
        assertThat(fault(ErrorCodes.ObjectDoesNotExist, () -> execute(merge("account", a1, nobody, new Entity("account"), false))))
                .contains(nobody.toString());
        assertThat(state(retrieve("account", a1, "statecode"))).isZero();
    }

    @Test void mg3InactiveMasterOrSubordinateIsRefused() {
        UUID active = account("mg3-active");
        UUID inactive = account("mg3-inactive");
        execute(new SetStateRequest(new EntityReference("account", inactive), new OptionSetValue(1), new OptionSetValue(2)));
        assertThat(fault(ErrorCodes.InvalidState, () -> execute(merge("account", inactive, active, new Entity("account"), false))))
                .contains("Merge cannot be performed on entity that is inactive.");
        assertThat(fault(ErrorCodes.InvalidState, () -> execute(merge("account", active, inactive, new Entity("account"), false))))
                .contains("Merge cannot be performed on entity that is inactive.");
        assertThat(state(retrieve("account", active, "statecode"))).isZero();
    }

    @Test void mg3OtherTablesAreNotSupported() {
        UUID t1 = client.create(new Entity("task").set("subject", "one"));
        UUID t2 = client.create(new Entity("task").set("subject", "two"));
        assertThat(fault(ErrorCodes.SdkEntityDoesNotSupportMessage, () -> execute(merge("task", t1, t2, null, false))))
                .contains("This type: task is not supported with merge operation");
    }

    @Test void mg3CallerWithoutTheMergePrivilegeIsDenied() {
        UUID a1 = account("mg3-priv-1");
        UUID a2 = account("mg3-priv-2");
        var user = server.server().engine().deployment().createUser(server.org(), "No", "Merge", "nomerge@example.com", Role.BasicUser);
        removeRoles(user.userId());
        try (var limited = client(user.token())) {
            fault(ErrorCodes.PrivilegeDenied, () -> limited.execute(merge("account", a1, a2, new Entity("account"), false)));
        }
        assertThat(state(retrieve("account", a2, "statecode"))).isZero();
        var basic = server.server().engine().deployment().createUser(server.org(), "Basic", "User", "basic@example.com", Role.BasicUser);
        try (var allowed = client(basic.token())) {
            allowed.execute(merge("account", a1, a2, new Entity("account"), false));
        }
        assertThat(state(retrieve("account", a2, "statecode"))).isEqualTo(1);
    }

    @Test void mg3ParentingChecks() {
        UUID p1 = account("mg3-parent-1");
        UUID p2 = account("mg3-parent-2");
        UUID a = client.create(new Entity("account").set("name", "mg3-a").set("parentaccountid", new EntityReference("account", p1)));
        UUID b = client.create(new Entity("account").set("name", "mg3-b").set("parentaccountid", new EntityReference("account", p2)));
        UUID orphan = account("mg3-orphan");
        fault(ErrorCodes.InvalidState, () -> execute(merge("account", a, b, new Entity("account"), true)));
        fault(ErrorCodes.InvalidState, () -> execute(merge("account", a, orphan, new Entity("account"), true)));
        fault(ErrorCodes.InvalidState, () -> execute(merge("account", orphan, a, new Entity("account"), true)));
        assertThat(state(retrieve("account", b, "statecode"))).isZero();

        UUID c = client.create(new Entity("account").set("name", "mg3-c").set("parentaccountid", new EntityReference("account", p1)));
        execute(merge("account", a, c, new Entity("account"), true));
        assertThat(state(retrieve("account", c, "statecode"))).isEqualTo(1);
        execute(merge("account", a, b, new Entity("account"), false));
        assertThat(state(retrieve("account", b, "statecode"))).isEqualTo(1);
        UUID lonely = account("mg3-lonely");
        execute(merge("account", orphan, lonely, new Entity("account"), true));
        assertThat(state(retrieve("account", lonely, "statecode"))).isEqualTo(1);
    }

    @Test void contactParentingCheckComparesTheParentCustomer() {
        UUID company = account("mg3-company");
        UUID c1 = contactOf("account", company);
        UUID c2 = contactOf("account", company);
        UUID elsewhere = contactOf("contact", c1);
        fault(ErrorCodes.InvalidState, () -> execute(merge("contact", c2, elsewhere, new Entity("contact"), true)));
        execute(merge("contact", c1, c2, new Entity("contact"), true));
        assertThat(state(retrieve("contact", c2, "statecode"))).isEqualTo(1);
    }

    @Test void aMasterBelowTheSubordinateWouldBeItsOwnAncestor() {
        UUID top = account("mg-cycle-top");
        UUID middle = client.create(new Entity("account").set("name", "mg-cycle-middle").set("parentaccountid", new EntityReference("account", top)));
        UUID bottom = client.create(new Entity("account").set("name", "mg-cycle-bottom").set("parentaccountid", new EntityReference("account", middle)));
        assertThat(fault(ErrorCodes.InvalidState, () -> execute(merge("account", bottom, top, new Entity("account"), false))))
                .contains("cyclical parenting");
        assertThat(lookup(retrieve("account", middle, "parentaccountid"), "parentaccountid")).isEqualTo(top);
        assertThat(state(retrieve("account", top, "statecode"))).isZero();
        // The other way round closes no loop: the master is above the subordinate.
        execute(merge("account", top, bottom, new Entity("account"), false));
        assertThat(state(retrieve("account", bottom, "statecode"))).isEqualTo(1);
    }
}
