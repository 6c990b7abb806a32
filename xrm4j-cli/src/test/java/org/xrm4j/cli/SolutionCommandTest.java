package org.xrm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.solutions.SolutionFixtures;

/** {@code xrm4j solution pack | import | list} against a real server. */
class SolutionCommandTest {
    static TestServers.TestServer server;

    @BeforeAll static void start() { server = TestServers.start("h2"); }

    @AfterAll static void stop() { server.close(); }

    CliTest.Run solution(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "solution";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run(all);
    }

    @Test void packImportAndList(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("XtCli");
        SolutionFixtures.unpacked(folder, "XtCli", "xt_Cli");
        Path zip = dir.resolve("xtcli.zip");
        CliTest.Run pack = solution("pack", folder.toString(), "-o", zip.toString());
        assertThat(pack.exit()).as(pack.err()).isZero();
        assertThat(Files.size(zip)).isPositive();

        CliTest.Run imported = solution("import", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN, zip.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported XtCli").doesNotContain("warning");
        assertThat(server.org().metadata().entity("xt_cli").attribute("xt_photo")).as("the image column").isNotNull();

        CliTest.Run fromFolder = solution("import", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN,
                folder.toString());
        assertThat(fromFolder.exit()).as(fromFolder.err()).isZero();

        CliTest.Run list = solution("list", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN);
        assertThat(list.out()).contains("XtCli  1.0.0.0  unmanaged");
    }

    @Test void aBadFileExitsWithOne(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, SolutionFixtures.zip(java.util.Map.of("solution.xml", SolutionFixtures.utf8("<x/>"))));
        CliTest.Run r = solution("import", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN, bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("customizations.xml");
    }

    @Test void holdingImportThenPromote(@TempDir Path dir) throws Exception {
        Path v1 = dir.resolve("v1.zip");
        Path v2 = dir.resolve("v2.zip");
        for (Path p : new Path[] {v1, v2}) {
            String version = p == v1 ? "1.0.0.0" : "2.0.0.0";
            var files = SolutionFixtures.files("XtCliUp", version, "xt_CliUp", "");
            files.put("solution.xml", SolutionFixtures.utf8(SolutionFixtures.solutionXml("XtCliUp", version).replace("<Managed>0<", "<Managed>1<")));
            Files.write(p, SolutionFixtures.zip(files));
        }
        String[] target = {"--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN};
        assertThat(solution("import", target[0], target[1], target[2], target[3], v1.toString()).exit()).isZero();
        CliTest.Run staged = solution("import", "--holding", target[0], target[1], target[2], target[3], v2.toString());
        assertThat(staged.exit()).as(staged.err()).isZero();
        assertThat(solution("list", target[0], target[1], target[2], target[3]).out()).contains("XtCliUp_Upgrade  2.0.0.0  managed");
        CliTest.Run promoted = solution("promote", target[0], target[1], target[2], target[3], "XtCliUp");
        assertThat(promoted.exit()).as(promoted.err()).isZero();
        assertThat(promoted.out()).contains("Promoted XtCliUp");
        assertThat(solution("list", target[0], target[1], target[2], target[3]).out()).contains("XtCliUp  2.0.0.0  managed").doesNotContain("_Upgrade");
        CliTest.Run deleted = solution("delete", target[0], target[1], target[2], target[3], "XtCliUp");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(solution("list", target[0], target[1], target[2], target[3]).out()).doesNotContain("XtCliUp");
        assertThat(solution("delete", target[0], target[1], target[2], target[3], "XtCliUp").exit()).isEqualTo(1);
    }
}
