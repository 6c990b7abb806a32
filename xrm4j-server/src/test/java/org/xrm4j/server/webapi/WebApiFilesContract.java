package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.DeleteFileRequest;
import org.xrm4j.sdk.messages.DownloadBlockRequest;
import org.xrm4j.sdk.messages.DownloadBlockResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.UploadBlockRequest;
import org.xrm4j.server.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * File and image columns over raw HTTP and the SDK protocol: column definitions, a whole-file PATCH, a chunked upload
 * in the shape dynamics-web-api sends, downloads whole and by range, DeleteFile and DELETE, the faults, and the same
 * bytes crossing from one surface to the other.
 */
abstract class WebApiFilesContract extends WebApiServerContract {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int CHUNK = 4 * 1024 * 1024;

    @BeforeAll void defineTable() {
        String table = """
                {"@odata.type":"Microsoft.Dynamics.CRM.EntityMetadata","SchemaName":"files_Doc","OwnershipType":"UserOwned",
                 "DisplayName":{"LocalizedLabels":[{"Label":"Doc","LanguageCode":1033}]},
                 "Attributes":[{"@odata.type":"Microsoft.Dynamics.CRM.StringAttributeMetadata","SchemaName":"files_Name","MaxLength":100,"IsPrimaryName":true},
                   {"@odata.type":"Microsoft.Dynamics.CRM.FileAttributeMetadata","SchemaName":"files_Document"},
                   {"@odata.type":"Microsoft.Dynamics.CRM.FileAttributeMetadata","SchemaName":"files_Small","MaxSizeInKB":16},
                   {"@odata.type":"Microsoft.Dynamics.CRM.ImageAttributeMetadata","SchemaName":"files_Photo","CanStoreFullImage":true}]}""";
        WebApiHttp.Reply r = http.post(api + "EntityDefinitions", table);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    @Test void columnsDescribeThemselvesAsFileAndImageMetadata() {
        JsonNode file = json(http.get(api + "EntityDefinitions(LogicalName='files_doc')/Attributes(LogicalName='files_document')"));
        assertThat(file.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.FileAttributeMetadata");
        assertThat(file.get("AttributeType").asString()).isEqualTo("File");
        assertThat(file.get("MaxSizeInKB").asInt()).isEqualTo(32768);
        assertThat(file.get("IsValidForUpdate").asBoolean()).isFalse();
        JsonNode image = json(http.get(api + "EntityDefinitions(LogicalName='files_doc')/Attributes(LogicalName='files_photo')"));
        assertThat(image.get("@odata.type").asString()).isEqualTo("#Microsoft.Dynamics.CRM.ImageAttributeMetadata");
        assertThat(image.get("MaxSizeInKB").asInt()).isEqualTo(10240);
        assertThat(image.get("CanStoreFullImage").asBoolean()).isTrue();
        assertThat(http.get(api + "$metadata").body()).contains("<Property Name=\"files_document\" Type=\"Edm.Guid\"/>");
    }

    @Test void aWholeFilePatchIsReadBackWholeAndByRange() {
        String id = newDoc("whole");
        byte[] content = bytes(5000, 1);
        Raw put = raw("PATCH", api + "files_docs(" + id + ")/files_document?x-ms-file-name=notes.txt", content,
                "Content-Type", "application/octet-stream");
        assertThat(put.status()).as(put.text()).isEqualTo(204);

        JsonNode record = json(http.get(api + "files_docs(" + id + ")?$select=files_document"));
        UUID fileId = UUID.fromString(record.get("files_document").asString());
        Raw value = raw("GET", api + "files_docs(" + id + ")/files_document/$value", null);
        assertThat(value.status()).isEqualTo(200);
        assertThat(value.body()).isEqualTo(content);
        assertThat(value.header("x-ms-file-name")).isEqualTo("notes.txt");
        assertThat(value.header("x-ms-file-size")).isEqualTo("5000");

        Raw part = raw("GET", api + "files_docs(" + id + ")/files_document?size=full", null, "Range", "bytes=100-199");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/5000");
        assertThat(part.header("Content-Disposition")).contains("notes.txt");
        byte[] decoded = Base64.getDecoder().decode(WebApiHttp.JSON.readTree(part.text()).get("value").asString());
        assertThat(decoded).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 200));

        // A new file replaces the old one, which is gone with it.
        assertThat(raw("PATCH", api + "files_docs(" + id + ")/files_document?x-ms-file-name=b.txt", bytes(10, 2)).status()).isEqualTo(204);
        assertThat(storedFiles(fileId)).isZero();
    }

    @Test void aChunkedUploadCommitsWithItsLastChunk() {
        String id = newDoc("chunked");
        byte[] content = bytes(CHUNK + 3000, 3);
        Raw open = raw("PATCH", api + "files_docs(" + id + ")/files_document?x-ms-file-name=big.bin", null, "x-ms-transfer-mode", "chunked");
        assertThat(open.status()).as(open.text()).isEqualTo(200);
        assertThat(open.header("x-ms-chunk-size")).isEqualTo(String.valueOf(CHUNK));
        String location = open.header("Location");
        assertThat(location).startsWith(api + "files_docs(" + id + ")/files_document?").contains("sessiontoken=");

        Raw noRange = raw("PATCH", location, java.util.Arrays.copyOfRange(content, 0, CHUNK));
        assertThat(noRange.status()).isEqualTo(400);
        assertThat(noRange.text()).contains("0x80040203").contains("Content-Range");

        Raw first = raw("PATCH", location, java.util.Arrays.copyOfRange(content, 0, CHUNK), "Content-Range",
                "bytes 0-" + (CHUNK - 1) + "/" + content.length);
        assertThat(first.status()).as(first.text()).isEqualTo(206);
        assertThat(json(http.get(api + "files_docs(" + id + ")?$select=files_document")).get("files_document").isNull()).isTrue();
        Raw last = raw("PATCH", location, java.util.Arrays.copyOfRange(content, CHUNK, content.length), "Content-Range",
                "bytes " + CHUNK + "-" + (content.length - 1) + "/" + content.length);
        assertThat(last.status()).as(last.text()).isEqualTo(204);

        assertThat(raw("GET", api + "files_docs(" + id + ")/files_document/$value", null).body()).isEqualTo(content);
        // The session ended with the commit.
        Raw again = raw("PATCH", location, bytes(10, 4), "Content-Range", "bytes 0-9/10");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test void oversizedFilesAndMissingFilesAreFaults() {
        String id = newDoc("faults");
        Raw tooLarge = raw("PATCH", api + "files_docs(" + id + ")/files_small?x-ms-file-name=a.bin", bytes(17 * 1024, 5));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.text()).contains("0x80044331").contains("16 KB (MaxSizeInKB)");
        assertThat(json(http.get(api + "files_docs(" + id + ")?$select=files_small")).get("files_small").isNull()).isTrue();

        Raw empty = raw("GET", api + "files_docs(" + id + ")/files_small/$value", null);
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.text()).contains("0x80040217");
        Raw noName = raw("PATCH", api + "files_docs(" + id + ")/files_small", bytes(10, 6));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.text()).contains("x-ms-file-name");
        Raw missing = raw("PATCH", api + "files_docs(" + UUID.randomUUID() + ")/files_small?x-ms-file-name=a.bin", bytes(10, 6));
        assertThat(missing.status()).isEqualTo(404);
        fault(ErrorCodes.InvalidArgument, () -> sdk().execute(new InitializeFileBlocksUploadRequest()
                .target(new EntityReference("files_doc", UUID.fromString(id))).fileAttributeName("files_name").fileName("a.txt")));
    }

    @Test void deletingTheColumnOrTheRecordRemovesTheFile() {
        String id = newDoc("delete");
        assertThat(raw("PATCH", api + "files_docs(" + id + ")/files_photo?x-ms-file-name=p.png", bytes(300, 7)).status()).isEqualTo(204);
        UUID photo = UUID.fromString(json(http.get(api + "files_docs(" + id + ")?$select=files_photo")).get("files_photo").asString());
        assertThat(raw("DELETE", api + "files_docs(" + id + ")/files_photo", null).status()).isEqualTo(204);
        assertThat(json(http.get(api + "files_docs(" + id + ")?$select=files_photo")).get("files_photo").isNull()).isTrue();
        assertThat(storedFiles(photo)).isZero();

        assertThat(raw("PATCH", api + "files_docs(" + id + ")/files_document?x-ms-file-name=d.txt", bytes(300, 8)).status()).isEqualTo(204);
        UUID doc = UUID.fromString(json(http.get(api + "files_docs(" + id + ")?$select=files_document")).get("files_document").asString());
        assertThat(storedFiles(doc)).isOne();
        assertThat(http.delete(api + "files_docs(" + id + ")").status()).isEqualTo(204);
        assertThat(storedFiles(doc)).isZero();
    }

    @Test void aDeleteThatCascadesRemovesTheFilesOfTheRecordsItTakes() {
        WebApiHttp.Reply column = http.post(api + "EntityDefinitions(LogicalName='contact')/Attributes",
                "{\"@odata.type\":\"Microsoft.Dynamics.CRM.FileAttributeMetadata\",\"SchemaName\":\"files_Cv\"}");
        assertThat(column.status()).as(column.body()).isEqualTo(204);
        WebApiHttp.Reply account = http.post(api + "accounts", "{\"name\":\"Parent\"}");
        String accountUrl = account.header("OData-EntityId");
        WebApiHttp.Reply contact = http.post(api + "contacts", "{\"lastname\":\"Child\",\"parentcustomerid_account@odata.bind\":\""
                + accountUrl.substring(accountUrl.lastIndexOf("accounts(")) + "\"}");
        assertThat(contact.status()).as(contact.body()).isEqualTo(204);
        String contactUrl = contact.header("OData-EntityId");
        assertThat(raw("PATCH", contactUrl + "/files_cv?x-ms-file-name=cv.pdf", bytes(500, 13)).status()).isEqualTo(204);
        UUID cv = UUID.fromString(json(http.get(contactUrl + "?$select=files_cv")).get("files_cv").asString());
        assertThat(storedFiles(cv)).isOne();

        assertThat(http.delete(accountUrl).status()).isEqualTo(204);
        assertThat(http.get(contactUrl).status()).isEqualTo(404);
        assertThat(storedFiles(cv)).isZero();
    }

    @Test void bytesUploadedWithTheSdkComeBackThroughTheWebApiAndTheReverse() {
        String id = newDoc("both");
        EntityReference target = new EntityReference("files_doc", UUID.fromString(id));
        byte[] content = bytes(70_000, 9);
        try (HttpOrganizationService sdk = sdk()) {
            String token = ((InitializeFileBlocksUploadResponse) sdk.execute(new InitializeFileBlocksUploadRequest().target(target)
                    .fileAttributeName("files_document").fileName("sdk.bin"))).fileContinuationToken();
            String b1 = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
            String b2 = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes());
            // Blocks may arrive in any order; BlockList puts them in place.
            sdk.execute(new UploadBlockRequest().blockId(b2).blockData(java.util.Arrays.copyOfRange(content, 40_000, content.length)).fileContinuationToken(token));
            sdk.execute(new UploadBlockRequest().blockId(b1).blockData(java.util.Arrays.copyOfRange(content, 0, 40_000)).fileContinuationToken(token));
            fault(ErrorCodes.InvalidArgument, () -> sdk.execute(new UploadBlockRequest().blockId("not base64!").blockData(new byte[1])
                    .fileContinuationToken(token)));
            CommitFileBlocksUploadResponse done = (CommitFileBlocksUploadResponse) sdk.execute(new CommitFileBlocksUploadRequest()
                    .fileName("sdk.bin").mimeType("application/octet-stream").blockList(List.of(b1, b2)).fileContinuationToken(token));
            assertThat(done.fileSizeInBytes()).isEqualTo(content.length);
            Raw web = raw("GET", api + "files_docs(" + id + ")/files_document/$value", null);
            assertThat(web.body()).isEqualTo(content);
            assertThat(web.header("x-ms-file-name")).isEqualTo("sdk.bin");
            assertThat(json(http.get(api + "files_docs(" + id + ")?$select=files_document")).get("files_document").asString())
                    .isEqualTo(done.fileId().toString());

            byte[] other = bytes(9_000, 10);
            assertThat(raw("PATCH", api + "files_docs(" + id + ")/files_document?x-ms-file-name=web.bin", other).status()).isEqualTo(204);
            InitializeFileBlocksDownloadResponse d = (InitializeFileBlocksDownloadResponse) sdk.execute(new InitializeFileBlocksDownloadRequest()
                    .target(target).fileAttributeName("files_document"));
            assertThat(d.fileSizeInBytes()).isEqualTo(other.length);
            assertThat(d.fileName()).isEqualTo("web.bin");
            assertThat(d.isChunkingSupported()).isTrue();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            for (long offset = 0; offset < d.fileSizeInBytes(); offset += 4000) {
                read.writeBytes(((DownloadBlockResponse) sdk.execute(new DownloadBlockRequest().offset(offset).blockLength(4000)
                        .fileContinuationToken(d.fileContinuationToken()))).data());
            }
            assertThat(read.toByteArray()).isEqualTo(other);
        }
    }

    @Test void anUploadOverTheLimitIsRefusedAtTheBlockThatPassesIt() {
        String id = newDoc("limit");
        try (HttpOrganizationService sdk = sdk()) {
            String token = ((InitializeFileBlocksUploadResponse) sdk.execute(new InitializeFileBlocksUploadRequest()
                    .target(new EntityReference("files_doc", UUID.fromString(id))).fileAttributeName("files_small").fileName("x.bin")))
                    .fileContinuationToken();
            sdk.execute(new UploadBlockRequest().blockId("QQ==").blockData(bytes(10 * 1024, 11)).fileContinuationToken(token));
            FaultException f = fault(ErrorCodes.Validation, () -> sdk.execute(new UploadBlockRequest().blockId("Qg==")
                    .blockData(bytes(7 * 1024, 12)).fileContinuationToken(token)));
            assertThat(f.getMessage()).contains("16 KB").contains("files_small");
            fault(ErrorCodes.ObjectDoesNotExist, () -> sdk.execute(new UploadBlockRequest().blockId("QQ==").blockData(new byte[1])
                    .fileContinuationToken("no-such-token")));
        }
    }

    private String newDoc(String name) {
        WebApiHttp.Reply r = http.post(api + "files_docs", "{\"files_name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String entityId = r.header("OData-EntityId");
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }

    /** Rows of the organization's file table with that id. */
    private int storedFiles(UUID fileId) {
        String sql = "SELECT COUNT(*) FROM " + server.org().store().table("xrm_file") + " WHERE fileid = ?";
        try (java.sql.Connection c = server.server().database().connection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, fileId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpOrganizationService sdk() {
        return HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
    }

    private static FaultException fault(org.xrm4j.sdk.ErrorCode code, Runnable call) {
        try {
            call.run();
        } catch (FaultException f) {
            assertThat(f.fault().errorCode()).as(f.getMessage()).isEqualTo(code.code());
            return f;
        }
        throw new AssertionError("expected a fault " + code.name());
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static JsonNode json(WebApiHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return WebApiHttp.JSON.readTree(r.body());
    }

    record Raw(int status, byte[] body, java.net.http.HttpHeaders headers) {
        String text() { return new String(body, java.nio.charset.StandardCharsets.UTF_8); }

        String header(String name) { return headers.firstValue(name).orElse(null); }
    }

    private static Raw raw(String method, String url, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN).header("OData-Version", "4.0");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
