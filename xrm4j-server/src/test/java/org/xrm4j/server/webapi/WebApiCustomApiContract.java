package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Custom APIs over raw HTTP: defined by creating customapi rows through the Web API, then called unbound
 * ({@code POST new_x}, {@code GET new_x(...)}) and bound to a record
 * ({@code POST accounts(<id>)/Microsoft.Dynamics.CRM.new_x}), implemented by a post-operation step.
 */
abstract class WebApiCustomApiContract extends WebApiServerContract {
    /** Defines an API with Amount (Integer, required), Rate (Decimal, optional) and, when asked, a Total (Decimal) response. */
    String define(int bindingType, boolean isFunction, boolean withResponse) {
        String name = "new_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String bound = bindingType == 1 ? ",\"boundentitylogicalname\":\"account\"" : "";
        String apiId = created(http.post(api + "customapis", "{\"uniquename\":\"" + name + "\",\"name\":\"" + name + "\",\"bindingtype\":"
                + bindingType + ",\"isfunction\":" + isFunction + bound + "}"));
        String bind = "\"customapiid@odata.bind\":\"/customapis(" + apiId + ")\"";
        created(http.post(api + "customapirequestparameters", "{\"uniquename\":\"Amount\",\"name\":\"Amount\",\"type\":7,\"isoptional\":false," + bind + "}"));
        created(http.post(api + "customapirequestparameters", "{\"uniquename\":\"Rate\",\"name\":\"Rate\",\"type\":2,\"isoptional\":true," + bind + "}"));
        if (withResponse) created(http.post(api + "customapiresponseproperties", "{\"uniquename\":\"Total\",\"name\":\"Total\",\"type\":2," + bind + "}"));
        return name;
    }

    private static String created(WebApiHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)$", "$1");
    }

    private PipelineStep implement(String name) {
        PipelineStep step = new PipelineStep() {
            @Override public String messageName() { return name; }
            @Override public int stage() { return POST_OPERATION; }
            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                java.math.BigDecimal rate = request.get("Rate") == null ? java.math.BigDecimal.ONE : (java.math.BigDecimal) request.get("Rate");
                if (request.get("Target") instanceof EntityReference target) {
                    context.service().execute(new org.xrm4j.sdk.messages.UpdateRequest(new Entity("account", target.id())
                            .set("numberofemployees", (Integer) request.get("Amount"))));
                }
                if (response.results().containsKey("Total")) response.set("Total", rate.multiply(java.math.BigDecimal.valueOf((Integer) request.get("Amount"))));
            }
        };
        server.server().engine().pipeline().register(step);
        return step;
    }

    @Test void anUnboundActionAnswersItsResponseProperties() {
        String name = define(0, false, true);
        PipelineStep step = implement(name);
        try {
            WebApiHttp.Reply r = http.post(api + name, "{\"Amount\":4,\"Rate\":2.5}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode o = r.json();
            assertThat(o.get("@odata.context").asString()).isEqualTo(api + "$metadata#Microsoft.Dynamics.CRM." + name + "Response");
            assertThat(o.get("Total").decimalValue()).isEqualByComparingTo("10");
        } finally {
            server.server().engine().pipeline().unregister(step);
        }
        // Without a step, as on the platform without a plug-in type: the property is there, unset.
        WebApiHttp.Reply unset = http.post(api + name, "{\"Amount\":4}");
        assertThat(unset.status()).as(unset.body()).isEqualTo(200);
        assertThat(unset.json().get("Total").isNull()).isTrue();
    }

    @Test void anUnboundFunctionTakesItsParametersInTheUrl() {
        String name = define(0, true, true);
        PipelineStep step = implement(name);
        try {
            WebApiHttp.Reply inline = http.get(api + name + "(Amount=3,Rate=@r)?@r=1.5");
            assertThat(inline.status()).as(inline.body()).isEqualTo(200);
            assertThat(inline.json().get("Total").decimalValue()).isEqualByComparingTo("4.5");
            assertThat(http.post(api + name + "(Amount=3)", "{}").status()).isEqualTo(400);
        } finally {
            server.server().engine().pipeline().unregister(step);
        }
    }

    @Test void aBoundActionWithoutResponsePropertiesAnswers204() {
        String name = define(1, false, false);
        String account = created(http.post(api + "accounts", "{\"name\":\"Bound\",\"numberofemployees\":1}"));
        PipelineStep step = implement(name);
        try {
            WebApiHttp.Reply r = http.post(api + "accounts(" + account + ")/Microsoft.Dynamics.CRM." + name, "{\"Amount\":77}");
            assertThat(r.status()).as(r.body()).isEqualTo(204);
            assertThat(http.get(api + "accounts(" + account + ")?$select=numberofemployees").json().get("numberofemployees").asInt()).isEqualTo(77);
            WebApiHttp.Reply missing = http.post(api + "accounts(" + UUID.randomUUID() + ")/Microsoft.Dynamics.CRM." + name, "{\"Amount\":1}");
            assertThat(missing.status()).isEqualTo(404);
            WebApiHttp.Reply wrongSet = http.post(api + "contacts(" + UUID.randomUUID() + ")/Microsoft.Dynamics.CRM." + name, "{\"Amount\":1}");
            assertThat(wrongSet.status()).isEqualTo(400);
            assertThat(wrongSet.errorCode()).isEqualTo("0x80040203");
        } finally {
            server.server().engine().pipeline().unregister(step);
        }
    }

    @Test void missingOrMistypedParametersAndUnknownNamesFault() {
        String name = define(0, false, true);
        WebApiHttp.Reply missing = http.post(api + name, "{\"Rate\":1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("0x80040200");
        WebApiHttp.Reply mistyped = http.post(api + name, "{\"Amount\":\"four\"}");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.errorCode()).isEqualTo("0x80040203");
        assertThat(mistyped.body()).contains("Amount");
        WebApiHttp.Reply unknown = http.post(api + "new_nosuchapi", "{}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("0x80040315");
    }
}
