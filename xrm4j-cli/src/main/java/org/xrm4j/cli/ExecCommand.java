package org.xrm4j.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Send one SDK protocol request (JSON) and print the response. Exit code 1 on a fault.")
final class ExecCommand implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Parameters(index = "0", defaultValue = "-", description = "File with the request JSON, or - for standard input (default).")
    String file;

    @Override public Integer call() throws IOException, InterruptedException {
        byte[] body = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.url() + "/api/xrm/v1/execute"))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (server.callerId != null) req.header("MSCRMCallerID", server.callerId.toString());
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> res = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(res.body());
            return res.statusCode() == 200 ? 0 : 1;
        }
    }
}
