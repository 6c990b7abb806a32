package org.xrm4j.server.webapi;

class WebApiActionsH2Test extends WebApiActionsContract {
    @Override String database() { return "h2"; }
}
