package org.xrm4j.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityCollection;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/** Ordering, TopCount and paging of RetrieveMultiple. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryPagingContract {
    TestServers.TestServer server;
    EngineCalls calls;
    final String tag = EngineCalls.tag();
    final List<UUID> ids = new ArrayList<>();

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        calls = new EngineCalls(server);
        account("beta", 1, 2);
        account("Alpha", 1, null);
        account("charlie", 2, 1);
        account(null, 2, 3);
        account("delta", 3, 5);
        account("Echo", 3, null);
        account("foxtrot", 4, 7);
    }

    @AfterAll void stop() { if (server != null) server.close(); }

    private void account(String name, int employees, Integer industry) {
        Entity a = new Entity("account").set("name", name).set("accountnumber", tag).set("numberofemployees", employees);
        if (industry != null) a.set("industrycode", new OptionSetValue(industry));
        ids.add(calls.create(a));
    }

    private QueryExpression query() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("name", "numberofemployees"));
        q.criteria().addCondition("accountnumber", ConditionOperator.Equal, tag);
        return q;
    }

    private static List<String> names(EntityCollection c) {
        return c.entities().stream().map(e -> (String) e.get("name")).toList();
    }

    @Test void textSortsCaseInsensitivelyWithNullsFirstAscending() {
        assertThat(names(calls.retrieveMultiple(query().addOrder("name", OrderType.Ascending))))
                .containsExactly(null, "Alpha", "beta", "charlie", "delta", "Echo", "foxtrot");
        assertThat(names(calls.retrieveMultiple(query().addOrder("name", OrderType.Descending))))
                .containsExactly("foxtrot", "Echo", "delta", "charlie", "beta", "Alpha", null);
    }

    @Test void laterOrdersBreakTies() {
        QueryExpression q = query().addOrder("numberofemployees", OrderType.Descending).addOrder("name", OrderType.Ascending);
        assertThat(names(calls.retrieveMultiple(q))).containsExactly("foxtrot", "delta", "Echo", null, "charlie", "Alpha", "beta");
    }

    @Test void choicesSortByValueWithNullsFirst() {
        QueryExpression q = query().addOrder("industrycode", OrderType.Ascending).addOrder("name", OrderType.Ascending);
        assertThat(names(calls.retrieveMultiple(q))).containsExactly("Alpha", "Echo", "charlie", "beta", null, "delta", "foxtrot");
    }

    @Test void topCountLimitsTheRecords() {
        EntityCollection top = calls.retrieveMultiple(query().addOrder("name", OrderType.Descending).topCount(2));
        assertThat(names(top)).containsExactly("foxtrot", "Echo");
        assertThat(top.moreRecords()).isFalse();
        assertThat(calls.retrieveMultiple(query().topCount(50)).entities()).hasSize(7);
    }

    @Test void pagesDoNotOverlapAndCoverEveryRecord() {
        List<String> seen = new ArrayList<>();
        Set<UUID> seenIds = new HashSet<>();
        String cookie = null;
        int page = 1;
        List<Boolean> more = new ArrayList<>();
        while (true) {
            EntityCollection c = calls.retrieveMultiple(query().addOrder("name", OrderType.Ascending)
                    .pageInfo(new PagingInfo(3, page, cookie, false)));
            assertThat(c.pagingCookie()).isNotNull();
            assertThat(c.totalRecordCount()).isEqualTo(-1);
            seen.addAll(names(c));
            c.entities().forEach(e -> assertThat(seenIds.add(e.id())).as("record on two pages").isTrue());
            more.add(c.moreRecords());
            if (!c.moreRecords()) break;
            cookie = c.pagingCookie();
            page++;
        }
        assertThat(more).containsExactly(true, true, false);
        assertThat(seen).containsExactly(null, "Alpha", "beta", "charlie", "delta", "Echo", "foxtrot");
        assertThat(seenIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test void pagesWithoutAnOrderAreStableToo() {
        Set<UUID> seen = new HashSet<>();
        for (int page = 1; page <= 4; page++) {
            EntityCollection c = calls.retrieveMultiple(query().pageInfo(new PagingInfo(2, page)));
            assertThat(c.entities()).hasSize(page < 4 ? 2 : 1);
            assertThat(c.moreRecords()).isEqualTo(page < 4);
            c.entities().forEach(e -> assertThat(seen.add(e.id())).isTrue());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test void totalRecordCountOnRequest() {
        EntityCollection first = calls.retrieveMultiple(query().pageInfo(new PagingInfo(2, 1, null, true)));
        assertThat(first.totalRecordCount()).isEqualTo(7);
        assertThat(first.totalRecordCountLimitExceeded()).isFalse();
        assertThat(first.entities()).hasSize(2);
        assertThat(first.moreRecords()).isTrue();
        EntityCollection last = calls.retrieveMultiple(query().pageInfo(new PagingInfo(2, 4, first.pagingCookie(), true)));
        assertThat(last.totalRecordCount()).isEqualTo(7);
        assertThat(last.entities()).hasSize(1);
    }

    @Test void aPageBeyondTheEndIsEmpty() {
        EntityCollection c = calls.retrieveMultiple(query().pageInfo(new PagingInfo(5, 3)));
        assertThat(c.entities()).isEmpty();
        assertThat(c.moreRecords()).isFalse();
    }

    @Test void theRecordsComeBackWithTheirTableAndId() {
        EntityCollection c = calls.retrieveMultiple(query());
        assertThat(c.entityName()).isEqualTo("account");
        assertThat(c.entities()).allSatisfy(e -> {
            assertThat(e.logicalName()).isEqualTo("account");
            assertThat(e.get("accountid")).isEqualTo(e.id());
        });
        assertThat(c.entities()).extracting(Entity::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test void distinctCollapsesRepeatedRowsAndReturnsNoKey() {
        QueryExpression q = new QueryExpression("account").columnSet(new ColumnSet("numberofemployees")).distinct(true);
        q.criteria().addCondition("accountnumber", ConditionOperator.Equal, tag);
        q.pageInfo(new org.xrm4j.sdk.query.PagingInfo(3, 1, null, true));
        org.xrm4j.sdk.EntityCollection first = calls.retrieveMultiple(q);
        assertThat(first.entities()).extracting(e -> e.get("numberofemployees")).containsExactly(1, 2, 3);
        assertThat(first.entities()).allSatisfy(e -> assertThat(e.id()).isNull());
        assertThat(first.moreRecords()).isTrue();
        assertThat(first.totalRecordCount()).isEqualTo(4);
        q.pageInfo(new org.xrm4j.sdk.query.PagingInfo(3, 2, first.pagingCookie(), false));
        assertThat(calls.retrieveMultiple(q).entities()).extracting(e -> e.get("numberofemployees")).containsExactly(4);
    }
}
