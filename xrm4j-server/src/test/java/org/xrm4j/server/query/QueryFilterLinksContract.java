package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/**
 * Links that filter rather than join (JoinOperator Any, NotAny, All, NotAll): in the query's links, in a filter's
 * links under or, with criteria, with a join below them and nested in each other. Accounts carry the class's tag in
 * accountnumber: Alpha has contacts Ann (active) and Bob (inactive), Beta has Cy (active), Gamma has none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryFilterLinksContract {
    TestServers.TestServer server;
    EngineCalls calls;
    final String tag = EngineCalls.tag();

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        UUID alpha = calls.create(new Entity("account").set("name", "Alpha").set("accountnumber", tag));
        UUID beta = calls.create(new Entity("account").set("name", "Beta").set("accountnumber", tag));
        calls.create(new Entity("account").set("name", "Gamma").set("accountnumber", tag));
        UUID ann = contact("Ann", alpha);
        contact("Bob", alpha);
        UUID cy = contact("Cy", beta);
        calls.update(new Entity("contact", ann).set("jobtitle", "lead"));
        calls.update(new Entity("contact", cy).set("jobtitle", "lead"));
        calls.update(new Entity("account", beta).set("primarycontactid", new EntityReference("contact", ann)));
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private UUID contact(String first, UUID account) {
        return calls.create(new Entity("contact").set("firstname", first).set("lastname", tag)
                .set("parentcustomerid", new EntityReference("account", account)));
    }

    private QueryExpression accounts() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("accountnumber", ConditionOperator.Equal, tag);
        return q.addOrder("name", OrderType.Ascending);
    }

    /** The accounts' contacts whose first name is one of {@code names} (none: every contact). */
    private static LinkEntity contacts(JoinOperator join, String... names) {
        LinkEntity l = new LinkEntity("account", "contact", "accountid", "parentcustomerid", join).columns(new ColumnSet());
        if (names.length > 0) l.linkCriteria().addCondition("firstname", ConditionOperator.In, (Object[]) names);
        return l;
    }

    private List<String> names(QueryExpression q) {
        return calls.retrieveMultiple(q).entities().stream().map(e -> (String) e.get("name")).toList();
    }

    @Test void anyNotAnyAllAndNotAllFilterByTheRelatedRows() {
        QueryExpression any = accounts();
        any.linkEntities().add(contacts(JoinOperator.Any, "Bob", "Cy"));
        assertThat(names(any)).containsExactly("Alpha", "Beta");

        QueryExpression related = accounts();
        related.linkEntities().add(contacts(JoinOperator.Any));
        assertThat(names(related)).containsExactly("Alpha", "Beta");

        QueryExpression notAny = accounts();
        notAny.linkEntities().add(contacts(JoinOperator.NotAny, "Bob"));
        assertThat(names(notAny)).containsExactly("Beta", "Gamma");

        // All: there are related rows and none of them matches the criteria (Alpha's Bob does).
        QueryExpression all = accounts();
        all.linkEntities().add(contacts(JoinOperator.All, "Bob"));
        assertThat(names(all)).containsExactly("Beta");

        QueryExpression notAll = accounts();
        notAll.linkEntities().add(contacts(JoinOperator.NotAll, "Bob"));
        assertThat(names(notAll)).containsExactly("Alpha");
    }

    @Test void filteringLinksAreMembersOfTheirFiltersOr() {
        QueryExpression q = accounts();
        FilterExpression or = new FilterExpression(LogicalOperator.Or);
        or.addCondition("name", ConditionOperator.Equal, "Gamma");
        or.linkEntities().add(contacts(JoinOperator.Any, "Cy"));
        q.criteria().addFilter(or);
        assertThat(names(q)).containsExactly("Beta", "Gamma");

        // Two links to the same table, with aliases of their own, and a condition on a joined link below one.
        QueryExpression both = accounts();
        LinkEntity lead = contacts(JoinOperator.Any).entityAlias("lead");
        lead.linkCriteria().addCondition("jobtitle", ConditionOperator.Equal, "lead");
        LinkEntity primaryOf = new LinkEntity("contact", "account", "contactid", "primarycontactid", JoinOperator.Inner).entityAlias("primaryof");
        lead.linkEntities().add(primaryOf);
        lead.linkCriteria().addCondition(new org.xrm4j.sdk.query.ConditionExpression("primaryof", "name", ConditionOperator.Equal, List.of("Beta")));
        both.criteria().linkEntities().add(lead);
        both.criteria().linkEntities().add(contacts(JoinOperator.NotAny, "Cy").entityAlias("nocy"));
        assertThat(names(both)).containsExactly("Alpha");
    }

    @Test void filteringLinksNestInEachOther() {
        // Accounts with a contact that is the primary contact of some account.
        QueryExpression q = accounts();
        LinkEntity withContact = contacts(JoinOperator.Any);
        withContact.linkCriteria().linkEntities().add(new LinkEntity("contact", "account", "contactid", "primarycontactid", JoinOperator.Any));
        q.linkEntities().add(withContact);
        assertThat(names(q)).containsExactly("Alpha");
    }

    @Test void aJoinInsideAFilterIsRefused() {
        QueryExpression q = accounts();
        q.criteria().linkEntities().add(contacts(JoinOperator.Inner));
        fault(ErrorCodes.InvalidArgument, () -> calls.retrieveMultiple(q));
    }
}
