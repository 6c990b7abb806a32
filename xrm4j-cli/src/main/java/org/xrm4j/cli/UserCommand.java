package org.xrm4j.cli;

import java.util.concurrent.Callable;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users (deployment administrators).",
        subcommands = UserCommand.Create.class)
final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user in an organization and print the user's id and bearer token (shown once).")
    static final class Create implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Option(names = "--org", description = "Organization (default: the default organization).")
        String org;

        @Option(names = "--first-name") String firstName;

        @Option(names = "--last-name", required = true) String lastName;

        @Option(names = "--domain-name", description = "Sign-in name, e.g. jane@contoso.com.") String domainName;

        @Option(names = "--role", defaultValue = "Basic User",
                description = "\"System Administrator\" or \"Basic User\" (default: ${DEFAULT-VALUE}).")
        String role;

        @Override public Integer call() {
            OrganizationRequest r = new OrganizationRequest("CreateUser").set("LastName", lastName).set("Role", role);
            if (org != null) r.set("Organization", org);
            if (firstName != null) r.set("FirstName", firstName);
            if (domainName != null) r.set("DomainName", domainName);
            OrganizationResponse res = Deployments.call(server, r);
            System.out.println("UserId: " + res.get("UserId"));
            System.out.println("Token:  " + res.get("Token"));
            return 0;
        }
    }
}
