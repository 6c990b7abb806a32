package org.xrm4j.server.engine;

class EnginePipelinePostgresTest extends EnginePipelineContract {
    @Override String database() { return "postgresql"; }
}
