package org.xrm4j.server.engine;

class EngineStatePostgresTest extends EngineStateContract {
    @Override String database() { return "postgresql"; }
}
