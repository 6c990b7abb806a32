package org.xrm4j.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.OrganizationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "settings", mixinStandardHelpOptions = true, description = "Read or change deployment settings.",
        subcommands = {SettingsCommand.Get.class, SettingsCommand.Set.class})
final class SettingsCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one setting, or all of them.")
    static final class Get implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0", arity = "0..1", description = "Setting name (default: all).")
        String name;

        @Override public Integer call() {
            Entity settings = (Entity) Deployments.call(server, new OrganizationRequest("RetrieveAdvancedSettings")).get("Settings");
            for (Map.Entry<String, Object> e : settings.attributes().entrySet()) {
                if (name == null) {
                    System.out.println(e.getKey() + " = " + e.getValue());
                } else if (e.getKey().equalsIgnoreCase(name)) {
                    System.out.println(e.getValue());
                    return 0;
                }
            }
            if (name != null) throw new IllegalArgumentException("Unknown setting " + name);
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a setting at run time.")
    static final class Set implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0") String name;

        @Parameters(index = "1") long value;

        @Override public Integer call() {
            Deployments.call(server, new OrganizationRequest("UpdateAdvancedSettings").set("Name", name).set("Value", String.valueOf(value)));
            System.out.println(name + " = " + value);
            return 0;
        }
    }
}
