'use strict';
// Sends requests with the dynamics-web-api client to a server whose service protection request limit is small, until
// one is refused, and reports how the client surfaced the refusal (status, code, message, Retry-After header), also
// for a $batch, which counts as one request. Prints one JSON summary line.
// Usage: XRM4J_URL=… XRM4J_TOKEN=… XRM4J_LIMIT=<requests per window> node limits.js
const { client, run } = require('./client');

const limit = Number(process.env.XRM4J_LIMIT);
const api = client();

function refusal(e) {
  const headers = e.headers || {};
  return { status: e.status, code: e.code, message: e.message, retryAfter: headers['retry-after'] ?? headers['Retry-After'] ?? null };
}

async function main() {
  const s = { succeeded: 0 };
  // One $batch of three reads first: it takes one request of the limit, not three.
  api.startBatch();
  for (let i = 0; i < 3; i++) api.retrieveMultiple({ collection: 'accounts', select: ['name'], top: 1 });
  const parts = await api.executeBatch();
  s.batchParts = parts.length;
  s.succeeded++;
  for (let i = 0; i < limit + 5; i++) {
    try {
      await api.callFunction('WhoAmI');
      s.succeeded++;
    } catch (e) {
      s.refused = refusal(e);
      break;
    }
  }
  return s;
}

run(main);
