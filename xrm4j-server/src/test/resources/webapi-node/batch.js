'use strict';
// Drives $batch on an xrm4j server with the dynamics-web-api client (startBatch ... executeBatch): change sets,
// Content-ID references, a failed change set, continue-on-error, and a query too long for a GET, which the client
// sends as a one-part batch. Prints one JSON summary line. Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node batch.js
const crypto = require('crypto');
const { client, run } = require('./client');

const api = client();

function partFailure(e) {
  return { status: e && e.status, code: e && e.error && e.error.code, message: e && e.error && e.error.message };
}

async function names(prefix) {
  const r = await api.retrieveMultiple({ collection: 'accounts', select: ['name'], filter: `startswith(name,'${prefix}')`, orderBy: ['name'] });
  return r.value.map((a) => a.name);
}

async function main() {
  const s = {};
  const prefix = 'NB' + crypto.randomUUID().slice(0, 8);
  s.prefix = prefix;
  const doomed = await api.create({ collection: 'accounts', data: { name: prefix + ' Doomed' } });

  // A GET outside, then one change set: a contact, an account bound to it by $1, an update of $1, a delete.
  api.startBatch();
  api.retrieveMultiple({ collection: 'accounts', select: ['name'], filter: `name eq '${prefix} Doomed'` });
  api.create({ collection: 'contacts', data: { firstname: 'Batch', lastname: prefix }, contentId: '1' });
  api.create({ collection: 'accounts', data: { name: prefix + ' Acc', 'primarycontactid@odata.bind': '$1' } });
  api.update({ contentId: '$1', data: { jobtitle: 'Batched' } });
  api.deleteRecord({ collection: 'accounts', key: doomed });
  const first = await api.executeBatch();
  s.first = {
    length: first.length, queried: first[0].value.map((a) => a.name), contactId: first[1], accountId: first[2],
    updated: first[3], deleted: first[4],
  };
  const account = await api.retrieve({ collection: 'accounts', key: first[2], select: ['name', '_primarycontactid_value'] });
  s.account = { name: account.name, primarycontactid: account._primarycontactid_value };
  const contact = await api.retrieve({ collection: 'contacts', key: first[1], select: ['jobtitle'] });
  s.jobtitle = contact.jobtitle;

  // A change set whose second request fails: nothing of it stays, and the promise rejects with the results.
  api.startBatch();
  api.create({ collection: 'accounts', data: { name: prefix + ' Rolled back' } });
  api.update({ collection: 'accounts', key: crypto.randomUUID(), data: { name: prefix + ' Missing' } });
  try {
    await api.executeBatch();
    s.rolledBack = { rejected: false };
  } catch (e) {
    s.rolledBack = { rejected: true, isArray: Array.isArray(e), length: e.length, error: partFailure(e[0]) };
  }

  // Plain parts: without continueOnError the batch stops at the failure; with it, the rest still runs.
  for (const continueOnError of [false, true]) {
    const tag = continueOnError ? ' Continue' : ' Stop';
    api.startBatch();
    api.create({ collection: 'accounts', data: { name: prefix + tag + ' 1' } });
    api.update({ collection: 'accounts', key: crypto.randomUUID(), data: { name: 'x' } });
    api.create({ collection: 'accounts', data: { name: prefix + tag + ' 2' } });
    let results;
    let rejected = false;
    try {
      results = await api.executeBatch({ continueOnError, inChangeSet: false });
    } catch (e) {
      rejected = true;
      results = e;
    }
    s[continueOnError ? 'continued' : 'stopped'] = {
      rejected, length: results.length, first: typeof results[0], error: partFailure(results[1]),
      third: results.length > 2 ? typeof results[2] : null,
    };
  }

  // A query longer than 2000 characters: the client sends it as a batch of one GET and unwraps the answer.
  let filter = `name eq '${prefix} Acc'`;
  for (let i = 0; filter.length < 2100; i++) filter += ` or name eq '${prefix} no such account ${i}'`;
  const long = await api.retrieveMultiple({ collection: 'accounts', select: ['name'], filter });
  s.longQuery = { filterLength: filter.length, names: long.value.map((a) => a.name) };

  s.names = await names(prefix);
  return s;
}

run(main);
