package org.xrm4j.server.engine;

class EngineValidationPostgresTest extends EngineValidationContract {
    @Override String database() { return "postgresql"; }
}
