package org.xrm4j.server.async;

class AsyncClusterH2Test extends AsyncClusterContract {
    @Override String database() { return "h2"; }
}
