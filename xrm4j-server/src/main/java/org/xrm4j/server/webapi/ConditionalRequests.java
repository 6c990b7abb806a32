package org.xrm4j.server.webapi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.ConcurrencyBehavior;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.DeleteRequest;
import org.xrm4j.sdk.messages.UpdateRequest;
import org.xrm4j.sdk.messages.UpsertRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Web API's conditional requests, as the SDK messages they stand for. On a PATCH, {@code If-Match: *} is an
 * Update (the record must exist), {@code If-Match: W/"<versionnumber>"} an Update with ConcurrencyBehavior
 * IfRowVersionMatches (a changed record is 412 {@code 0x80060882}), {@code If-None-Match: *} a Create, neither an
 * Upsert; a DELETE with an etag is a Delete with that RowVersion. A GET with {@code If-None-Match: W/"<version>"} is
 * answered {@code 304} with no body while the record's etag is still that one.
 */
final class ConditionalRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"([^\"]*)\"$");

    private ConditionalRequests() {}

    static OrganizationRequest write(Entity record, WebApiRequest request) {
        String ifMatch = request.header("If-Match");
        String ifNoneMatch = request.header("If-None-Match");
        if (ifMatch != null) {
            String version = version(ifMatch, "If-Match");
            if (version == null) return new UpdateRequest(record);
            return new UpdateRequest(record.rowVersion(version)).concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches);
        }
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            // A create by alternate key stores the key's values, as Dataverse does.
            record.keyAttributes().forEach((column, value) -> { if (!record.contains(column)) record.set(column, value); });
            return new CreateRequest(record);
        }
        return new UpsertRequest(record);
    }

    static DeleteRequest delete(EntityReference target, WebApiRequest request) {
        String ifMatch = request.header("If-Match");
        String version = ifMatch == null ? null : version(ifMatch, "If-Match");
        if (version == null) return new DeleteRequest(target);
        return new DeleteRequest(target.withRowVersion(version)).concurrencyBehavior(ConcurrencyBehavior.IfRowVersionMatches);
    }

    /** A read answered {@code 304 Not Modified} when the record still has the etag of {@code If-None-Match}. */
    static Operation notModified(Operation read, WebApiRequest request) {
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch == null) return read;
        String version = version(ifNoneMatch, "If-None-Match");
        return read.thenAnswer(answer -> {
            if (answer.status() != 200) return answer;
            JsonNode etag = JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8)).get("@odata.etag");
            boolean unchanged = version == null || (etag != null && version.equals(version(etag.asString(), "@odata.etag")));
            return unchanged ? WebApiResponse.empty(304).header("ETag", etag == null ? "*" : etag.asString()) : answer;
        });
    }

    /** The version of an etag header ({@code W/"12"} or {@code "12"}); {@code null} for {@code *}. */
    private static String version(String header, String name) {
        String h = header.trim();
        if (h.equals("*")) return null;
        Matcher m = ETAG.matcher(h);
        if (!m.matches() || m.group(1).isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The " + name + " header '" + header + "' is neither * nor an"
                    + " etag such as W/\"12345\" (the record's @odata.etag).");
        }
        return m.group(1);
    }

}
