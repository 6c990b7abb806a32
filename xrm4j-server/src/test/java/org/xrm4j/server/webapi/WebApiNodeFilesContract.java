package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client uploading files into a file column with uploadFile (a file larger than one chunk,
 * one of exactly one chunk, a small one) and reading them back with downloadFile ({@code files.js}): the bytes must
 * come back identical, the record shows the file id, and deleteRecord on the column empties it.
 */
abstract class WebApiNodeFilesContract extends WebApiNodeContract {
    @Test void uploadFileAndDownloadFileRoundTrip() {
        JsonNode s = NodeClient.summary(server, "files.js", Map.of());

        assertThat(s.get("attributeType").asString()).isEqualTo("#Microsoft.Dynamics.CRM.FileAttributeMetadata");
        assertThat(s.get("maxSizeInKB").asInt()).isEqualTo(10240);
        assertThat(s.get("fileId").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(s.get("downloaded").get("size").asInt()).isEqualTo(s.get("uploaded").get("size").asInt()).isGreaterThan(4 * 1024 * 1024);
        assertThat(s.get("downloaded").get("sha").asString()).isEqualTo(s.get("uploaded").get("sha").asString());
        assertThat(s.get("downloaded").get("fileName").asString()).isEqualTo("big.bin");
        assertThat(s.get("downloaded").get("fileSize").asInt()).isEqualTo(s.get("uploaded").get("size").asInt());
        assertThat(s.get("exact").get("same").asBoolean()).isTrue();
        assertThat(s.get("exact").get("fileName").asString()).isEqualTo("exact.bin");
        assertThat(s.get("small").get("text").asString()).isEqualTo("small text file\n");
        assertThat(s.get("small").get("fileName").asString()).isEqualTo("small.txt");
        assertThat(s.get("small").get("changedId").asBoolean()).isTrue();
        assertThat(s.get("afterDelete").isNull()).as(s.toString()).isTrue();
        assertThat(s.get("emptyDownload").get("status").asInt()).isEqualTo(404);
        assertThat(s.get("emptyDownload").get("code").asString()).isEqualTo("0x80040217");
    }
}
