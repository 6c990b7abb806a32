package org.xrm4j.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.server.XrmServer;

class FileUploadSessionsPostgresTest extends FileUploadSessionsContract {
    @Override String database() { return "postgresql"; }

    /** Two servers on one PostgreSQL database: a session opened on one is finished on the other. */
    @Test void aSessionOpenedOnOneServerIsFinishedOnAnother(@TempDir Path one, @TempDir Path two) {
        try (XrmServer first = XrmServer.start(config(one))) {
            Started s = begin(first);
            try (XrmServer second = XrmServer.start(config(two))) {
                assertThat(finish(second, s)).isEqualTo(expected());
            }
        }
    }
}
