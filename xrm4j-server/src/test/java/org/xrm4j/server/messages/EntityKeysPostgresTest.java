package org.xrm4j.server.messages;

class EntityKeysPostgresTest extends EntityKeysContract {
    @Override String database() { return "postgresql"; }
}
