'use strict';
// Reads below and across navigation properties with the dynamics-web-api client: a related record by its key
// (retrieve with navigationProperty and navigationPropertyKey), $filter with the lambda operators any/all, and the
// <nav>@odata.nextLink of a query's collection-valued expansion, followed with retrieveMultiple's nextPageLink.
// Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node navqueries.js
const crypto = require('crypto');
const { client, run } = require('./client');

const api = client();

async function family(prefix, lastNames) {
  const account = await api.create({ collection: 'accounts', data: { name: `${prefix} Account` } });
  const contacts = [];
  for (const last of lastNames) {
    contacts.push(await api.create({
      collection: 'contacts',
      data: { firstname: prefix, lastname: last, 'parentcustomerid_account@odata.bind': `/accounts(${account})` },
    }));
  }
  return { account, contacts };
}

async function main() {
  const s = {};
  const prefix = 'NodeQ' + crypto.randomUUID().slice(0, 8);
  s.prefix = prefix;
  const a = await family(prefix, ['Ames', 'Baker', 'Cole']);
  const b = await family(prefix + 'B', ['Ames']);
  await api.create({ collection: 'accounts', data: { name: `${prefix} Lonely` } });

  const baker = await api.retrieve({
    collection: 'accounts', key: a.account, navigationProperty: 'contact_customer_accounts', navigationPropertyKey: a.contacts[1],
    select: ['lastname'], expand: [{ property: 'parentcustomerid_account', select: ['name'] }],
  });
  s.related = { lastname: baker.lastname, parent: baker.parentcustomerid_account.name };
  try {
    await api.retrieve({
      collection: 'accounts', key: a.account, navigationProperty: 'contact_customer_accounts', navigationPropertyKey: b.contacts[0],
    });
    s.unrelatedStatus = 200;
  } catch (e) {
    s.unrelatedStatus = e.status;
  }

  const names = async (filter) => (await api.retrieveMultiple({
    collection: 'accounts', select: ['name'], orderBy: ['name'], filter: `startswith(name,'${prefix}') and (${filter})`,
  })).value.map((r) => r.name);
  s.anyCole = await names("contact_customer_accounts/any(c: c/lastname eq 'Cole')");
  s.anyAtAll = await names('contact_customer_accounts/any()');
  s.allAmes = await names("contact_customer_accounts/all(c: c/lastname eq 'Ames')");
  s.notAnyOrName = await names(`not contact_customer_accounts/any() or name eq '${prefix}B Account'`);

  const expanded = await api.retrieveMultiple({
    collection: 'accounts', select: ['name'], filter: `name eq '${prefix} Account'`,
    expand: [{ property: 'contact_customer_accounts', select: ['lastname'], orderBy: ['lastname desc'] }],
  });
  const record = expanded.value[0];
  s.inline = record.contact_customer_accounts.map((c) => c.lastname);
  const link = record['contact_customer_accounts@odata.nextLink'];
  s.linkPath = link.substring(process.env.XRM4J_URL.length);
  const followed = await api.retrieveMultiple({}, link);
  s.followed = followed.value.map((c) => c.lastname);

  return s;
}

run(main);
