package org.xrm4j.server.messages;

class BulkPathPostgresTest extends BulkPathContract {
    @Override String database() { return "postgresql"; }
}
