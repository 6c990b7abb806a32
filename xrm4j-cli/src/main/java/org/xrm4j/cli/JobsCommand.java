package org.xrm4j.cli;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.client.SystemJobs;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.PagingInfo;
import org.xrm4j.sdk.query.QueryExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Follow system jobs (asyncoperation).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Cancel.class, JobsCommand.Wait.class})
final class JobsCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static String line(Entity job) {
        return job.id() + "  " + job.formattedValues().getOrDefault("statuscode", String.valueOf(SystemJobs.status(job)))
                + "  " + job.get("name") + "  created " + job.get("createdon")
                + (job.contains("completedon") ? "  completed " + job.get("completedon") : "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest jobs first.")
    static final class ListJobs implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Option(names = "--top", defaultValue = "50", description = "How many (default: ${DEFAULT-VALUE}).")
        int top;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                QueryExpression q = new QueryExpression("asyncoperation").columnSet(SystemJobs.OUTCOME)
                        .pageInfo(new PagingInfo(top, 1)).addOrder("createdon", OrderType.Descending);
                for (Entity job : service.retrieveMultiple(q).entities()) System.out.println(line(job));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One job's row.")
    static final class Show implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0", description = "The job id (AsyncJobId).") UUID id;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                Entity job = new SystemJobs(service).retrieve(id);
                for (Map.Entry<String, Object> e : job.attributes().entrySet()) {
                    Object v = e.getValue();
                    String shown = v instanceof OptionSetValue o ? o.value() + " (" + job.formattedValues().get(e.getKey()) + ")"
                            : v instanceof EntityReference r ? r.logicalName() + " " + r.id() : String.valueOf(v);
                    System.out.println(e.getKey() + ": " + shown);
                }
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a job: at once when it waits, at its next checkpoint when it runs.")
    static final class Cancel implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0") UUID id;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                new SystemJobs(service).cancel(id);
                System.out.println(line(new SystemJobs(service).retrieve(id)));
            }
            return 0;
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = "Wait until a job ends; exit 0 when it succeeded, 1 when it failed or was canceled.")
    static final class Wait implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0") UUID id;

        @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
        long timeout;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                Entity job = new SystemJobs(service).waitFor(id, Duration.ofSeconds(timeout));
                System.out.println(line(job));
                if (job.contains("message")) System.out.println(job.get("message"));
                return SystemJobs.status(job) == 30 ? 0 : 1;
            }
        }
    }
}
