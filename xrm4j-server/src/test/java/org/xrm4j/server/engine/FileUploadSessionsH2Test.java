package org.xrm4j.server.engine;

class FileUploadSessionsH2Test extends FileUploadSessionsContract {
    @Override String database() { return "h2"; }
}
