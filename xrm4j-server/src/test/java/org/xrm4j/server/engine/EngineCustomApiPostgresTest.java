package org.xrm4j.server.engine;

class EngineCustomApiPostgresTest extends EngineCustomApiContract {
    @Override String database() { return "postgresql"; }
}
