package org.xrm4j.server.messages;

class RelationshipsPostgresTest extends RelationshipsContract {
    @Override String database() { return "postgresql"; }
}
