package org.xrm4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.messages.DeleteAndPromoteRequest;
import org.xrm4j.sdk.messages.DeleteAndPromoteResponse;
import org.xrm4j.sdk.messages.ImportSolutionAsyncRequest;
import org.xrm4j.sdk.messages.ImportSolutionAsyncResponse;
import org.xrm4j.sdk.messages.ImportSolutionRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.OrderType;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.server.solutions.SolutionPackager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "solution", mixinStandardHelpOptions = true, description = "Import, pack and list solutions.",
        subcommands = {SolutionCommand.Import.class, SolutionCommand.Pack.class, SolutionCommand.ListSolutions.class,
                SolutionCommand.Promote.class, SolutionCommand.Delete.class})
final class SolutionCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** A solution file, or an unpacked solution folder packed on the fly. */
    static byte[] solutionFile(Path path) throws IOException {
        return Files.isDirectory(path) ? SolutionPackager.pack(path) : Files.readAllBytes(path);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a solution file (or an unpacked solution folder) and print its import log summary.")
    static final class Import implements Callable<Integer> {
        private static final Pattern RESULT = Pattern.compile("<(entity|attribute|optionSet|relationship|component) id=\"([^\"]*)\"[^>]*><result result=\"([^\"]*)\"[^>]*errortext=\"([^\"]*)\"");

        @Mixin ServerOptions server;

        @Parameters(index = "0", description = "The .zip file, or an unpacked (SolutionPackager) folder.") Path file;

        @Option(names = "--async", description = "Queue the import as a system job (ImportSolutionAsync) and print its ids.")
        boolean async;

        @Option(names = "--holding", description = "Stage a managed upgrade as <UniqueName>_Upgrade (apply it with 'solution promote').")
        boolean holding;

        @Override public Integer call() throws IOException {
            byte[] bytes = solutionFile(file);
            try (HttpOrganizationService service = server.service()) {
                if (async) {
                    ImportSolutionAsyncRequest request = new ImportSolutionAsyncRequest().customizationFile(bytes)
                            .overwriteUnmanagedCustomizations(false).publishWorkflows(false);
                    if (holding) request.holdingSolution(true);
                    ImportSolutionAsyncResponse r = (ImportSolutionAsyncResponse) service.execute(request);
                    System.out.println("AsyncOperationId " + r.asyncOperationId());
                    System.out.println("ImportJobKey " + r.importJobKey());
                    return 0;
                }
                UUID job = UUID.randomUUID();
                ImportSolutionRequest request = new ImportSolutionRequest().customizationFile(bytes).overwriteUnmanagedCustomizations(false)
                        .publishWorkflows(false).importJobId(job);
                if (holding) request.holdingSolution(true);
                service.execute(request);
                Entity importJob = service.retrieve("importjob", job, new ColumnSet("solutionname", "data"));
                System.out.println("Imported " + importJob.get("solutionname") + " (import job " + job + ")");
                Matcher m = RESULT.matcher(String.valueOf(importJob.get("data")));
                int components = 0;
                while (m.find()) {
                    components++;
                    if (!m.group(3).equals("success")) System.out.println("  " + m.group(3) + ": " + m.group(1) + " " + m.group(2) + ": " + m.group(4));
                }
                System.out.println(components + " components processed");
            }
            return 0;
        }
    }

    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Zip an unpacked (SolutionPackager-layout) folder into an importable solution file.")
    static final class Pack implements Callable<Integer> {
        @Parameters(index = "0", description = "The folder (with Other/Solution.xml).") Path folder;

        @Option(names = {"-o", "--output"}, description = "The .zip to write (default: the folder's name + .zip).")
        Path output;

        @Override public Integer call() throws IOException {
            Path target = output != null ? output : folder.toAbsolutePath().resolveSibling(folder.toAbsolutePath().getFileName() + ".zip");
            Files.write(target, SolutionPackager.pack(folder));
            System.out.println(target);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The installed solutions.")
    static final class ListSolutions implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                QueryExpression q = new QueryExpression("solution").columnSet(new ColumnSet("uniquename", "version", "ismanaged", "publisherid", "installedon"))
                        .addOrder("uniquename", OrderType.Ascending);
                for (Entity s : service.retrieveMultiple(q).entities()) {
                    EntityReference publisher = (EntityReference) s.get("publisherid");
                    System.out.println(s.get("uniquename") + "  " + s.get("version") + "  " + (Boolean.TRUE.equals(s.get("ismanaged")) ? "managed" : "unmanaged")
                            + (publisher != null && publisher.name() != null ? "  " + publisher.name() : ""));
                }
            }
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Apply a staged upgrade (DeleteAndPromote): remove what the new version dropped, keep one solution.")
    static final class Promote implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0", description = "The base solution's unique name.") String uniqueName;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                DeleteAndPromoteResponse r = (DeleteAndPromoteResponse) service.execute(new DeleteAndPromoteRequest(uniqueName));
                System.out.println("Promoted " + uniqueName + " (SolutionId " + r.solutionId() + ")");
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a solution: a managed one is uninstalled with its tables and columns; an unmanaged one leaves them.")
    static final class Delete implements Callable<Integer> {
        @Mixin ServerOptions server;

        @Parameters(index = "0", description = "The solution's unique name.") String uniqueName;

        @Override public Integer call() {
            try (HttpOrganizationService service = server.service()) {
                QueryExpression q = new QueryExpression("solution").columnSet(new ColumnSet("uniquename"));
                q.criteria().addCondition("uniquename", org.xrm4j.sdk.query.ConditionOperator.Equal, uniqueName);
                var found = service.retrieveMultiple(q).entities();
                if (found.isEmpty()) throw new IllegalArgumentException("No solution named " + uniqueName + ".");
                service.delete("solution", found.getFirst().id());
                System.out.println("Deleted " + uniqueName);
            }
            return 0;
        }
    }
}
