package org.xrm4j.server.engine;

class EngineRelationshipsPostgresTest extends EngineRelationshipsContract {
    @Override String database() { return "postgresql"; }
}
