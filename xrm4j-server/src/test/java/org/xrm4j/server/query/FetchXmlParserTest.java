package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderExpression;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;

class FetchXmlParserTest {

    @Test void readsEntityColumnsAndOrders() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch>
                  <entity name="account">
                    <attribute name="name" />
                    <attribute name="revenue" />
                    <order attribute="revenue" descending="true" />
                    <order attribute="name" />
                  </entity>
                </fetch>""");

        assertThat(q.entityName()).isEqualTo("account");
        assertThat(q.columnSet()).isEqualTo(new ColumnSet("name", "revenue"));
        assertThat(q.orders()).containsExactly(
                new OrderExpression("revenue", OrderType.Descending), new OrderExpression("name", OrderType.Ascending));
        assertThat(q.criteria()).isEqualTo(new FilterExpression());
        assertThat(q.linkEntities()).isEmpty();
        assertThat(q.topCount()).isNull();
        assertThat(q.pageInfo()).isNull();
        assertThat(q.distinct()).isFalse();
        assertThat(q.noLock()).isFalse();
    }

    @Test void aColumnNamedTwiceIsReadOnce() {
        QueryExpression q = FetchXmlParser.parse(
                "<fetch><entity name='account'><attribute name='name'/><attribute name='name'/></entity></fetch>");
        assertThat(q.columnSet().columns()).containsExactly("name");
    }

    @Test void allAttributesMeansAllColumns() {
        QueryExpression q = FetchXmlParser.parse(
                "<fetch><entity name='account'><all-attributes/><attribute name='name'/></entity></fetch>");
        assertThat(q.columnSet().allColumns()).isTrue();
    }

    @Test void anEntityWithoutAttributesReturnsAllColumnsLikeDataverse() {
        QueryExpression q = FetchXmlParser.parse("<fetch><entity name='account'/></fetch>");
        assertThat(q.columnSet()).isEqualTo(ColumnSet.all());
    }

    @Test void toolOutputWithPresentationalAttributesIsAccepted() {
        QueryExpression q = FetchXmlParser.parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <!-- saved from a view -->
                <fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false">
                  <entity name="account">
                    <attribute name="name" />
                    <filter type="and" isquickfindfields="1">
                      <condition attribute="primarycontactid" operator="eq" value="{6D2E0A33-4B1F-4E57-9B8A-3C6B2D5B1E01}"
                                 uiname="Ana" uitype="contact" />
                    </filter>
                    <link-entity name="contact" from="contactid" to="primarycontactid" visible="false" intersect="true" />
                  </entity>
                </fetch>""");
        assertThat(q.entityName()).isEqualTo("account");
        assertThat(q.criteria().conditions()).hasSize(1);
        assertThat(q.linkEntities()).hasSize(1);
    }

    @Test void readsTopDistinctAndNoLock() {
        QueryExpression q = FetchXmlParser.parse("<fetch top='10' distinct='true' no-lock='true'><entity name='account'/></fetch>");
        assertThat(q.topCount()).isEqualTo(10);
        assertThat(q.distinct()).isTrue();
        assertThat(q.noLock()).isTrue();
        assertThat(q.pageInfo()).isNull();
    }

    @Test void aggregateFalseIsAnOrdinaryQuery() {
        QueryExpression q = FetchXmlParser.parse("<fetch aggregate='false'><entity name='account'/></fetch>");
        assertThat(q.entityName()).isEqualTo("account");
    }

    @Test void readsPagingAttributesWithAnEscapedCookie() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch count="50" page="3" returntotalrecordcount="true"
                       paging-cookie="&lt;cookie page=&quot;2&quot;&gt;&lt;accountid last=&quot;{A}&quot; first=&quot;{B}&quot; /&gt;&lt;/cookie&gt;">
                  <entity name="account" />
                </fetch>""");
        assertThat(q.pageInfo()).isEqualTo(new PagingInfo(50, 3,
                "<cookie page=\"2\"><accountid last=\"{A}\" first=\"{B}\" /></cookie>", true));
        assertThat(q.topCount()).isNull();
    }

    @Test void countWithoutPageReadsPageOne() {
        QueryExpression q = FetchXmlParser.parse("<fetch count='25'><entity name='account'/></fetch>");
        assertThat(q.pageInfo()).isEqualTo(new PagingInfo(25, 1, null, false));
    }

    @Test void pageWithoutCountUsesTheServerDefaultSize() {
        QueryExpression q = FetchXmlParser.parse("<fetch page='2' paging-cookie=''><entity name='account'/></fetch>");
        assertThat(q.pageInfo()).isEqualTo(new PagingInfo(0, 2, null, false));
    }

    @Test void totalRecordCountAloneStillAsksForTheTotal() {
        QueryExpression q = FetchXmlParser.parse("<fetch returntotalrecordcount='1'><entity name='account'/></fetch>");
        assertThat(q.pageInfo()).isEqualTo(new PagingInfo(0, 1, null, true));
    }

    @Test void readsNestedFiltersToAnyDepth() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="account">
                  <filter type="or">
                    <condition attribute="name" operator="eq" value="Contoso" />
                    <filter>
                      <condition attribute="revenue" operator="gt" value="1000" />
                      <filter type="or">
                        <condition attribute="statecode" operator="eq" value="0" />
                        <condition attribute="statecode" operator="null" />
                      </filter>
                    </filter>
                  </filter>
                </entity></fetch>""");

        FilterExpression expected = new FilterExpression(LogicalOperator.Or)
                .addCondition("name", ConditionOperator.Equal, "Contoso")
                .addFilter(new FilterExpression(LogicalOperator.And)
                        .addCondition("revenue", ConditionOperator.GreaterThan, "1000")
                        .addFilter(new FilterExpression(LogicalOperator.Or)
                                .addCondition("statecode", ConditionOperator.Equal, "0")
                                .addCondition("statecode", ConditionOperator.Null)));
        assertThat(q.criteria()).isEqualTo(expected);
    }

    @Test void siblingFiltersAreAnded() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="account">
                  <filter type="or"><condition attribute="a" operator="eq" value="1" /></filter>
                  <filter><condition attribute="b" operator="eq" value="2" /></filter>
                </entity></fetch>""");
        assertThat(q.criteria().filterOperator()).isEqualTo(LogicalOperator.And);
        assertThat(q.criteria().conditions()).isEmpty();
        assertThat(q.criteria().filters()).extracting(FilterExpression::filterOperator)
                .containsExactly(LogicalOperator.Or, LogicalOperator.And);
    }

    @Test void anEmptyFilterIsAllowed() {
        QueryExpression q = FetchXmlParser.parse("<fetch><entity name='account'><filter type='and'/></entity></fetch>");
        assertThat(q.criteria().isEmpty()).isTrue();
    }

    @Test void mapsLinkEntityFromAndToOntoTheSdkSides() {
        // FetchXML: from = the linked table's column, to = the parent's column. LinkEntity: from = parent side.
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="account">
                  <link-entity name="contact" from="parentcustomerid" to="accountid" alias="c" link-type="outer">
                    <attribute name="fullname" />
                  </link-entity>
                </entity></fetch>""");

        LinkEntity link = q.linkEntities().getFirst();
        assertThat(link.linkFromEntityName()).isEqualTo("account");
        assertThat(link.linkFromAttributeName()).isEqualTo("accountid");
        assertThat(link.linkToEntityName()).isEqualTo("contact");
        assertThat(link.linkToAttributeName()).isEqualTo("parentcustomerid");
        assertThat(link.joinOperator()).isEqualTo(JoinOperator.LeftOuter);
        assertThat(link.entityAlias()).isEqualTo("c");
        assertThat(link.columns()).isEqualTo(new ColumnSet("fullname"));
    }

    @Test void linkDefaultsAreInnerNoAliasAndNoColumns() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="account">
                  <link-entity name="contact" from="contactid" to="primarycontactid" />
                </entity></fetch>""");

        LinkEntity link = q.linkEntities().getFirst();
        assertThat(link.joinOperator()).isEqualTo(JoinOperator.Inner);
        assertThat(link.entityAlias()).isNull();
        assertThat(link.columns()).isEqualTo(new ColumnSet(false, List.of()));
        assertThat(link.linkCriteria().isEmpty()).isTrue();
        assertThat(q.columnSet().allColumns()).as("the root still returns everything").isTrue();
    }

    @Test void linkFromAndToMayBeLeftForThePlannerToInfer() {
        LinkEntity link = FetchXmlParser.parse(
                "<fetch><entity name='account'><link-entity name='contact' link-type='inner'/></entity></fetch>")
                .linkEntities().getFirst();
        assertThat(link.linkFromAttributeName()).isNull();
        assertThat(link.linkToAttributeName()).isNull();
        assertThat(link.linkToEntityName()).isEqualTo("contact");
    }

    @Test void readsNestedLinksWithTheirOwnColumnsFiltersAndOrders() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="systemuser">
                  <attribute name="fullname" />
                  <link-entity name="teammembership" from="systemuserid" to="systemuserid">
                    <link-entity name="team" from="teamid" to="teamid" alias="t" link-type="inner">
                      <all-attributes />
                      <order attribute="name" descending="false" />
                      <filter><condition attribute="teamtype" operator="eq" value="0" /></filter>
                    </link-entity>
                  </link-entity>
                </entity></fetch>""");

        LinkEntity membership = q.linkEntities().getFirst();
        assertThat(membership.linkFromEntityName()).isEqualTo("systemuser");
        assertThat(membership.linkToEntityName()).isEqualTo("teammembership");
        assertThat(membership.columns().columns()).isEmpty();

        LinkEntity team = membership.linkEntities().getFirst();
        assertThat(team.linkFromEntityName()).as("the parent is the enclosing link's table").isEqualTo("teammembership");
        assertThat(team.linkFromAttributeName()).isEqualTo("teamid");
        assertThat(team.linkToEntityName()).isEqualTo("team");
        assertThat(team.linkToAttributeName()).isEqualTo("teamid");
        assertThat(team.entityAlias()).isEqualTo("t");
        assertThat(team.columns().allColumns()).isTrue();
        assertThat(team.orders()).containsExactly(new OrderExpression("name", OrderType.Ascending));
        assertThat(team.linkCriteria()).isEqualTo(
                new FilterExpression().addCondition("teamtype", ConditionOperator.Equal, "0"));
    }

    @Test void aConditionOnTheRootFilterCanNameALinkAlias() {
        QueryExpression q = FetchXmlParser.parse("""
                <fetch><entity name="account">
                  <link-entity name="contact" from="contactid" to="primarycontactid" alias="pc" link-type="outer" />
                  <filter><condition entityname="pc" attribute="fullname" operator="like" value="A%" /></filter>
                </entity></fetch>""");
        assertThat(q.criteria().conditions()).containsExactly(
                new ConditionExpression("pc", "fullname", ConditionOperator.Like, List.of("A%")));
    }

    @Test void parsesTheSameQueryAsTheEquivalentQueryExpression() {
        QueryExpression expected = new QueryExpression("account").columnSet(new ColumnSet("name")).topCount(5);
        expected.criteria().addCondition("statecode", ConditionOperator.Equal, "0");
        expected.addOrder("name", OrderType.Ascending);
        expected.addLink("contact", "primarycontactid", "contactid", JoinOperator.Inner).entityAlias("pc");

        QueryExpression q = FetchXmlParser.parse("""
                <fetch top="5"><entity name="account">
                  <attribute name="name" />
                  <order attribute="name" />
                  <filter><condition attribute="statecode" operator="eq" value="0" /></filter>
                  <link-entity name="contact" from="contactid" to="primarycontactid" alias="pc" />
                </entity></fetch>""");
        assertThat(q).isEqualTo(expected);
    }
}
