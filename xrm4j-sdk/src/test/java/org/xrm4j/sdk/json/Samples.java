package org.xrm4j.sdk.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xrm4j.sdk.AliasedValue;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.EntityReferenceCollection;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.ExecuteMultipleResponseItem;
import org.xrm4j.sdk.ExecuteMultipleSettings;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OptionSetValueCollection;
import org.xrm4j.sdk.OrganizationServiceFault;
import org.xrm4j.sdk.Relationship;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionExpression;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.FetchExpression;
import org.xrm4j.sdk.query.FilterExpression;
import org.xrm4j.sdk.query.JoinOperator;
import org.xrm4j.sdk.query.LinkEntity;
import org.xrm4j.sdk.query.LogicalOperator;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryByAttribute;
import org.xrm4j.sdk.query.QueryExpression;

/** Model objects of every kind the protocol carries, for round trips. */
final class Samples {
    static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final UUID OTHER_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final Instant WHEN = Instant.parse("2026-11-22T03:42:07Z");

    private Samples() {}

    static EntityReference accountRef() { return new EntityReference("account", ID, "Contoso"); }

    static Entity account() {
        Entity e = new Entity("account", ID);
        e.set("name", "Contoso").set("numberofemployees", 250).set("revenue", new Money("1250000.50"))
                .set("industrycode", new OptionSetValue(3)).set("primarycontactid", new EntityReference("contact", OTHER_ID))
                .set("createdon", WHEN).set("donotemail", false).set("address1_latitude", 47.6062)
                .set("exchangerate", new BigDecimal("1.0000000000")).set("versionnumber", 81234567890L)
                .set("accountid", ID).set("description", null).set("categories", OptionSetValueCollection.of(1, 5))
                .set("entityimage", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        e.formattedValues().put("industrycode", "Accounting");
        e.formattedValues().put("revenue", "$1,250,000.50");
        return e;
    }

    static FilterExpression filter() {
        FilterExpression f = new FilterExpression(LogicalOperator.And)
                .addCondition("name", ConditionOperator.Like, "Con%")
                .addCondition("statecode", ConditionOperator.In, 0, 1)
                .addCondition("createdon", ConditionOperator.OnOrAfter, WHEN)
                .addCondition("revenue", ConditionOperator.Between, new Money("10"), new Money("20.5"))
                .addCondition("parentaccountid", ConditionOperator.Null)
                .addCondition(new ConditionExpression("c", "lastname", ConditionOperator.Equal, List.of("Smith")));
        f.addFilter(new FilterExpression(LogicalOperator.Or)
                .addCondition("accountid", ConditionOperator.Equal, ID)
                .addCondition("versionnumber", ConditionOperator.GreaterThan, 5L)
                .addFilter(new FilterExpression().addCondition("name", ConditionOperator.NotNull)));
        return f;
    }

    static LinkEntity link() {
        LinkEntity l = new LinkEntity("account", "contact", "primarycontactid", "contactid", JoinOperator.LeftOuter)
                .entityAlias("c").columns(new ColumnSet("fullname", "emailaddress1"))
                .linkCriteria(new FilterExpression().addCondition("statecode", ConditionOperator.Equal, 0));
        l.orders().add(new org.xrm4j.sdk.query.OrderExpression("fullname", OrderType.Descending));
        l.linkEntities().add(new LinkEntity("contact", "systemuser", "owninguser", "systemuserid", JoinOperator.Natural));
        return l;
    }

    static QueryExpression query() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name", "revenue")).criteria(filter())
                .addOrder("name", OrderType.Ascending).addOrder("createdon", OrderType.Descending)
                .topCount(null).pageInfo(new PagingInfo(50, 2, "<cookie page=\"1\"/>", true)).distinct(true).noLock(true);
        q.linkEntities().add(link());
        return q;
    }

    /** A query whose criteria hold a filtering link (Any) beside a condition under or, and a NotAny link of its own. */
    static QueryExpression filteringQuery() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name"));
        FilterExpression or = new FilterExpression(org.xrm4j.sdk.query.LogicalOperator.Or).addCondition("name", ConditionOperator.Equal, "x");
        or.linkEntities().add(new LinkEntity("account", "contact", "accountid", "parentcustomerid", JoinOperator.Any)
                .linkCriteria(new FilterExpression().addCondition("firstname", ConditionOperator.Equal, "Ann")));
        q.criteria().addFilter(or);
        q.linkEntities().add(new LinkEntity("account", "contact", "accountid", "parentcustomerid", JoinOperator.NotAny).entityAlias("none"));
        return q;
    }

    static QueryByAttribute queryByAttribute() {
        QueryByAttribute q = new QueryByAttribute("account").columnSet(ColumnSet.all())
                .addAttributeValue("name", "Contoso").addAttributeValue("accountid", ID).topCount(10);
        q.orders().add(new org.xrm4j.sdk.query.OrderExpression("name", OrderType.Ascending));
        return q;
    }

    static EntityCollection collection() {
        Entity joined = new Entity("account", OTHER_ID).set("name", "Fabrikam")
                .set("c.fullname", new AliasedValue("contact", "fullname", "Ann Smith"));
        return new EntityCollection(List.of(account(), joined)).entityName("account").moreRecords(true)
                .pagingCookie("<cookie page=\"1\"><accountid last=\"{x}\"/></cookie>").totalRecordCount(5000)
                .totalRecordCountLimitExceeded(true);
    }

    static OrganizationServiceFault fault() {
        OrganizationServiceFault inner = new OrganizationServiceFault(ErrorCodes.DuplicateRecord.code(), "Duplicate key",
                Map.of(), WHEN, null, null);
        return new OrganizationServiceFault(ErrorCodes.ObjectDoesNotExist.code(), "account With Id = " + ID + " Does Not Exist",
                Map.of("EntityName", "account", "Id", ID, "Count", 3), WHEN, inner, "trace line 1\ntrace line 2");
    }

    /** One value of every type of the Values table, plus the extensions. */
    static List<Object> everyValue() {
        List<Object> values = new ArrayList<>(Arrays.asList(
                "Contoso", "", "Zürich \"quoted\" \\ \n\t ✓ 😀", true, false,
                0, 42, -7, Integer.MIN_VALUE, Integer.MAX_VALUE,
                9007199254740993L, 5L, Long.MIN_VALUE, Long.MAX_VALUE,
                1.5, -0.0, 1e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                new BigDecimal("12.3400"), new BigDecimal("-0.0001"), new BigDecimal("1E+3"),
                new BigDecimal("123456789012345678901234567890.123456789"), BigDecimal.ZERO,
                ID, WHEN, Instant.parse("2026-11-22T03:42:07.123456789Z"), Instant.EPOCH,
                new byte[] {0, 1, 2, (byte) 0xFF, 0x7F}, new byte[0],
                new Money("12.50"), new Money("-3"), new OptionSetValue(3), new OptionSetValue(-1),
                OptionSetValueCollection.of(1, 2), OptionSetValueCollection.of(),
                accountRef(), new EntityReference("contact", null), account(), new Entity("lead"),
                collection(), new EntityCollection(),
                EntityReferenceCollection.of(accountRef(), new EntityReference("contact", OTHER_ID)),
                ColumnSet.all(), new ColumnSet("name", "revenue"),
                query(), new QueryExpression("contact"), queryByAttribute(), new FetchExpression("<fetch><entity name=\"account\"/></fetch>"),
                filter(), new ConditionExpression("name", ConditionOperator.Equal, "x"), link(),
                new Relationship("account_primary_contact"),
                new CreateRequest(account()).requestId(OTHER_ID), new CreateResponse().id(ID),
                new ExecuteMultipleSettings(true, false),
                new ExecuteMultipleResponseItem(0, new CreateResponse().id(ID), null),
                new ExecuteMultipleResponseItem(3, null, fault()),
                new ExecuteMultipleResponseItem(4, null, null),
                new AliasedValue("contact", "revenue", new Money("1.5")),
                new AliasedValue(null, null, null),
                List.of(), List.of(1, "two", 3L, accountRef())));
        values.add(null);
        values.add(Arrays.asList(null, 1));
        return values;
    }
}
