package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client searching: {@code search}, {@code suggest} and {@code autocomplete} on the 1.0
 * endpoint (the client's default) and {@code query}, {@code suggest}, {@code autocomplete} on the 2.0 endpoint, whose
 * JSON-text answers the client parses; the values the client returns are checked here.
 */
abstract class WebApiNodeSearchContract extends WebApiNodeContract {
    @Test void searchesThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "search.js", Map.of());
        String w = s.get("word").asString();
        String bakery = s.get("ids").get("bakery").asString();
        String pharmacy = s.get("ids").get("pharmacy").asString();
        String contact = s.get("ids").get("contact").asString();

        JsonNode all = s.get("all");
        assertThat(s.get("total").asInt()).isEqualTo(3);
        assertThat(List.of(all.get(0).get("id").asString(), all.get(1).get("id").asString())).containsExactlyInAnyOrder(bakery, pharmacy);
        assertThat(all.get(0).get("score").asDouble()).isEqualTo(3.0);
        assertThat(all.get(0).get("table").asString()).isEqualTo("account");
        assertThat(all.get(0).get("owner").asString()).matches("[0-9a-f-]{36}");
        assertThat(all.get(2).get("id").asString()).isEqualTo(contact);
        assertThat(all.get(2).get("score").asDouble()).isEqualTo(1.0);
        assertThat(all.get(2).get("name").asString()).isEqualTo("Maria Other");
        assertThat(all.get(2).get("highlights").get("emailaddress1").get(0).asString()).isEqualTo("maria@{crmhit}" + w + "{/crmhit}.com");
        JsonNode bakeryHit = all.get(0).get("id").asString().equals(bakery) ? all.get(0) : all.get(1);
        assertThat(bakeryHit.get("highlights").get("name").get(0).asString()).isEqualTo("{crmhit}" + w + "{/crmhit} Alpine Bakery");

        assertThat(strings(s.get("notPharmacy"))).containsExactly(bakery);
        assertThat(strings(s.get("paged"))).containsExactly(w + " Pharmacy");
        assertThat(strings(s.get("filtered"))).containsExactlyInAnyOrder(pharmacy, contact);
        assertThat(strings(s.get("byString"))).hasSize(3).first().isEqualTo(bakery);

        assertThat(s.get("suggest").size()).isEqualTo(1);
        assertThat(s.get("suggest").get(0).get("text").asString()).isEqualTo("{crmhit}" + w + "{/crmhit} {crmhit}Pha{/crmhit}rmacy");
        assertThat(s.get("suggest").get(0).get("id").asString()).isEqualTo(pharmacy);
        assertThat(s.get("suggest").get(0).get("name").asString()).isEqualTo(w + " Pharmacy");
        assertThat(s.get("autocomplete").asString()).isEqualTo(w + " {crmhit}bakery{/crmhit}");

        assertThat(s.get("v2").get("count").asInt()).isEqualTo(2);
        JsonNode items = s.get("v2").get("items");
        assertThat(items.get(0).get("id").asString()).isEqualTo(pharmacy);
        assertThat(items.get(1).get("id").asString()).isEqualTo(bakery);
        assertThat(items.get(1).get("table").asString()).isEqualTo("account");
        assertThat(items.get(1).get("name").asString()).isEqualTo(w + " Alpine Bakery");
        assertThat(items.get(1).get("phone").asString()).isEqualTo("555-0100");
        assertThat(items.get(1).get("score").asDouble()).isEqualTo(3.0);
        assertThat(strings(s.get("v2suggest"))).containsExactly("{crmhit}" + w + "{/crmhit} {crmhit}Alp{/crmhit}ine Bakery");
        assertThat(s.get("v2autocomplete").asString()).isEqualTo(w + " {crmhit}pharmacy{/crmhit}");

        assertThat(s.get("refused").get("status").asInt()).isEqualTo(400);
        assertThat(s.get("refused").get("code").asString()).isEqualTo("0x80040203");
        assertThat(s.get("refused").get("message").asString()).contains("at least 3 characters");
    }
}
