package org.xrm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.server.TestServers;

/** The CLI against a real server: exec, org, user and settings commands. */
class CliTest {
    static TestServers.TestServer server;

    @BeforeAll static void start() { server = TestServers.start("h2"); }

    @AfterAll static void stop() { server.close(); }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test void execSendsAFileAndPrintsTheResponse(@TempDir Path dir) throws Exception {
        Path request = dir.resolve("create.json");
        Files.writeString(request, "{\"RequestName\":\"Create\",\"Parameters\":{\"Target\":{\"$type\":\"Entity\","
                + "\"LogicalName\":\"account\",\"Attributes\":{\"name\":\"From the CLI\"}}}}");
        Run r = run("exec", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN, request.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"ResponseName\":\"Create\"").contains("\"$type\":\"Guid\"");
    }

    @Test void execOfAFaultExitsWithOne(@TempDir Path dir) throws Exception {
        Path request = dir.resolve("bad.json");
        Files.writeString(request, "{\"RequestName\":\"NoSuchMessage\",\"Parameters\":{}}");
        Run r = run("exec", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN, request.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"Fault\"").contains("NoSuchMessage");
    }

    @Test void orgCreateUserCreateAndSettings() {
        String base = server.server().baseUrl();
        Run org = run("org", "create", "clitest", "--url", base, "--token", TestServers.ADMIN_TOKEN);
        assertThat(org.exit()).as(org.err()).isZero();
        assertThat(run("org", "list", "--url", base, "--token", TestServers.ADMIN_TOKEN).out()).contains("clitest");

        Run user = run("user", "create", "--org", "clitest", "--first-name", "Jane", "--last-name", "Doe",
                "--url", base, "--token", TestServers.ADMIN_TOKEN);
        assertThat(user.exit()).as(user.err()).isZero();
        String token = user.out().lines().filter(l -> l.startsWith("Token:")).findFirst().orElseThrow().substring(6).trim();

        Run who = runWithStdin("{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}", "exec", "--url", base + "/clitest", "--token", token);
        assertThat(who.exit()).as(who.out()).isZero();
        assertThat(who.out()).contains("UserId");
        // A basic user's token is not valid in another organization, nor for the deployment service.
        assertThat(runWithStdin("{\"RequestName\":\"WhoAmI\",\"Parameters\":{}}", "exec", "--url", server.orgUrl(), "--token", token).exit()).isEqualTo(1);
        assertThat(run("settings", "get", "--url", base, "--token", token).exit()).isEqualTo(1);

        assertThat(run("settings", "set", "BatchSize", "10", "--url", base, "--token", TestServers.ADMIN_TOKEN).exit()).isZero();
        assertThat(run("settings", "get", "BatchSize", "--url", base, "--token", TestServers.ADMIN_TOKEN).out().trim()).isEqualTo("10");
        run("settings", "set", "BatchSize", "1000", "--url", base, "--token", TestServers.ADMIN_TOKEN);
    }

    @Test void jobsListShowWaitCancel() {
        org.xrm4j.client.HttpOrganizationService client = org.xrm4j.client.HttpOrganizationService.builder()
                .baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
        java.util.UUID master = client.create(new org.xrm4j.sdk.Entity("account").set("name", "Master"));
        java.util.UUID sub = client.create(new org.xrm4j.sdk.Entity("account").set("name", "Sub"));
        java.util.UUID job = ((org.xrm4j.sdk.messages.ExecuteAsyncResponse) client.execute(new org.xrm4j.sdk.messages.ExecuteAsyncRequest()
                .request(new org.xrm4j.sdk.messages.MergeRequest().target(new org.xrm4j.sdk.EntityReference("account", master))
                        .subordinateId(sub).performParentingChecks(false)))).asyncJobId();
        String[] auth = {"--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN};
        Run wait = run(concat(new String[] {"jobs", "wait", job.toString(), "--timeout", "30"}, auth));
        int status = org.xrm4j.client.SystemJobs.status(new org.xrm4j.client.SystemJobs(client).retrieve(job));
        assertThat(status).isEqualTo(30);
        assertThat(wait.exit()).as(wait.out() + wait.err()).isZero();
        assertThat(run(concat(new String[] {"jobs", "list"}, auth)).out()).contains(job.toString());
        assertThat(run(concat(new String[] {"jobs", "show", job.toString()}, auth)).out()).contains("statuscode: " + status);
        Run cancel = run(concat(new String[] {"jobs", "cancel", job.toString()}, auth));
        assertThat(cancel.exit()).isEqualTo(1);
        assertThat(cancel.err()).contains("cannot be asked to cancel");
        client.close();
    }

    static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"serve", "--help"}, {"exec", "--help"}, {"org", "create", "--help"},
                {"user", "create", "--help"}, {"settings", "set", "--help"},
                {"jobs", "list", "--help"}, {"jobs", "wait", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    static Run runWithStdin(String stdin, String... args) {
        java.io.InputStream in = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(in);
        }
    }
}
