'use strict';
// Drives an xrm4j server through the Dataverse Web API with the dynamics-web-api client, as an application would,
// and prints one JSON summary line. Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node crud.js
const crypto = require('crypto');
const { client, failure, run } = require('./client');

const api = client();

async function main() {
  const s = {};
  const prefix = 'Node' + crypto.randomUUID().slice(0, 8);

  const who = await api.callFunction('WhoAmI');
  s.whoAmI = { userId: who.UserId, businessUnitId: who.BusinessUnitId, organizationId: who.OrganizationId };

  const contactId = await api.create({ collection: 'contacts', data: { firstname: 'Grace', lastname: 'Hopper' } });
  s.contactId = contactId;
  const accountId = await api.create({
    collection: 'accounts',
    data: {
      name: prefix + ' Alpha', revenue: 1000.5, numberofemployees: 5, industrycode: 3, donotemail: true,
      lastusedincampaign: '2024-03-01T10:20:30Z', 'primarycontactid@odata.bind': `/contacts(${contactId})`,
    },
  });
  s.accountId = accountId;

  const represented = await api.create({
    collection: 'accounts', data: { name: prefix + ' Beta', numberofemployees: 50 },
    returnRepresentation: true, select: ['name', 'numberofemployees'],
  });
  s.represented = { name: represented.name, numberofemployees: represented.numberofemployees, accountid: represented.accountid };

  const got = await api.retrieve({
    collection: 'accounts', key: accountId,
    select: ['name', 'revenue', 'numberofemployees', 'industrycode', 'donotemail', 'lastusedincampaign', '_primarycontactid_value'],
  });
  s.retrieved = {
    name: got.name, revenue: got.revenue, numberofemployees: got.numberofemployees, industrycode: got.industrycode,
    donotemail: got.donotemail, lastusedincampaignIsDate: got.lastusedincampaign instanceof Date,
    lastusedincampaign: got.lastusedincampaign instanceof Date ? got.lastusedincampaign.toISOString() : got.lastusedincampaign,
    primarycontactid: got._primarycontactid_value, etag: got['@odata.etag'],
  };

  s.updated = await api.update({ collection: 'accounts', key: accountId, data: { name: prefix + ' Alpha 2', numberofemployees: 6 } });
  const afterUpdate = await api.retrieve({ collection: 'accounts', key: accountId, select: ['name', 'numberofemployees'] });
  s.afterUpdate = { name: afterUpdate.name, numberofemployees: afterUpdate.numberofemployees };
  s.updateOfMissing = await failure(api.update({ collection: 'accounts', key: crypto.randomUUID(), data: { name: 'none' } }));

  const upsertKey = crypto.randomUUID();
  s.upsertKey = upsertKey;
  s.upserted = await api.upsert({ collection: 'accounts', key: upsertKey, data: { name: prefix + ' Gamma', numberofemployees: 500 } });

  const list = await api.retrieveMultiple({
    collection: 'accounts', select: ['name', 'numberofemployees'],
    filter: `startswith(name,'${prefix}') and numberofemployees lt 100`, orderBy: ['name desc'],
  });
  s.filtered = list.value.map((r) => r.name);

  const all = await api.retrieveAll({
    collection: 'accounts', select: ['name'], filter: `startswith(name,'${prefix}')`, orderBy: ['name'], maxPageSize: 2,
  });
  s.allPages = all.value.map((r) => r.name);

  s.count = await api.count({ collection: 'accounts', filter: `startswith(name,'${prefix}')` });
  s.countAll = await api.count({ collection: 'accounts' });

  s.deleted = await api.deleteRecord({ collection: 'accounts', key: accountId });
  s.retrieveAfterDelete = await failure(api.retrieve({ collection: 'accounts', key: accountId, select: ['name'] }));
  s.prefix = prefix;
  return s;
}

run(main);
