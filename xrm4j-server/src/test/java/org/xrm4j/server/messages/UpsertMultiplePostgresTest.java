package org.xrm4j.server.messages;

class UpsertMultiplePostgresTest extends UpsertMultipleContract {
    @Override String database() { return "postgresql"; }
}
