'use strict';
// Drives the Web API's writes beyond plain records with the dynamics-web-api client: etags (ifmatch, ifnonematch),
// single properties, associate/disassociate (collection- and single-valued), deep insert, alternate keys, $1/nav in
// a change set and impersonateAAD (CallerObjectId). Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... XRM4J_OBJECT_ID=<guid> XRM4J_OBJECT_USER=<guid> node writes.js
const crypto = require('crypto');
const { client, failure, run } = require('./client');

const api = client();

async function main() {
  const s = {};
  const tag = 'W' + crypto.randomUUID().slice(0, 8);

  // Etags
  const accountId = await api.create({ collection: 'accounts', data: { name: tag + ' Etag' } });
  const read = await api.retrieve({ collection: 'accounts', key: accountId, select: ['name'] });
  const etag = read['@odata.etag'];
  const unchanged = await api.retrieve({ collection: 'accounts', key: accountId, select: ['name'], ifnonematch: etag });
  const updated = await api.update({ collection: 'accounts', key: accountId, data: { name: tag + ' Etag 2' }, ifmatch: etag });
  const stale = await api.update({ collection: 'accounts', key: accountId, data: { name: tag + ' Etag 3' }, ifmatch: etag });
  const changed = await api.retrieve({ collection: 'accounts', key: accountId, select: ['name'], ifnonematch: etag });
  const staleDelete = await api.deleteRecord({ collection: 'accounts', key: accountId, ifmatch: etag });
  s.etag = {
    etag, unchanged: unchanged === undefined ? 'undefined' : unchanged, updated, stale, changedName: changed.name,
    staleDelete, exists: (await api.retrieve({ collection: 'accounts', key: accountId, select: ['name'] })).name,
  };

  // Single properties
  const single = await api.updateSingleProperty({ collection: 'accounts', key: accountId, fieldValuePair: { name: tag + ' Single' } });
  const property = await api.retrieve({ collection: 'accounts', key: accountId, navigationProperty: 'name' });
  s.single = { result: single === undefined ? 'undefined' : single, value: property.value, context: property.oDataContext };

  // Links
  const contactId = await api.create({ collection: 'contacts', data: { firstname: 'Linked', lastname: tag } });
  await api.associate({ collection: 'accounts', primaryKey: accountId, relationshipName: 'contact_customer_accounts',
    relatedCollection: 'contacts', relatedKey: contactId });
  const afterAssociate = (await api.retrieve({ collection: 'contacts', key: contactId, select: ['_parentcustomerid_value'] }))._parentcustomerid_value;
  await api.disassociate({ collection: 'accounts', primaryKey: accountId, relationshipName: 'contact_customer_accounts', relatedKey: contactId });
  const afterDisassociate = (await api.retrieve({ collection: 'contacts', key: contactId, select: ['_parentcustomerid_value'] }))._parentcustomerid_value;
  await api.associateSingleValued({ collection: 'accounts', primaryKey: accountId, navigationProperty: 'primarycontactid',
    relatedCollection: 'contacts', relatedKey: contactId });
  const primary = (await api.retrieve({ collection: 'accounts', key: accountId, select: ['_primarycontactid_value'] }))._primarycontactid_value;
  await api.disassociateSingleValued({ collection: 'accounts', primaryKey: accountId, navigationProperty: 'primarycontactid' });
  const cleared = (await api.retrieve({ collection: 'accounts', key: accountId, select: ['_primarycontactid_value'] }))._primarycontactid_value;
  s.links = { afterAssociate, afterDisassociate, primary, cleared };

  // Deep insert
  const deepId = await api.create({
    collection: 'accounts',
    data: {
      name: tag + ' Deep',
      primarycontactid: { firstname: 'Deep primary', lastname: tag },
      contact_customer_accounts: [{ firstname: 'Deep child 1', lastname: tag }, { firstname: 'Deep child 2', lastname: tag }],
    },
  });
  const children = await api.retrieveMultiple({
    collection: 'contacts', select: ['firstname'], filter: `_parentcustomerid_value eq ${deepId}`, orderBy: ['firstname'],
  });
  const deepPrimary = (await api.retrieve({ collection: 'accounts', key: deepId, select: ['_primarycontactid_value'] }))._primarycontactid_value;
  s.deep = {
    id: deepId, children: children.value.map((c) => c.firstname),
    primary: (await api.retrieve({ collection: 'contacts', key: deepPrimary, select: ['firstname'] })).firstname,
  };

  // Alternate keys
  const number = tag + '-AK';
  const upserted = await api.upsert({ collection: 'accounts', key: `accountnumber='${number}'`, data: { name: tag + ' Keyed' } });
  const byKey = await api.retrieve({ collection: 'accounts', key: `accountnumber='${number}'`, select: ['name', 'accountnumber'] });
  await api.update({ collection: 'accounts', key: `accountnumber='${number}'`, data: { name: tag + ' Keyed 2' } });
  const renamed = (await api.retrieve({ collection: 'accounts', key: byKey.accountid, select: ['name'] })).name;
  const compound = await api.retrieve({ collection: 'contacts', key: `firstname='Linked',lastname='${tag}'`, select: ['contactid'] });
  const notAKey = await failure(api.retrieve({ collection: 'accounts', key: `name='${tag} Keyed 2'` }));
  const deletedByKey = await api.deleteRecord({ collection: 'accounts', key: `accountnumber='${number}'` });
  s.keys = {
    upserted: upserted === undefined ? 'undefined' : upserted, name: byKey.name, id: byKey.accountid, renamed,
    compound: compound.contactid, notAKey, deletedByKey,
    gone: await failure(api.retrieve({ collection: 'accounts', key: byKey.accountid })),
  };

  // $1/nav in a change set
  api.startBatch();
  api.create({ collection: 'accounts', data: { name: tag + ' Batch' }, contentId: '1' });
  api.create({ contentId: '$1', collection: 'contact_customer_accounts', data: { firstname: 'Batch child', lastname: tag } });
  const batch = await api.executeBatch();
  const batchParent = (await api.retrieve({ collection: 'contacts', key: batch[1], select: ['_parentcustomerid_value'] }))._parentcustomerid_value;
  s.batch = { account: batch[0], contact: batch[1], parent: batchParent };

  // CallerObjectId
  const who = await api.callFunction({ name: 'WhoAmI', impersonateAAD: process.env.XRM4J_OBJECT_ID });
  const unknownCaller = await failure(api.callFunction({ name: 'WhoAmI', impersonateAAD: crypto.randomUUID() }));
  s.impersonation = { userId: who.UserId, unknown: unknownCaller };

  return s;
}

run(main);
