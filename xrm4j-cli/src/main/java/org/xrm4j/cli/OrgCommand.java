package org.xrm4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.xrm4j.sdk.OrganizationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organizations (deployment administrators).",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
final class OrgCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an organization; its URL prefix is /NAME.")
    static final class Create implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0", description = "Unique name: a letter, then letters and digits (at most 30).")
        String name;

        @Override public Integer call() {
            Object id = Deployments.call(server, new OrganizationRequest("CreateOrganization").set("UniqueName", name)).get("OrganizationId");
            System.out.println("Created organization " + name + " (" + id + "): " + server.serverRoot() + "/" + name + "/api/xrm/v1/execute");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the organizations.")
    static final class ListOrgs implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Override public Integer call() {
            List<?> names = (List<?>) Deployments.call(server, new OrganizationRequest("RetrieveOrganizations")).get("Organizations");
            names.forEach(System.out::println);
            return 0;
        }
    }
}
