package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/**
 * LinkEntity joins over lookups: inner and outer, aliased columns, link criteria and conditions that name a link
 * alias. Accounts carry the class's tag in accountnumber and contacts in jobtitle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryLinksContract {
    TestServers.TestServer server;
    EngineCalls calls;
    final String tag = EngineCalls.tag();
    UUID alpha;
    UUID beta;
    UUID gamma;
    UUID ann;
    UUID bob;
    UUID cy;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        alpha = calls.create(new Entity("account").set("name", "Alpha Inc").set("accountnumber", tag));
        beta = calls.create(new Entity("account").set("name", "Beta Inc").set("accountnumber", tag));
        gamma = calls.create(new Entity("account").set("name", "Gamma Inc").set("accountnumber", tag));
        ann = contact("Ann", "Archer", new EntityReference("account", alpha));
        bob = contact("Bob", "Baker", new EntityReference("account", alpha));
        cy = contact("Cy", "Cole", new EntityReference("account", beta));
        contact("Di", "Dunn", null);
        contact("Ed", "Eng", new EntityReference("contact", ann));
        calls.update(new Entity("account", alpha).set("primarycontactid", new EntityReference("contact", ann)));
        calls.update(new Entity("account", beta).set("primarycontactid", new EntityReference("contact", bob)));
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private UUID contact(String first, String last, EntityReference parent) {
        return calls.create(new Entity("contact").set("firstname", first).set("lastname", last).set("jobtitle", tag)
                .set("parentcustomerid", parent));
    }

    private QueryExpression accounts() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("accountnumber", ConditionOperator.Equal, tag);
        return q.addOrder("name", OrderType.Ascending);
    }

    private QueryExpression contacts() {
        QueryExpression q = new QueryExpression("contact").columnSet(new ColumnSet("fullname"));
        q.criteria().addCondition("jobtitle", ConditionOperator.Equal, tag);
        return q.addOrder("fullname", OrderType.Ascending);
    }

    private LinkEntity primaryContact(QueryExpression q, JoinOperator join) {
        return q.addLink("contact", "primarycontactid", "contactid", join).entityAlias("pc").columns(new ColumnSet("fullname", "lastname"));
    }

    /** Each record's name (accounts) or fullname (contacts) and the value of one aliased column, null when absent. */
    private Map<String, Object> column(QueryExpression q, String nameAttribute, String aliased) {
        return calls.retrieveMultiple(q).entities().stream().collect(Collectors.toMap(e -> (String) e.get(nameAttribute),
                e -> e.get(aliased) instanceof AliasedValue v ? v.value() : "(none)", (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test void innerJoinReturnsLinkedColumnsAsAliasedValues() {
        QueryExpression q = accounts();
        primaryContact(q, JoinOperator.Inner);
        List<Entity> found = calls.retrieveMultiple(q).entities();
        assertThat(found).extracting(e -> e.get("name")).containsExactly("Alpha Inc", "Beta Inc");
        assertThat(found.getFirst().get("pc.fullname")).isEqualTo(new AliasedValue("contact", "fullname", "Ann Archer"));
        assertThat(found.getFirst().get("pc.lastname")).isEqualTo(new AliasedValue("contact", "lastname", "Archer"));
        assertThat(found.get(1).get("pc.fullname")).isEqualTo(new AliasedValue("contact", "fullname", "Bob Baker"));
    }

    @Test void outerJoinKeepsRecordsWithoutALinkedOne() {
        QueryExpression q = accounts();
        primaryContact(q, JoinOperator.LeftOuter);
        assertThat(column(q, "name", "pc.fullname")).containsExactly(Map.entry("Alpha Inc", "Ann Archer"),
                Map.entry("Beta Inc", "Bob Baker"), Map.entry("Gamma Inc", "(none)"));
    }

    @Test void linkCriteriaFilterTheJoin() {
        QueryExpression inner = accounts();
        primaryContact(inner, JoinOperator.Inner).linkCriteria().addCondition("fullname", ConditionOperator.BeginsWith, "BOB");
        assertThat(column(inner, "name", "pc.fullname")).containsExactly(Map.entry("Beta Inc", "Bob Baker"));

        QueryExpression outer = accounts();
        primaryContact(outer, JoinOperator.LeftOuter).linkCriteria().addCondition("fullname", ConditionOperator.BeginsWith, "bob");
        assertThat(column(outer, "name", "pc.fullname")).containsExactly(Map.entry("Alpha Inc", "(none)"),
                Map.entry("Beta Inc", "Bob Baker"), Map.entry("Gamma Inc", "(none)"));
    }

    @Test void rootConditionsMayNameALinkAlias() {
        QueryExpression byLastName = accounts();
        primaryContact(byLastName, JoinOperator.Inner);
        byLastName.criteria().addCondition(new ConditionExpression("pc", "lastname", ConditionOperator.Equal, List.of("archer")));
        assertThat(column(byLastName, "name", "pc.fullname")).containsExactly(Map.entry("Alpha Inc", "Ann Archer"));

        QueryExpression withoutPrimary = accounts();
        primaryContact(withoutPrimary, JoinOperator.LeftOuter);
        withoutPrimary.criteria().addCondition(new ConditionExpression("pc", "contactid", ConditionOperator.Null, List.of()));
        assertThat(column(withoutPrimary, "name", "pc.fullname")).containsExactly(Map.entry("Gamma Inc", "(none)"));

        QueryExpression unknown = accounts();
        primaryContact(unknown, JoinOperator.Inner);
        unknown.criteria().addCondition(new ConditionExpression("nosuchalias", "lastname", ConditionOperator.Equal, List.of("x")));
        fault(ErrorCodes.InvalidArgument, () -> calls.retrieveMultiple(unknown));
    }

    @Test void contactToAccountOverTheCustomerLookup() {
        QueryExpression q = contacts();
        q.addLink("account", "parentcustomerid", "accountid", JoinOperator.Inner).entityAlias("acct").columns(new ColumnSet("name"));
        assertThat(column(q, "fullname", "acct.name")).containsExactly(Map.entry("Ann Archer", "Alpha Inc"),
                Map.entry("Bob Baker", "Alpha Inc"), Map.entry("Cy Cole", "Beta Inc"));

        QueryExpression outer = contacts();
        outer.addLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter).entityAlias("acct").columns(new ColumnSet("name"));
        assertThat(column(outer, "fullname", "acct.name")).containsExactly(Map.entry("Ann Archer", "Alpha Inc"),
                Map.entry("Bob Baker", "Alpha Inc"), Map.entry("Cy Cole", "Beta Inc"), Map.entry("Di Dunn", "(none)"),
                Map.entry("Ed Eng", "(none)"));
    }

    @Test void anUnaliasedLinkIsNamedAfterItsTable() {
        QueryExpression q = accounts();
        q.addLink("contact", "primarycontactid", "contactid", JoinOperator.Inner).columns(new ColumnSet("fullname"));
        assertThat(column(q, "name", "contact1.fullname")).containsExactly(Map.entry("Alpha Inc", "Ann Archer"),
                Map.entry("Beta Inc", "Bob Baker"));
    }

    @Test void nestedLinksAndLinkedLookups() {
        QueryExpression q = contacts();
        LinkEntity account = q.addLink("account", "parentcustomerid", "accountid", JoinOperator.Inner).entityAlias("acct")
                .columns(new ColumnSet("primarycontactid"));
        account.linkEntities().add(new LinkEntity("account", "contact", "primarycontactid", "contactid", JoinOperator.Inner)
                .entityAlias("pc").columns(new ColumnSet("fullname")));
        List<Entity> found = calls.retrieveMultiple(q).entities();
        assertThat(found).extracting(e -> ((AliasedValue) e.get("pc.fullname")).value()).containsExactly("Ann Archer", "Ann Archer", "Bob Baker");
        assertThat(((AliasedValue) found.get(2).get("acct.primarycontactid")).value())
                .isEqualTo(new EntityReference("contact", bob, "Bob Baker"));
    }

    @Test void linkOrdersApplyAfterTheRootOrders() {
        QueryExpression byAccount = new QueryExpression("contact").columnSet(new ColumnSet("fullname"));
        byAccount.criteria().addCondition("jobtitle", ConditionOperator.Equal, tag);
        LinkEntity link = byAccount.addLink("account", "parentcustomerid", "accountid", JoinOperator.Inner).entityAlias("acct");
        // Cy's account sorts after the others' account: first when descending, last when ascending, whatever the ids.
        link.orders().add(new OrderExpression("name", OrderType.Descending));
        assertThat(calls.retrieveMultiple(byAccount).entities()).extracting(Entity::id).first().isEqualTo(cy);
        link.orders().set(0, new OrderExpression("name", OrderType.Ascending));
        assertThat(calls.retrieveMultiple(byAccount).entities()).extracting(Entity::id).last().isEqualTo(cy);

        // A root order comes first: were the link's order applied first, Cy (of Beta Inc) would be last.
        byAccount.addOrder("fullname", OrderType.Descending);
        assertThat(calls.retrieveMultiple(byAccount).entities()).extracting(Entity::id).containsExactly(cy, bob, ann);
    }

    @Test void badLinksAreFaults() {
        QueryExpression unknownColumn = accounts();
        unknownColumn.addLink("contact", "nosuchlookup", "contactid", JoinOperator.Inner);
        fault(ErrorCodes.QueryBuilderNoAttribute, () -> calls.retrieveMultiple(unknownColumn));
        QueryExpression unknownTable = accounts();
        unknownTable.addLink("nosuchtable", "primarycontactid", "contactid", JoinOperator.Inner);
        fault(ErrorCodes.QueryBuilderNoEntity, () -> calls.retrieveMultiple(unknownTable));
        QueryExpression sameAlias = accounts();
        primaryContact(sameAlias, JoinOperator.Inner);
        primaryContact(sameAlias, JoinOperator.LeftOuter);
        fault(ErrorCodes.InvalidArgument, () -> calls.retrieveMultiple(sameAlias));
    }
}
