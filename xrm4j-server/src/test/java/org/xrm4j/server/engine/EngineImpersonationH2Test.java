package org.xrm4j.server.engine;

class EngineImpersonationH2Test extends EngineImpersonationContract {
    @Override String database() { return "h2"; }
}
