package org.xrm4j.server.messages;

class BatchPostgresTest extends BatchContract {
    @Override String database() { return "postgresql"; }
}
