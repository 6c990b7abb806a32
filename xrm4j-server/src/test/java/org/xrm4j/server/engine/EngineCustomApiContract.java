package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.EngineCalls.fault;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.server.EngineCalls;
import org.xrm4j.server.TestServers;

/**
 * Custom APIs: defined as customapi rows, called by their unique name, checked against their parameters, answered
 * with their response properties, and implemented by a pipeline step.
 */
abstract class EngineCustomApiContract extends EngineContract {
    /** Defines an API with a required Integer, an optional String, and one Decimal response property. */
    private String define(int bindingType, String boundEntity) {
        String name = "new_" + EngineCalls.tag();
        Entity api = new Entity("customapi").set("uniquename", name).set("name", name).set("displayname", name)
                .set("bindingtype", new OptionSetValue(bindingType)).set("isfunction", false)
                .set("allowedcustomprocessingsteptype", new OptionSetValue(0));
        if (boundEntity != null) api.set("boundentitylogicalname", boundEntity);
        EntityReference ref = new EntityReference("customapi", calls.create(api));
        calls.create(parameter("customapirequestparameter", ref, "Amount", 7).set("isoptional", false));
        calls.create(parameter("customapirequestparameter", ref, "Note", 10).set("isoptional", true));
        calls.create(parameter("customapiresponseproperty", ref, "Total", 2));
        return name;
    }

    private static Entity parameter(String table, EntityReference api, String name, int type) {
        return new Entity(table).set("customapiid", api).set("uniquename", name).set("name", name)
                .set("type", new OptionSetValue(type));
    }

    private PipelineStep step(String message, PipelineStepBody body) {
        PipelineStep step = new PipelineStep() {
            @Override public String messageName() { return message; }
            @Override public int stage() { return POST_OPERATION; }
            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                body.run(context, request, response);
            }
        };
        calls.engine().pipeline().register(step);
        return step;
    }

    private interface PipelineStepBody {
        void run(StepContext context, OrganizationRequest request, OrganizationResponse response);
    }

    @Test void anUnboundApiWithoutAStepAnswersItsResponsePropertiesUnset() {
        String name = define(0, null);
        OrganizationResponse r = calls.execute(new OrganizationRequest(name).set("Amount", 3));
        assertThat(r.responseName()).isEqualTo(name);
        assertThat(r.results()).containsOnlyKeys("Total").containsEntry("Total", null);
    }

    @Test void aPostOperationStepImplementsTheApiBySettingItsOutput() {
        String name = define(0, null);
        PipelineStep step = step(name, (context, request, response) ->
                response.set("Total", BigDecimal.valueOf((Integer) request.get("Amount") * 2L)));
        try {
            OrganizationResponse r = calls.execute(new OrganizationRequest(name).set("Amount", 21).set("Note", "twice"));
            assertThat(r.get("Total")).isEqualTo(BigDecimal.valueOf(42));
        } finally {
            calls.engine().pipeline().unregister(step);
        }
    }

    @Test void aBoundApiGetsItsTargetAndAStepWritesThroughTheService() {
        String name = define(1, "account");
        UUID account = calls.create(new Entity("account").set("name", "Bump me").set("numberofemployees", 1));
        PipelineStep step = step(name, (context, request, response) -> {
            EntityReference target = (EntityReference) request.get("Target");
            context.service().execute(new org.xrm4j.sdk.messages.UpdateRequest(new Entity("account", target.id())
                    .set("numberofemployees", 1 + (Integer) request.get("Amount"))));
            response.set("Total", new BigDecimal("1.5"));
        });
        try {
            OrganizationResponse r = calls.execute(new OrganizationRequest(name).set("Target", new EntityReference("account", account)).set("Amount", 4));
            assertThat(r.get("Total")).isEqualTo(new BigDecimal("1.5"));
            assertThat(calls.retrieve("account", account, "numberofemployees").get("numberofemployees")).isEqualTo(5);
        } finally {
            calls.engine().pipeline().unregister(step);
        }
    }

    @Test void aFaultInTheStepRollsBackWhatItWrote() {
        String name = define(1, "account");
        UUID account = calls.create(new Entity("account").set("name", "Unchanged").set("numberofemployees", 1));
        PipelineStep step = step(name, (context, request, response) -> {
            context.service().execute(new org.xrm4j.sdk.messages.UpdateRequest(new Entity("account", account).set("numberofemployees", 99)));
            throw new FaultException(ErrorCodes.InvalidArgument, "refused");
        });
        try {
            fault(ErrorCodes.InvalidArgument, () -> calls.execute(new OrganizationRequest(name)
                    .set("Target", new EntityReference("account", account)).set("Amount", 4)));
            assertThat(calls.retrieve("account", account, "numberofemployees").get("numberofemployees")).isEqualTo(1);
        } finally {
            calls.engine().pipeline().unregister(step);
        }
    }

    @Test void aMissingRequiredParameterFaults() {
        String name = define(0, null);
        FaultException f = fault(ErrorCodes.RequiredFieldMissing, () -> calls.execute(new OrganizationRequest(name).set("Note", "x")));
        assertThat(f.getMessage()).contains("Amount");
    }

    @Test void aParameterOfTheWrongTypeFaults() {
        String name = define(0, null);
        FaultException f = fault(ErrorCodes.InvalidArgument, () -> calls.execute(new OrganizationRequest(name).set("Amount", "three")));
        assertThat(f.getMessage()).contains("Amount").contains("Integer");
    }

    @Test void anUndeclaredParameterFaults() {
        String name = define(0, null);
        FaultException f = fault(ErrorCodes.InvalidArgument, () -> calls.execute(new OrganizationRequest(name).set("Amount", 1).set("Extra", 2)));
        assertThat(f.getMessage()).contains("Extra");
    }

    @Test void aBoundApiNeedsATargetOfItsTableThatExists() {
        String name = define(1, "account");
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new OrganizationRequest(name).set("Amount", 1)));
        UUID contact = calls.create(new Entity("contact").set("lastname", "Wrong table"));
        fault(ErrorCodes.InvalidArgument, () -> calls.execute(new OrganizationRequest(name)
                .set("Target", new EntityReference("contact", contact)).set("Amount", 1)));
        fault(ErrorCodes.ObjectDoesNotExist, () -> calls.execute(new OrganizationRequest(name)
                .set("Target", new EntityReference("account", UUID.randomUUID())).set("Amount", 1)));
    }

    @Test void onlyTheSystemAdministratorDefinesApisWhileAnyUserCallsThem() {
        String name = define(0, null);
        org.xrm4j.server.organization.Deployment.IssuedUser basic = calls.engine().deployment().createUser(server.org(), "Cal", "Ler",
                "cal." + UUID.randomUUID() + "@example.com", org.xrm4j.server.security.Role.BasicUser);
        fault(ErrorCodes.PrivilegeDenied, () -> calls.executeAs(basic.token(), null, new org.xrm4j.sdk.messages.CreateRequest(
                new Entity("customapi").set("uniquename", "new_" + EngineCalls.tag()).set("name", "Not mine"))));
        OrganizationResponse r = calls.executeAs(basic.token(), null, new OrganizationRequest(name).set("Amount", 1));
        assertThat(r.results()).containsKey("Total");
    }

    @Test void theSdkProtocolCarriesABoundCallAndItsTypedOutput() {
        String name = define(1, "account");
        UUID account = calls.create(new Entity("account").set("name", "Over the wire"));
        PipelineStep step = step(name, (context, request, response) ->
                response.set("Total", new BigDecimal(((String) request.get("Note")).length())));
        try (org.xrm4j.client.HttpOrganizationService service = org.xrm4j.client.HttpOrganizationService.builder()
                .baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build()) {
            OrganizationResponse r = service.execute(new OrganizationRequest(name)
                    .set("Target", new EntityReference("account", account)).set("Amount", 1).set("Note", "four"));
            assertThat(r.responseName()).isEqualTo(name);
            assertThat((BigDecimal) r.get("Total")).isEqualByComparingTo("4");
            FaultException f = fault(ErrorCodes.RequiredFieldMissing, () -> service.execute(new OrganizationRequest(name)
                    .set("Target", new EntityReference("account", account))));
            assertThat(f.getMessage()).contains("Amount");
        } finally {
            calls.engine().pipeline().unregister(step);
        }
    }

    @Test void anUndefinedMessageIsStillNotSupported() {
        fault(ErrorCodes.NotSupported, () -> calls.execute(new OrganizationRequest("new_" + EngineCalls.tag())));
    }
}
