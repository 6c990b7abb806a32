package org.xrm4j.server.engine;

class EngineRecordsPostgresTest extends EngineRecordsContract {
    @Override String database() { return "postgresql"; }
}
