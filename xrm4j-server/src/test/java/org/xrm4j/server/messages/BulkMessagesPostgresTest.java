package org.xrm4j.server.messages;

class BulkMessagesPostgresTest extends BulkMessagesContract {
    @Override String database() { return "postgresql"; }
}
