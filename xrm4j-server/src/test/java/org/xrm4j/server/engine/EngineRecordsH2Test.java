package org.xrm4j.server.engine;

class EngineRecordsH2Test extends EngineRecordsContract {
    @Override String database() { return "h2"; }
}
