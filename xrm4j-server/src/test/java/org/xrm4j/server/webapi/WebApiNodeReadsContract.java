package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client reading: {@code expand} on retrieve and retrieveMultiple, {@code includeAnnotations},
 * {@code fetch} and {@code fetchAll} (a FetchXML too long for a URL goes as a one-part {@code $batch}), and filters
 * with navigation paths and query functions; the values the client returns are checked here.
 */
abstract class WebApiNodeReadsContract extends WebApiNodeContract {
    @Test void readsThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "reads.js", Map.of());
        String prefix = s.get("prefix").asString();

        assertThat(s.get("retrieveExpand").get("primary").asString()).isEqualTo("Primary");
        assertThat(s.get("retrieveExpand").get("children").valueStream().map(JsonNode::asString)).containsExactly("Cole", "Baker");
        JsonNode query = s.get("queryExpand");
        assertThat(query.size()).isEqualTo(2);
        assertThat(query.get(0).get("name").asString()).isEqualTo(prefix + " 1");
        assertThat(query.get(0).get("primary").asString()).isEqualTo("Primary");
        assertThat(query.get(0).get("children").valueStream().map(JsonNode::asString)).containsExactly("Ames", "Baker", "Cole");
        assertThat(query.get(1).get("primary").isNull()).isTrue();
        assertThat(query.get(1).get("children").size()).isZero();

        assertThat(s.get("formatted").get("industrycode").asString()).isEqualTo("Consulting");
        assertThat(s.get("formatted").get("revenue").asString()).isEqualTo("$1,000.50");
        assertThat(s.get("formatted").get("primary").asString()).isEqualTo(prefix + " Primary");
        assertThat(s.get("formatted").has("logicalName")).isFalse();
        assertThat(s.get("allAnnotations").get("logicalName").asString()).isEqualTo("contact");
        assertThat(s.get("allAnnotations").get("navigation").asString()).isEqualTo("primarycontactid");
        assertThat(s.get("allAnnotations").get("primary").asString()).isEqualTo(prefix + " Primary");

        assertThat(s.get("fetchPage").get("names").valueStream().map(JsonNode::asString)).containsExactly(prefix + " 1", prefix + " 2");
        assertThat(s.get("fetchPage").get("linked").asString()).isEqualTo("Primary");
        assertThat(s.get("fetchPage").get("pagingInfo").get("page").asInt()).isEqualTo(1);
        assertThat(s.get("fetchPage").get("pagingInfo").get("nextPage").asInt()).isEqualTo(2);
        assertThat(s.get("fetchPage").get("pagingInfo").get("hasCookie").asBoolean()).isTrue();
        assertThat(s.get("fetchSecond").valueStream().map(JsonNode::asString)).containsExactly(prefix + " 3", prefix + " 4");
        assertThat(s.get("fetchAll").valueStream().map(JsonNode::asString))
                .containsExactly(prefix + " 1", prefix + " 2", prefix + " 3", prefix + " 4", prefix + " 5");
        assertThat(s.get("longFetchLength").asInt()).isGreaterThan(2000);
        assertThat(s.get("fetchAllLong").valueStream().map(JsonNode::asString))
                .containsExactly(prefix + " 1", prefix + " 2", prefix + " 3", prefix + " 4", prefix + " 5");

        assertThat(s.get("filterPathIn").valueStream().map(JsonNode::asString)).containsExactly("Ames", "Cole");
        assertThat(s.get("filterToday").valueStream().map(JsonNode::asString)).containsExactly("Ames", "Baker", "Cole", "Primary");
        assertThat(s.get("unknownExpand").get("status").asInt()).isEqualTo(400);
        assertThat(s.get("unknownExpand").get("code").asString()).isEqualTo("0x80040203");
        assertThat(s.get("unknownFunction").get("status").asInt()).isEqualTo(400);
        assertThat(s.get("unknownFunction").get("message").asString()).contains("Sometime");
    }
}
