package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * The dynamics-web-api npm client, installed with {@code npm ci} from the committed package-lock (so the version is
 * pinned) into {@code target/webapi-node}, and the scripts that drive a server with it. The install happens once per
 * build: a copy of the lock file beside node_modules records what is installed. Without Node the tests are skipped,
 * except under {@code CI=true}, where they must run.
 */
final class NodeClient {
    static final List<String> FILES = List.of("package.json", "package-lock.json", "client.js", "crud.js", "batch.js", "actions.js",
            "metadata.js", "reads.js", "writes.js", "limits.js", "keys.js", "navigation.js", "relationships.js", "navqueries.js", "search.js",
            "files.js", "customapis.js");
    private static final Path DIR = Path.of("target", "webapi-node").toAbsolutePath();
    private static boolean installed;

    private NodeClient() {}

    /** The folder with the scripts and an installed client, or a skipped test when Node is missing. */
    static synchronized Path prepare() {
        requireNode();
        try {
            Files.createDirectories(DIR);
            for (String f : FILES) {
                try (InputStream in = NodeClient.class.getResourceAsStream("/webapi-node/" + f)) {
                    if (in == null) throw new IllegalStateException("Missing test resource webapi-node/" + f);
                    Files.copy(in, DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!installed) {
                Path stamp = DIR.resolve("node_modules").resolve(".xrm4j-lock");
                byte[] lock = Files.readAllBytes(DIR.resolve("package-lock.json"));
                boolean current = Files.exists(stamp) && Arrays.equals(Files.readAllBytes(stamp), lock)
                        && Files.exists(DIR.resolve("node_modules/dynamics-web-api/package.json"));
                if (!current) {
                    Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
                    if (r.exitCode() != 0) throw new IllegalStateException("npm ci failed:\n" + r.output());
                    Files.write(stamp, lock);
                }
                installed = true;
            }
            return DIR;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a script of the folder with the given environment; the client's own stdout is the result. */
    static Result script(String name, Map<String, String> env) {
        return run(List.of("node", prepare().resolve(name).toString()), env, 120);
    }

    /**
     * Runs a script against the server as the administrator (env adds to or overrides XRM4J_URL and XRM4J_TOKEN),
     * checks that it succeeded, and answers the summary it printed.
     */
    static JsonNode summary(TestServers.TestServer server, String script, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        // The trailing slash matters: the client resolves api/data/v9.2 against the URL and drops a last segment.
        all.put("XRM4J_URL", server.orgUrl() + "/");
        all.put("XRM4J_TOKEN", TestServers.ADMIN_TOKEN);
        all.putAll(env);
        Result r = script(script, all);
        assertThat(r.exitCode()).as(r.output()).isZero();
        JsonNode out = WebApiHttp.JSON.readTree(r.lastLine());
        assertThat(out.get("ok").asBoolean()).as(r.output()).isTrue();
        return out.get("summary");
    }

    record Result(int exitCode, String output) {
        /** The last line the script printed: its JSON summary. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static void requireNode() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try {
            if (run(List.of("node", "--version"), Map.of(), 30).exitCode() == 0) return;
        } catch (IllegalStateException e) {
            // not installed: decided below
        }
        if (ci) throw new IllegalStateException("CI=true but 'node' is not available: the dynamics-web-api tests must run.");
        Assumptions.abort("node is not installed: dynamics-web-api tests skipped");
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            Files.createDirectories(DIR);
            // Output goes to a file, so that a process that hangs is stopped by the timeout instead of blocking a read.
            Path log = Files.createTempFile(DIR, "run", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            byte[] out = Files.readAllBytes(log);
            Files.deleteIfExists(log);
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
