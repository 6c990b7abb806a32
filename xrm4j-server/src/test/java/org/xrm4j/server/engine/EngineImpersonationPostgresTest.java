package org.xrm4j.server.engine;

class EngineImpersonationPostgresTest extends EngineImpersonationContract {
    @Override String database() { return "postgresql"; }
}
