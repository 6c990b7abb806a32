package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/** FetchXML and QueryByAttribute through RetrieveMultiple: the same planner as QueryExpression, reached from text. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryFetchContract {
    TestServers.TestServer server;
    EngineCalls calls;
    final String tag = EngineCalls.tag();
    UUID alpha;
    UUID ann;
    UUID cy;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        alpha = calls.create(new Entity("account").set("name", "Alpha Inc").set("accountnumber", tag).set("numberofemployees", 10)
                .set("industrycode", new OptionSetValue(1)).set("lastusedincampaign", Instant.parse("2020-01-15T10:00:00Z")).set("donotemail", true));
        UUID beta = calls.create(new Entity("account").set("name", "Beta Inc").set("accountnumber", tag).set("numberofemployees", 20)
                .set("industrycode", new OptionSetValue(2)));
        calls.create(new Entity("account").set("name", "Gamma Inc").set("accountnumber", tag).set("numberofemployees", 30));
        ann = contact("Ann", "Archer", alpha);
        contact("Bob", "Baker", alpha);
        cy = contact("Cy", "Cole", beta);
        contact("Di", "Dunn", null);
        calls.update(new Entity("account", alpha).set("primarycontactid", new EntityReference("contact", ann)));
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private UUID contact(String first, String last, UUID account) {
        return calls.create(new Entity("contact").set("firstname", first).set("lastname", last).set("jobtitle", tag)
                .set("parentcustomerid", account == null ? null : new EntityReference("account", account)));
    }

    private List<Entity> fetch(String xml) { return fetchPage(xml).entities(); }

    private EntityCollection fetchPage(String xml) { return calls.retrieveMultiple(new FetchExpression(xml.replace("TAG", tag))); }

    private static List<Object> values(List<Entity> records, String attribute) {
        return records.stream().map(e -> e.get(attribute) instanceof AliasedValue v ? v.value() : e.get(attribute)).toList();
    }

    /** Accounts of this class matching one extra condition, by name. */
    private List<Object> accountsWhere(String condition) {
        return values(fetch("<fetch><entity name='account'><attribute name='name'/><order attribute='name'/><filter>"
                + "<condition attribute='accountnumber' operator='eq' value='TAG'/>" + condition + "</filter></entity></fetch>"), "name");
    }

    @Test void attributesFilterAndOrder() {
        List<Entity> found = fetch("""
                <fetch><entity name="account"><attribute name="name"/><attribute name="numberofemployees"/>
                  <filter><condition attribute="accountnumber" operator="eq" value="TAG"/>
                    <filter type="or"><condition attribute="numberofemployees" operator="ge" value="20"/>
                      <condition attribute="name" operator="like" value="ALP%"/></filter></filter>
                  <order attribute="numberofemployees" descending="true"/></entity></fetch>""");
        assertThat(values(found, "name")).containsExactly("Gamma Inc", "Beta Inc", "Alpha Inc");
        assertThat(found.getLast().attributes()).containsOnlyKeys("name", "numberofemployees", "accountid");
        assertThat(found.getLast().get("numberofemployees")).isEqualTo(10);
    }

    @Test void anEntityWithoutAttributesReturnsEveryColumn() {
        Entity alphaRecord = fetch("<fetch><entity name='account'><filter><condition attribute='accountid' operator='eq' value='{"
                + alpha.toString().toUpperCase(Locale.ROOT) + "}'/></filter></entity></fetch>").getFirst();
        assertThat(alphaRecord.attributes()).containsKeys("name", "createdon", "ownerid", "statecode", "primarycontactid");
        assertThat(alphaRecord.formattedValues()).containsEntry("industrycode", "Accounting");
    }

    @Test void operatorsTakeTextValues() {
        assertThat(accountsWhere("<condition attribute='name' operator='in'><value>alpha inc</value><value>GAMMA INC</value></condition>"))
                .containsExactly("Alpha Inc", "Gamma Inc");
        assertThat(accountsWhere("<condition attribute='numberofemployees' operator='between'><value>15</value><value>30</value></condition>"))
                .containsExactly("Beta Inc", "Gamma Inc");
        assertThat(accountsWhere("<condition attribute='industrycode' operator='eq' value='2'/>")).containsExactly("Beta Inc");
        assertThat(accountsWhere("<condition attribute='industrycode' operator='null'/>")).containsExactly("Gamma Inc");
        assertThat(accountsWhere("<condition attribute='donotemail' operator='eq' value='1'/>")).containsExactly("Alpha Inc");
        assertThat(accountsWhere("<condition attribute='lastusedincampaign' operator='on' value='2020-01-15'/>")).containsExactly("Alpha Inc");
        assertThat(accountsWhere("<condition attribute='name' operator='begins-with' value='b'/>")).containsExactly("Beta Inc");
        assertThat(accountsWhere("<condition attribute='name' operator='not-end-with' value='INC'/>")).isEmpty();
        assertThat(accountsWhere("<condition attribute='ownerid' operator='eq-userid'/>")).hasSize(3);
        assertThat(accountsWhere("<condition attribute='createdon' operator='last-x-days' value='1'/>")).hasSize(3);
        fault(ErrorCodes.InvalidArgument, () -> accountsWhere("<condition attribute='numberofemployees' operator='eq' value='ten'/>"));
    }

    @Test void linkEntityWithAliasColumnsAndFilter() {
        List<Entity> found = fetch("""
                <fetch><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/>
                  <filter><condition attribute="jobtitle" operator="eq" value="TAG"/></filter>
                  <link-entity name="account" from="accountid" to="parentcustomerid" alias="acct" link-type="inner">
                    <attribute name="name"/><filter><condition attribute="name" operator="neq" value="beta inc"/></filter>
                  </link-entity></entity></fetch>""");
        assertThat(values(found, "fullname")).containsExactly("Ann Archer", "Bob Baker");
        assertThat(found.getFirst().get("acct.name")).isEqualTo(new AliasedValue("account", "name", "Alpha Inc"));
    }

    @Test void outerLinkWithAConditionOnItsAlias() {
        List<Entity> found = fetch("""
                <fetch><entity name="account"><attribute name="name"/><order attribute="name"/>
                  <filter><condition attribute="accountnumber" operator="eq" value="TAG"/>
                    <condition entityname="pc" attribute="contactid" operator="null"/></filter>
                  <link-entity name="contact" from="contactid" to="primarycontactid" alias="pc" link-type="outer"/>
                </entity></fetch>""");
        assertThat(values(found, "name")).containsExactly("Beta Inc", "Gamma Inc");
    }

    @Test void linkEntityOrdersComeAfterTheEntityOrders() {
        String xml = """
                <fetch><entity name="contact"><attribute name="fullname"/>ROOTORDER
                  <filter><condition attribute="jobtitle" operator="eq" value="TAG"/></filter>
                  <link-entity name="account" from="accountid" to="parentcustomerid" alias="acct">
                    <order attribute="name" descending="DESC"/></link-entity></entity></fetch>""";
        // Cy's account sorts after the others' account: first when descending, last when ascending, whatever the ids.
        assertThat(fetch(xml.replace("ROOTORDER", "").replace("DESC", "true")).getFirst().id()).isEqualTo(cy);
        assertThat(fetch(xml.replace("ROOTORDER", "").replace("DESC", "false")).getLast().id()).isEqualTo(cy);
        assertThat(values(fetch(xml.replace("ROOTORDER", "<order attribute='fullname' descending='true'/>").replace("DESC", "false")), "fullname"))
                .containsExactly("Cy Cole", "Bob Baker", "Ann Archer");
    }

    @Test void countAndPagePaging() {
        String xml = "<fetch count='2' page='PAGE' returntotalrecordcount='true' COOKIE><entity name='account'><attribute name='name'/>"
                + "<order attribute='name'/><filter><condition attribute='accountnumber' operator='eq' value='TAG'/></filter></entity></fetch>";
        EntityCollection first = fetchPage(xml.replace("PAGE", "1").replace("COOKIE", ""));
        assertThat(values(first.entities(), "name")).containsExactly("Alpha Inc", "Beta Inc");
        assertThat(first.moreRecords()).isTrue();
        assertThat(first.totalRecordCount()).isEqualTo(3);
        assertThat(first.pagingCookie()).isNotNull();
        String cookie = first.pagingCookie().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        EntityCollection second = fetchPage(xml.replace("PAGE", "2").replace("COOKIE", "paging-cookie=\"" + cookie + "\""));
        assertThat(values(second.entities(), "name")).containsExactly("Gamma Inc");
        assertThat(second.moreRecords()).isFalse();
    }

    @Test void top() {
        assertThat(values(fetch("<fetch top='2'><entity name='account'><attribute name='name'/><order attribute='name' descending='true'/>"
                + "<filter><condition attribute='accountnumber' operator='eq' value='TAG'/></filter></entity></fetch>"), "name"))
                .containsExactly("Gamma Inc", "Beta Inc");
    }

    @Test void invalidOrUnsupportedFetchXmlIsAFault() {
        fault(ErrorCodes.InvalidFetchXml, () -> fetch("<fetch><entity name='account'>"));
        fault(ErrorCodes.InvalidFetchXml, () -> fetch("<fetch aggregate='true'><entity name='account'>"
                + "<attribute name='name' aggregate='count'/></entity></fetch>"));
        fault(ErrorCodes.QueryBuilderInvalidConditionOperator, () -> accountsWhere("<condition attribute='name' operator='this-month'/>"));
        fault(ErrorCodes.QueryBuilderNoAttribute, () -> fetch("<fetch><entity name='account'><attribute name='nosuchcolumn'/></entity></fetch>"));
        fault(ErrorCodes.QueryBuilderNoEntity, () -> fetch("<fetch><entity name='nosuchtable'/></fetch>"));
    }

    @Test void queryByAttributeMatchesEveryValue() {
        QueryByAttribute q = new QueryByAttribute("account").columnSet(new ColumnSet("name"))
                .addAttributeValue("accountnumber", tag).addAttributeValue("name", "ALPHA INC");
        assertThat(values(calls.retrieveMultiple(q).entities(), "name")).containsExactly("Alpha Inc");

        QueryByAttribute withNull = new QueryByAttribute("account").columnSet(new ColumnSet("name"))
                .addAttributeValue("accountnumber", tag).addAttributeValue("industrycode", null);
        assertThat(values(calls.retrieveMultiple(withNull).entities(), "name")).containsExactly("Gamma Inc");

        QueryByAttribute byOption = new QueryByAttribute("account").columnSet(new ColumnSet("name"))
                .addAttributeValue("accountnumber", tag).addAttributeValue("industrycode", new OptionSetValue(2));
        assertThat(values(calls.retrieveMultiple(byOption).entities(), "name")).containsExactly("Beta Inc");
    }

    @Test void queryByAttributeOrdersAndPages() {
        QueryByAttribute q = new QueryByAttribute("account").columnSet(new ColumnSet("name")).addAttributeValue("accountnumber", tag);
        q.orders().add(new OrderExpression("name", OrderType.Descending));
        assertThat(values(calls.retrieveMultiple(q.topCount(2)).entities(), "name")).containsExactly("Gamma Inc", "Beta Inc");
        EntityCollection page = calls.retrieveMultiple(q.topCount(null).pageInfo(new PagingInfo(2, 2)));
        assertThat(values(page.entities(), "name")).containsExactly("Alpha Inc");
        assertThat(page.moreRecords()).isFalse();

        QueryByAttribute uneven = new QueryByAttribute("account").columnSet(new ColumnSet("name"));
        uneven.attributes().add("name");
        fault(ErrorCodes.InvalidArgument, () -> calls.retrieveMultiple(uneven));
    }
}
