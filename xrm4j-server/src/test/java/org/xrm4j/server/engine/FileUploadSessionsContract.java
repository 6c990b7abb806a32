package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.CommitFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.CreateAttributeRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.CreateResponse;
import org.xrm4j.sdk.messages.DownloadBlockRequest;
import org.xrm4j.sdk.messages.DownloadBlockResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksDownloadResponse;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadRequest;
import org.xrm4j.sdk.messages.InitializeFileBlocksUploadResponse;
import org.xrm4j.sdk.messages.UploadBlockRequest;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.XrmServer;

/**
 * Upload sessions of file columns live in the database: a session opened before a restart takes its next block and
 * its commit after it, and the file comes back whole.
 */
abstract class FileUploadSessionsContract {
    static final byte[] FIRST = bytes(3000, 1);
    static final byte[] SECOND = bytes(2000, 2);

    abstract String database();

    XrmServer.Config config(Path dataDir) {
        XrmServer.Config c = XrmServer.Config.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServers.ADMIN_TOKEN);
        return database().equals("postgresql") ? c.withJdbcUrl(TestServers.postgresUrl()) : c;
    }

    static OrganizationResponse execute(XrmServer server, String org, OrganizationRequest request) {
        return server.engine().execute(org, TestServers.ADMIN_TOKEN, null, request);
    }

    /** A new organization with a file column on account, one account, and an upload session holding one block. */
    static Started begin(XrmServer server) {
        String org = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        server.engine().deployment().createOrganization(org);
        execute(server, org, new CreateAttributeRequest().entityName("account").attribute(new Entity("attributemetadata")
                .set("SchemaName", "new_Contract").set("AttributeType", "File")));
        UUID account = ((CreateResponse) execute(server, org, new CreateRequest(new Entity("account").set("name", "Files")))).id();
        String token = ((InitializeFileBlocksUploadResponse) execute(server, org, new InitializeFileBlocksUploadRequest()
                .target(new EntityReference("account", account)).fileAttributeName("new_contract").fileName("contract.pdf")))
                .fileContinuationToken();
        execute(server, org, new UploadBlockRequest().blockId("QQ==").blockData(FIRST).fileContinuationToken(token));
        return new Started(org, account, token);
    }

    record Started(String org, UUID account, String token) {}

    /** The second block and the commit, then the whole file read back. */
    static byte[] finish(XrmServer server, Started s) {
        execute(server, s.org(), new UploadBlockRequest().blockId("Qg==").blockData(SECOND).fileContinuationToken(s.token()));
        execute(server, s.org(), new CommitFileBlocksUploadRequest().fileName("contract.pdf").mimeType("application/pdf")
                .blockList(List.of("QQ==", "Qg==")).fileContinuationToken(s.token()));
        var d = (InitializeFileBlocksDownloadResponse) execute(server, s.org(), new InitializeFileBlocksDownloadRequest()
                .target(new EntityReference("account", s.account())).fileAttributeName("new_contract"));
        return ((DownloadBlockResponse) execute(server, s.org(), new DownloadBlockRequest().offset(0).blockLength(d.fileSizeInBytes())
                .fileContinuationToken(d.fileContinuationToken()))).data();
    }

    static byte[] expected() {
        byte[] all = new byte[FIRST.length + SECOND.length];
        System.arraycopy(FIRST, 0, all, 0, FIRST.length);
        System.arraycopy(SECOND, 0, all, FIRST.length, SECOND.length);
        return all;
    }

    @Test void aSessionContinuesAfterARestart(@TempDir Path data) {
        Started s;
        try (XrmServer first = XrmServer.start(config(data))) {
            s = begin(first);
        }
        try (XrmServer second = XrmServer.start(config(data))) {
            assertThat(finish(second, s)).isEqualTo(expected());
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
