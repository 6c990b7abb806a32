package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client defining custom APIs and calling them ({@code customapis.js}): callAction unbound
 * and bound (collection + key), callFunction; post-operation steps registered here implement them.
 */
abstract class WebApiNodeCustomApiContract extends WebApiNodeContract {
    private PipelineStep step(String name) {
        return new PipelineStep() {
            @Override public String messageName() { return name; }
            @Override public int stage() { return POST_OPERATION; }
            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                int amount = (Integer) request.get("Amount");
                if (request.get("Target") instanceof EntityReference target) {
                    context.service().execute(new org.xrm4j.sdk.messages.UpdateRequest(new Entity("account", target.id()).set("numberofemployees", amount)));
                } else {
                    response.set("Total", BigDecimal.valueOf(amount * 10L));
                }
            }
        };
    }

    @Test void customApisThroughDynamicsWebApi() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String action = "new_act" + tag;
        String function = "new_fn" + tag;
        String bound = "new_Bump" + tag;
        List<PipelineStep> steps = List.of(step(action), step(function), step(bound));
        steps.forEach(server.server().engine().pipeline()::register);
        try {
            JsonNode s = NodeClient.summary(server, "customapis.js", Map.of("XRM4J_ACTION", action, "XRM4J_FUNCTION", function, "XRM4J_BOUND", bound));
            assertThat(s.get("action").get("Total").decimalValue()).isEqualByComparingTo("60");
            assertThat(s.get("function").get("Total").decimalValue()).isEqualByComparingTo("50");
            assertThat(s.get("bound").asString()).isEqualTo("undefined");
            assertThat(s.get("employees").asInt()).isEqualTo(42);
            assertThat(s.get("missing").get("status").asInt()).isEqualTo(400);
            assertThat(s.get("missing").get("code").asString()).isEqualTo("0x80040200");
        } finally {
            steps.forEach(server.server().engine().pipeline()::unregister);
        }
    }
}
