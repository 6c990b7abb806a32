package org.xrm4j.server.webapi;

class WebApiBatchH2Test extends WebApiBatchContract {
    @Override String database() { return "h2"; }
}
