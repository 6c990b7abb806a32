package org.xrm4j.server.webapi;

import java.net.URLConnection;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.DeleteFileRequest;
import org.xrm4j.sdk.messages.DownloadBlockRequest;
import org.xrm4j.sdk.messages.DownloadBlockResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.RetrieveRequest;
import org.xrm4j.sdk.messages.UploadBlockRequest;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A file or image column as the Web API serves it, each request planned as the file messages the SDK has:
 * <ul>
 * <li>{@code PATCH <set>(<key>)/<col>?x-ms-file-name=<name>} with the bytes as body: the whole file at once
 *     (InitializeFileBlocksUpload, UploadBlock, CommitFileBlocksUpload); {@code 204}.</li>
 * <li>the same with {@code x-ms-transfer-mode: chunked} and no body: opens an upload session; {@code 200} with
 *     {@code Location} (the URL to send the chunks to, the session in its {@code sessiontoken}) and
 *     {@code x-ms-chunk-size}. Each chunk is a PATCH to that URL with {@code Content-Range: bytes a-b/total}; the
 *     chunk that ends the file commits it ({@code 204}), the others answer {@code 206}.</li>
 * <li>{@code GET <set>(<key>)/<col>[?size=full]}, optionally with {@code Range: bytes=a-b}: the bytes as
 *     {@code {"value":"<base64>"}} (what dynamics-web-api's downloadFile reads), {@code /$value} the raw bytes;
 *     {@code 206} with {@code Content-Range} for a range, with {@code x-ms-file-name}, {@code x-ms-file-size} and
 *     {@code Content-Disposition}.</li>
 * <li>{@code DELETE <set>(<key>)/<col>}: DeleteFile of the file the column holds; {@code 204}.</li>
 * </ul>
 * Chunks must start at multiples of the announced chunk size: the chunk's offset is its BlockId, which lets the
 * last chunk name every block of the file in order without the server remembering them apart from the session.
 */
final class FileOperations {
    /** The chunk size announced to chunked uploads, as the platform's 4 MB. */
    static final int CHUNK_SIZE = 4 * 1024 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+)$");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-(\\d*)$");

    private final WebApiRequest request;
    private final String base;
    private final Map<String, String> query;

    FileOperations(WebApiRequest request, String base) {
        this.request = request;
        this.base = base;
        this.query = query(request.rawQuery());
    }

    Operation route(EntityMetadata e, RecordKey key, AttributeMetadata a, boolean rawValue) {
        return switch (request.method()) {
            case "PATCH", "PUT" -> query.containsKey("sessiontoken") ? chunk(e, key, a)
                    : "chunked".equalsIgnoreCase(request.header("x-ms-transfer-mode")) ? openChunked(e, key, a) : whole(e, key, a);
            case "GET" -> download(e, key, a, rawValue);
            case "DELETE" -> delete(e, key, a);
            default -> throw new FaultException(ErrorCodes.NotSupported, "The HTTP method '" + request.method()
                    + "' is not allowed on the file column " + a.logicalName() + ".");
        };
    }

    private Operation openChunked(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        String name = fileName(a);
        var init = new InitializeFileBlocksUploadRequest().target(key.reference(e)).fileAttributeName(a.logicalName()).fileName(name);
        return Operation.of(init, r -> {
            String token = ((InitializeFileBlocksUploadResponse) r).fileContinuationToken();
            String location = base + key.address(e) + "/" + a.logicalName() + "?x-ms-file-name=" + encode(name) + "&sessiontoken=" + token;
            return WebApiResponse.empty(200).header("Location", location).header("x-ms-chunk-size", String.valueOf(CHUNK_SIZE));
        });
    }

    private Operation whole(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        String name = fileName(a);
        byte[] content = request.body();
        var init = new InitializeFileBlocksUploadRequest().target(key.reference(e)).fileAttributeName(a.logicalName()).fileName(name);
        return Operation.reading(List.of(init), key.address(e), (responses, engine) -> {
            String token = ((InitializeFileBlocksUploadResponse) responses.getFirst()).fileContinuationToken();
            String block = blockId(0);
            engine.execute(new UploadBlockRequest().blockId(block).blockData(content).fileContinuationToken(token));
            engine.execute(new CommitFileBlocksUploadRequest().fileName(name).mimeType(mimeType(name)).blockList(List.of(block))
                    .fileContinuationToken(token));
            return WebApiResponse.empty(204);
        });
    }

    private Operation chunk(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        String token = query.get("sessiontoken");
        String range = request.header("Content-Range");
        Matcher m = range == null ? null : CONTENT_RANGE.matcher(range.trim());
        if (m == null || !m.matches()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "A chunk of a chunked upload needs the header Content-Range:"
                    + " bytes <first>-<last>/<file size>.");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        byte[] data = request.body();
        if (first >= total && data.length == 0) {
            // dynamics-web-api sends one empty chunk past the end when the file size is a multiple of the chunk
            // size; the chunk before it already ended the file.
            return new Operation(List.of(), responses -> WebApiResponse.empty(204), key.address(e));
        }
        if (last < first || last >= total || data.length != last - first + 1) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The chunk's Content-Range " + range + " does not match its "
                    + data.length + " bytes of body.");
        }
        boolean ends = last + 1 == total;
        if (first % CHUNK_SIZE != 0 || (!ends && data.length != CHUNK_SIZE)) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Send the chunks in pieces of x-ms-chunk-size (" + CHUNK_SIZE
                    + " bytes), each starting where the one before ended; only the last may be shorter.");
        }
        var upload = new UploadBlockRequest().blockId(blockId(first)).blockData(data).fileContinuationToken(token);
        if (!ends) return Operation.of(upload, r -> WebApiResponse.empty(206));
        String name = fileName(a);
        return Operation.reading(List.of(upload), key.address(e), (responses, engine) -> {
            List<String> blocks = new ArrayList<>();
            for (long offset = 0; offset <= first; offset += CHUNK_SIZE) blocks.add(blockId(offset));
            engine.execute(new CommitFileBlocksUploadRequest().fileName(name).mimeType(mimeType(name)).blockList(blocks)
                    .fileContinuationToken(token));
            return WebApiResponse.empty(204);
        });
    }

    private Operation download(EntityMetadata e, RecordKey key, AttributeMetadata a, boolean rawValue) {
        String rangeHeader = request.header("Range");
        Matcher m = rangeHeader == null ? null : RANGE.matcher(rangeHeader.trim());
        if (rangeHeader != null && !m.matches()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "The Range header must read bytes=<first>-<last> or bytes=<first>-.");
        }
        var init = new InitializeFileBlocksDownloadRequest().target(key.reference(e)).fileAttributeName(a.logicalName());
        return Operation.reading(List.of(init), key.address(e), (responses, engine) -> {
            var file = (InitializeFileBlocksDownloadResponse) responses.getFirst();
            long size = file.fileSizeInBytes();
            long first = m == null ? 0 : Long.parseLong(m.group(1));
            long last = m == null || m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            byte[] content = read(engine, file.fileContinuationToken(), first, last);
            WebApiResponse answer;
            if (rawValue) {
                answer = WebApiResponse.of(m == null ? 200 : 206, "application/octet-stream", content);
            } else {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("@odata.context", base + "$metadata#" + key.address(e) + "/" + a.logicalName());
                o.put("value", Base64.getEncoder().encodeToString(content));
                answer = WebApiResponse.json(m == null ? 200 : 206, o.toString());
            }
            if (m != null) answer.header("Content-Range", first < size ? "bytes " + first + "-" + last + "/" + size : "bytes */" + size);
            return answer.header("x-ms-file-name", file.fileName()).header("x-ms-file-size", String.valueOf(size))
                    .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"");
        });
    }

    /** The bytes {@code first..last}, read in blocks the engine accepts; none when the range starts past the end. */
    private static byte[] read(Operation.Reads engine, String token, long first, long last) {
        if (first > last) return new byte[0];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) (last - first + 1));
        for (long offset = first; offset <= last; offset += CHUNK_SIZE) {
            long length = Math.min(CHUNK_SIZE, last - offset + 1);
            var block = (DownloadBlockResponse) engine.execute(new DownloadBlockRequest().offset(offset).blockLength(length)
                    .fileContinuationToken(token));
            out.writeBytes(block.data());
        }
        return out.toByteArray();
    }

    private Operation delete(EntityMetadata e, RecordKey key, AttributeMetadata a) {
        RetrieveRequest retrieve = new RetrieveRequest(key.reference(e), new ColumnSet(a.logicalName()));
        return Operation.reading(List.of(retrieve), key.address(e), (responses, engine) -> {
            Entity record = (Entity) responses.getFirst().get("Entity");
            if (record.get(a.logicalName()) instanceof UUID fileId) engine.execute(new DeleteFileRequest().fileId(fileId));
            return WebApiResponse.empty(204);
        });
    }

    /** The file name from the query's {@code x-ms-file-name} (or the header of that name). */
    private String fileName(AttributeMetadata a) {
        String name = query.getOrDefault("x-ms-file-name", request.header("x-ms-file-name"));
        if (name == null || name.isBlank()) {
            throw new FaultException(ErrorCodes.InvalidArgument, "Name the file with ?x-ms-file-name=<name> to upload it into "
                    + a.logicalName() + ".");
        }
        return name;
    }

    private String mimeType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed != null) return guessed;
        String given = request.header("Content-Type");
        return given == null || given.isBlank() ? "application/octet-stream" : given;
    }

    /** A chunk's BlockId: its offset, zero-padded so that every id of a file has the same length, in base64. */
    private static String blockId(long offset) {
        return Base64.getEncoder().encodeToString(String.format("%019d", offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k.toLowerCase(java.util.Locale.ROOT), v);
        }
        return out;
    }
}
