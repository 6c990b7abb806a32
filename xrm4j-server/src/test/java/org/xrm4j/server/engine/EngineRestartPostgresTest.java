package org.xrm4j.server.engine;

class EngineRestartPostgresTest extends EngineRestartContract {
    @Override String database() { return "postgresql"; }
}
