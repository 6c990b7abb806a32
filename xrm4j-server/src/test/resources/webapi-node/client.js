'use strict';
// What the dynamics-web-api scripts of this folder share: the client configured from XRM4J_URL and XRM4J_TOKEN, how a
// refused call is reported, and the one JSON line a script prints for the contract that runs it.
// The client sends loopback calls to a proxy when http_proxy is set and ignores no_proxy, so proxies are cleared.
for (const v of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete process.env[v];

const { DynamicsWebApi } = require('dynamics-web-api');

/** A client of the server at XRM4J_URL with XRM4J_TOKEN on Web API 9.2; options (another token, searchApi, ...) merge in. */
function client(options) {
  const token = process.env.XRM4J_TOKEN;
  return new DynamicsWebApi({ serverUrl: process.env.XRM4J_URL, dataApi: { version: '9.2' }, onTokenRefresh: async () => token, ...options });
}

/** What the client reports when the call is refused, or null when it succeeds. */
async function failure(promise) {
  try {
    await promise;
    return null;
  } catch (e) {
    return { status: e.status, code: e.code, message: e.message };
  }
}

/** Runs main and prints its summary as one JSON line; on an error, prints the error and exits with 1. */
function run(main) {
  main().then(
    (summary) => console.log(JSON.stringify({ ok: true, summary })),
    (e) => {
      console.log(JSON.stringify({ ok: false, error: { message: e && e.message, status: e && e.status, code: e && e.code, stack: e && e.stack } }));
      process.exitCode = 1;
    },
  );
}

module.exports = { client, failure, run };
