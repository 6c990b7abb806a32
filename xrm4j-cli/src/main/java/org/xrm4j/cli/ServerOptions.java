package org.xrm4j.cli;

import java.util.UUID;
import org.xrm4j.client.HttpOrganizationService;
import picocli.CommandLine.Option;

/** The options of every command that talks to a running server. */
final class ServerOptions {
    @Option(names = "--url", description = "Server URL, with /ORG for a named organization (default: $XRM4J_URL, else http://127.0.0.1:8080).")
    String url;

    @Option(names = "--token", description = "Bearer token (default: $XRM4J_TOKEN).")
    String token;

    @Option(names = "--caller-id", description = "Impersonate this user (MSCRMCallerID).")
    UUID callerId;

    String url() {
        String u = url != null ? url : System.getenv("XRM4J_URL");
        return u == null || u.isBlank() ? "http://127.0.0.1:8080" : u.replaceAll("/+$", "");
    }

    String token() {
        String t = token != null ? token : System.getenv("XRM4J_TOKEN");
        if (t == null || t.isBlank()) throw new IllegalArgumentException("No token: pass --token or set XRM4J_TOKEN.");
        return t;
    }

    HttpOrganizationService service() {
        HttpOrganizationService.Builder b = HttpOrganizationService.builder().baseUrl(url()).token(token());
        if (callerId != null) b.callerId(callerId);
        return b.build();
    }

    /** The server root (without an organization segment), for the deployment service. */
    String serverRoot() {
        java.net.URI u = java.net.URI.create(url());
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
