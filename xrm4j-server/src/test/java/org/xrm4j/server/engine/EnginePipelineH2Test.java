package org.xrm4j.server.engine;

class EnginePipelineH2Test extends EnginePipelineContract {
    @Override String database() { return "h2"; }
}
