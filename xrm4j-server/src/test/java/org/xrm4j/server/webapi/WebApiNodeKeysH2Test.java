package org.xrm4j.server.webapi;

class WebApiNodeKeysH2Test extends WebApiNodeKeysContract {
    @Override String database() { return "h2"; }
}
