package org.xrm4j.server.engine;

class EngineRelationshipsH2Test extends EngineRelationshipsContract {
    @Override String database() { return "h2"; }
}
