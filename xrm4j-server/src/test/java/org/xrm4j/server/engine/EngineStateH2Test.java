package org.xrm4j.server.engine;

class EngineStateH2Test extends EngineStateContract {
    @Override String database() { return "h2"; }
}
