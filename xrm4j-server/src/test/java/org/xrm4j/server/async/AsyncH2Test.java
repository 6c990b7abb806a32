package org.xrm4j.server.async;

class AsyncH2Test extends AsyncContract {
    @Override String database() { return "h2"; }
}
