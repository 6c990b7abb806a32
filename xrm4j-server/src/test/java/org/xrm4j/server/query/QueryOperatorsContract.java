package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;
import static org.xrm4j.sdk.query.ConditionOperator.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/**
 * Every condition operator of the SDK's ConditionOperator on the column types it applies to. The records are made
 * once per class and carry a tag in accountnumber (contacts: lastname), which every query also filters on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryOperatorsContract {
    TestServers.TestServer server;
    EngineCalls calls;
    final String tag = EngineCalls.tag();
    UUID admin;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        admin = calls.whoAmI().userId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        account("Contoso", 10, "100.00", "555-0100", 1, today.minus(60, ChronoUnit.HOURS), true);
        account("contoso Labs", 20, "250.50", null, 2, today.plus(84, ChronoUnit.HOURS), false);
        account("Fabrikam", 30, null, "555-0300", null, Instant.parse("2020-01-15T10:00:00Z"), null);
        account("100% Cotton", 40, "1.00", null, 3, now.minus(2, ChronoUnit.HOURS), null);
        account("100 Percent", 50, "2.00", "555-0500", null, now.plus(2, ChronoUnit.HOURS), null);
        account("A_B Corp", 60, null, "555-0600", null, today.minus(12, ChronoUnit.HOURS), null);
        account("AxB Corp", 70, null, null, null, today.plus(36, ChronoUnit.HOURS), null);
        account("[Draft] plan", 80, null, null, null, null, null);
        contact("Any and email", OptionSetValueCollection.of(1, 2));
        contact("Phone", OptionSetValueCollection.of(3));
        contact("Email and fax", OptionSetValueCollection.of(2, 4));
        contact("No preference", null);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private void account(String name, Integer employees, String revenue, String phone, Integer industry, Instant campaign, Boolean noEmail) {
        Entity a = new Entity("account").set("name", name).set("accountnumber", tag).set("numberofemployees", employees)
                .set("telephone1", phone).set("lastusedincampaign", campaign).set("donotemail", noEmail);
        if (revenue != null) a.set("revenue", new Money(revenue));
        if (industry != null) a.set("industrycode", new OptionSetValue(industry));
        calls.create(a);
    }

    private void contact(String firstName, OptionSetValueCollection methods) {
        calls.create(new Entity("contact").set("firstname", firstName).set("lastname", tag).set("preferredcontactmethods", methods));
    }

    /** The names of this class's accounts that also match {@code filter}. */
    private List<String> accounts(FilterExpression filter) {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        q.criteria().addCondition("accountnumber", Equal, tag).addFilter(filter);
        return calls.retrieveMultiple(q).entities().stream().map(e -> (String) e.get("name")).toList();
    }

    private List<String> accounts(String attribute, ConditionOperator op, Object... values) {
        return accounts(new FilterExpression().addCondition(attribute, op, values));
    }

    private List<String> contacts(ConditionOperator op, Object... values) {
        QueryExpression q = new QueryExpression("contact").columnSet(new ColumnSet("firstname"));
        q.criteria().addCondition("lastname", Equal, tag).addCondition("preferredcontactmethods", op, values);
        return calls.retrieveMultiple(q).entities().stream().map(e -> (String) e.get("firstname")).toList();
    }

    private static final List<String> ALL = List.of("Contoso", "contoso Labs", "Fabrikam", "100% Cotton", "100 Percent",
            "A_B Corp", "AxB Corp", "[Draft] plan");

    @Test void equalityIsCaseInsensitiveForText() {
        assertThat(accounts("name", Equal, "contoso")).containsExactly("Contoso");
        assertThat(accounts("name", Equal, "CONTOSO LABS")).containsExactly("contoso Labs");
        assertThat(accounts("name", NotEqual, "CONTOSO")).hasSize(ALL.size() - 1).doesNotContain("Contoso");
        assertThat(accounts("numberofemployees", Equal, 30)).containsExactly("Fabrikam");
        assertThat(accounts("numberofemployees", NotEqual, 30)).hasSize(ALL.size() - 1).doesNotContain("Fabrikam");
    }

    @Test void comparisons() {
        assertThat(accounts("numberofemployees", GreaterThan, 60)).containsExactlyInAnyOrder("AxB Corp", "[Draft] plan");
        assertThat(accounts("numberofemployees", GreaterEqual, 60)).containsExactlyInAnyOrder("A_B Corp", "AxB Corp", "[Draft] plan");
        assertThat(accounts("numberofemployees", LessThan, 20)).containsExactly("Contoso");
        assertThat(accounts("numberofemployees", LessEqual, 20)).containsExactlyInAnyOrder("Contoso", "contoso Labs");
        assertThat(accounts("revenue", GreaterThan, new Money("100"))).containsExactly("contoso Labs");
        assertThat(accounts("revenue", LessEqual, 100)).containsExactlyInAnyOrder("Contoso", "100% Cotton", "100 Percent");
        assertThat(accounts("name", GreaterEqual, "zzz")).isEmpty();
        assertThat(accounts("lastusedincampaign", LessThan, Instant.parse("2021-01-01T00:00:00Z"))).containsExactly("Fabrikam");
    }

    @Test void choicesBooleansAndLookups() {
        assertThat(accounts("industrycode", Equal, 1)).containsExactly("Contoso");
        assertThat(accounts("industrycode", Equal, new OptionSetValue(2))).containsExactly("contoso Labs");
        assertThat(accounts("industrycode", In, 1, 3)).containsExactlyInAnyOrder("Contoso", "100% Cotton");
        assertThat(accounts("donotemail", Equal, true)).containsExactly("Contoso");
        assertThat(accounts("donotemail", Equal, false)).containsExactly("contoso Labs");
        assertThat(accounts("ownerid", Equal, admin)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("statecode", Equal, 0)).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test void likePatterns() {
        assertThat(accounts("name", Like, "%TOS%")).containsExactlyInAnyOrder("Contoso", "contoso Labs");
        assertThat(accounts("name", Like, "c_ntoso")).containsExactly("Contoso");
        assertThat(accounts("name", NotLike, "%tos%")).hasSize(ALL.size() - 2).doesNotContain("Contoso", "contoso Labs");
    }

    @Test void inAndNotIn() {
        assertThat(accounts("name", In, "contoso", "FABRIKAM", "absent")).containsExactlyInAnyOrder("Contoso", "Fabrikam");
        assertThat(accounts("numberofemployees", In, List.of(10, 30))).containsExactlyInAnyOrder("Contoso", "Fabrikam");
        assertThat(accounts("numberofemployees", NotIn, 10, 20, 30, 40, 50)).containsExactlyInAnyOrder("A_B Corp", "AxB Corp", "[Draft] plan");
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("name", In));
    }

    @Test void nullAndNotNull() {
        assertThat(accounts("telephone1", Null)).containsExactlyInAnyOrder("contoso Labs", "100% Cotton", "AxB Corp", "[Draft] plan");
        assertThat(accounts("telephone1", NotNull)).containsExactlyInAnyOrder("Contoso", "Fabrikam", "100 Percent", "A_B Corp");
        assertThat(accounts("revenue", Null)).containsExactlyInAnyOrder("Fabrikam", "A_B Corp", "AxB Corp", "[Draft] plan");
        assertThat(accounts("industrycode", NotNull)).containsExactlyInAnyOrder("Contoso", "contoso Labs", "100% Cotton");
    }

    @Test void betweenAndNotBetween() {
        assertThat(accounts("numberofemployees", Between, 20, 40)).containsExactlyInAnyOrder("contoso Labs", "Fabrikam", "100% Cotton");
        assertThat(accounts("numberofemployees", NotBetween, 20, 70)).containsExactlyInAnyOrder("Contoso", "[Draft] plan");
        assertThat(accounts("revenue", Between, new Money("1"), new Money("2"))).containsExactlyInAnyOrder("100% Cotton", "100 Percent");
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("numberofemployees", Between, 20));
    }

    @Test void beginsAndEndsWith() {
        assertThat(accounts("name", BeginsWith, "CONT")).containsExactlyInAnyOrder("Contoso", "contoso Labs");
        assertThat(accounts("name", DoesNotBeginWith, "cont")).hasSize(ALL.size() - 2).doesNotContain("Contoso", "contoso Labs");
        assertThat(accounts("name", EndsWith, "CORP")).containsExactlyInAnyOrder("A_B Corp", "AxB Corp");
        assertThat(accounts("name", DoesNotEndWith, "corp")).hasSize(ALL.size() - 2).doesNotContain("A_B Corp", "AxB Corp");
    }

    @Test void beginsWithTakesWildcardCharactersLiterally() {
        assertThat(accounts("name", BeginsWith, "100%")).containsExactly("100% Cotton");
        assertThat(accounts("name", BeginsWith, "A_")).containsExactly("A_B Corp");
        assertThat(accounts("name", BeginsWith, "[d")).containsExactly("[Draft] plan");
        assertThat(accounts("name", EndsWith, "_b corp")).containsExactly("A_B Corp");
        assertThat(accounts("name", DoesNotBeginWith, "100%")).doesNotContain("100% Cotton").contains("100 Percent");
    }

    @Test void relativeDatesOnCreatedOn() {
        assertThat(accounts("createdon", Today)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("createdon", Yesterday)).isEmpty();
        assertThat(accounts("createdon", LastXDays, 1)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("createdon", LastXHours, 1)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("createdon", OnOrAfter, Instant.now())).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test void aRecordWrittenThisVerySecondIsInTheLastHoursAndDays() {
        // Record times and the request clock are whole seconds, so the create and the query below share one "now".
        String own = EngineCalls.tag();
        UUID id = calls.create(new Entity("account").set("name", "Just now").set("accountnumber", own));
        for (ConditionOperator op : List.of(LastXHours, LastXDays, Last7Days, Today)) {
            QueryExpression q = new QueryExpression("account");
            Object[] values = op == Last7Days || op == Today ? new Object[0] : new Object[] {1};
            q.criteria().addCondition("accountnumber", Equal, own).addCondition("createdon", op, values);
            assertThat(calls.retrieveMultiple(q).entities()).as(op.name()).extracting(Entity::id).containsExactly(id);
        }
    }

    @Test void relativeDates() {
        assertThat(accounts("lastusedincampaign", Yesterday)).contains("A_B Corp").doesNotContain("Contoso", "contoso Labs", "Fabrikam", "AxB Corp");
        assertThat(accounts("lastusedincampaign", Tomorrow)).contains("AxB Corp").doesNotContain("Contoso", "contoso Labs", "Fabrikam", "A_B Corp");
        assertThat(accounts("lastusedincampaign", Today)).doesNotContain("Contoso", "contoso Labs", "Fabrikam", "A_B Corp", "AxB Corp");
        assertThat(accounts("lastusedincampaign", LastXDays, 7)).containsExactlyInAnyOrder("Contoso", "100% Cotton", "A_B Corp");
        assertThat(accounts("lastusedincampaign", Last7Days)).containsExactlyInAnyOrder("Contoso", "100% Cotton", "A_B Corp");
        assertThat(accounts("lastusedincampaign", NextXDays, 7)).containsExactlyInAnyOrder("contoso Labs", "100 Percent", "AxB Corp");
        assertThat(accounts("lastusedincampaign", Next7Days)).containsExactlyInAnyOrder("contoso Labs", "100 Percent", "AxB Corp");
        assertThat(accounts("lastusedincampaign", LastXHours, 3)).containsExactly("100% Cotton");
        assertThat(accounts("lastusedincampaign", NextXHours, "3")).containsExactly("100 Percent");
        assertThat(accounts("lastusedincampaign", LastXDays, 10000)).hasSize(4).contains("Fabrikam");
    }

    @Test void onAndAroundADate() {
        assertThat(accounts("lastusedincampaign", On, Instant.parse("2020-01-15T23:59:00Z"))).containsExactly("Fabrikam");
        assertThat(accounts("lastusedincampaign", On, "2020-01-15")).containsExactly("Fabrikam");
        assertThat(accounts("lastusedincampaign", On, "2020-01-16")).isEmpty();
        assertThat(accounts("lastusedincampaign", OnOrBefore, "2020-01-15")).containsExactly("Fabrikam");
        assertThat(accounts("lastusedincampaign", OnOrAfter, "2020-01-16")).hasSize(6).doesNotContain("Fabrikam", "[Draft] plan");
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("name", Today));
    }

    @Test void currentUserAndBusinessUnit() {
        assertThat(accounts("ownerid", EqualUserId)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("createdby", EqualUserId)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("ownerid", NotEqualUserId)).isEmpty();
        assertThat(accounts("owningbusinessunit", EqualBusinessId)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(accounts("owningbusinessunit", NotEqualBusinessId)).isEmpty();
    }

    @Test void multiSelectValues() {
        assertThat(contacts(ContainValues, 2)).containsExactlyInAnyOrder("Any and email", "Email and fax");
        assertThat(contacts(ContainValues, new OptionSetValue(3), new OptionSetValue(4))).containsExactlyInAnyOrder("Phone", "Email and fax");
        assertThat(contacts(ContainValues, 5)).isEmpty();
        assertThat(contacts(DoesNotContainValues, 2)).containsExactlyInAnyOrder("Phone", "No preference");
        assertThat(contacts(Null)).containsExactly("No preference");
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> contacts(ContainValues));
    }

    @Test void nestedAndOrFilters() {
        FilterExpression either = new FilterExpression(LogicalOperator.Or).addCondition("name", BeginsWith, "cont")
                .addCondition("numberofemployees", GreaterEqual, 60);
        assertThat(accounts(new FilterExpression().addFilter(either).addCondition("telephone1", NotNull)))
                .containsExactlyInAnyOrder("Contoso", "A_B Corp");

        FilterExpression first = new FilterExpression().addCondition("numberofemployees", LessEqual, 20).addCondition("donotemail", Equal, true);
        FilterExpression second = new FilterExpression().addCondition("numberofemployees", GreaterThan, 70);
        FilterExpression third = new FilterExpression(LogicalOperator.Or).addCondition("name", Equal, "fabrikam")
                .addFilter(new FilterExpression().addCondition("revenue", Equal, new Money("2")));
        assertThat(accounts(new FilterExpression(LogicalOperator.Or).addFilter(first).addFilter(second).addFilter(third)))
                .containsExactlyInAnyOrder("Contoso", "[Draft] plan", "Fabrikam", "100 Percent");
        assertThat(accounts(new FilterExpression(LogicalOperator.Or))).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test void badConditionsAreFaults() {
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("numberofemployees", Like, "1%"));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("numberofemployees", BeginsWith, "1"));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("name", Equal));
        fault(ErrorCodes.QueryBuilderNoAttribute, () -> accounts("nosuchcolumn", Equal, 1));
        fault(ErrorCodes.InvalidArgument, () -> accounts("numberofemployees", Equal, "many"));
        fault(ErrorCodes.InvalidArgument, () -> accounts("ownerid", Equal, "not-a-guid"));
        fault(ErrorCodes.QueryBuilderNoEntity, () -> calls.retrieveMultiple(new QueryExpression("nosuchtable")));
        // Operators bound to one kind of column refuse the others on every database alike.
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("name", EqualUserId));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("owningbusinessunit", NotEqualUserId));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("createdby", EqualBusinessId));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accounts("numberofemployees", ContainValues, 1));
    }
}
