package org.xrm4j.server.engine;

class EngineConcurrencyPostgresTest extends EngineConcurrencyContract {
    @Override String database() { return "postgresql"; }
}
