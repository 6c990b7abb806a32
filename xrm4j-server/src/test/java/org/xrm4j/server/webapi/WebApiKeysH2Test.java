package org.xrm4j.server.webapi;

class WebApiKeysH2Test extends WebApiKeysContract {
    @Override String database() { return "h2"; }
}
