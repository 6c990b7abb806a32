package org.xrm4j.server.engine;

class EngineCustomApiH2Test extends EngineCustomApiContract {
    @Override String database() { return "h2"; }
}
