'use strict';
// Reads through navigation properties with the dynamics-web-api client (retrieve and retrieveMultiple/retrieveAll with
// navigationProperty, by id and by alternate key), nested expand, upserts records with the bound UpsertMultiple and
// calls the bound function RetrieveUserPrivileges. Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node navigation.js
const crypto = require('crypto');
const { client, run } = require('./client');

const api = client();
const typed = (record) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.account', ...record });

async function main() {
  const s = {};
  const prefix = 'NodeN' + crypto.randomUUID().slice(0, 8);
  s.prefix = prefix;

  const primary = await api.create({ collection: 'contacts', data: { firstname: prefix, lastname: 'Primary' } });
  const account = await api.create({
    collection: 'accounts',
    data: { name: `${prefix} Account`, accountnumber: prefix, 'primarycontactid@odata.bind': `/contacts(${primary})` },
  });
  await api.update({ collection: 'contacts', key: primary, data: { 'parentcustomerid_account@odata.bind': `/accounts(${account})` } });
  for (const last of ['Ames', 'Baker', 'Cole']) {
    await api.create({
      collection: 'contacts',
      data: { firstname: prefix, lastname: last, 'parentcustomerid_account@odata.bind': `/accounts(${account})` },
    });
  }
  const lonely = await api.create({ collection: 'accounts', data: { name: `${prefix} Lonely` } });

  const children = await api.retrieveMultiple({
    collection: 'accounts', key: account, navigationProperty: 'contact_customer_accounts',
    select: ['lastname'], filter: "lastname ne 'Primary'", orderBy: ['lastname desc'], count: true,
  });
  s.children = children.value.map((c) => c.lastname);
  s.childrenCount = children.oDataCount;
  const byKey = await api.retrieveMultiple({
    collection: 'accounts', key: `accountnumber='${prefix}'`, navigationProperty: 'contact_customer_accounts',
    select: ['lastname'], orderBy: ['lastname'], top: 2,
  });
  s.childrenByKey = byKey.value.map((c) => c.lastname);
  const all = await api.retrieveAll({
    collection: 'accounts', key: account, navigationProperty: 'contact_customer_accounts', select: ['lastname'],
    orderBy: ['lastname'], maxPageSize: 2,
  });
  s.allPaged = all.value.map((c) => c.lastname);

  const primaryRecord = await api.retrieve({
    collection: 'accounts', key: account, navigationProperty: 'primarycontactid', select: ['lastname'],
    expand: [{ property: 'parentcustomerid_account', select: ['name'] }],
  });
  s.primary = { lastname: primaryRecord.lastname, parent: primaryRecord.parentcustomerid_account.name };
  const none = await api.retrieve({ collection: 'accounts', key: lonely, navigationProperty: 'primarycontactid' });
  s.emptyPrimary = none === undefined || none === null;

  const nested = await api.retrieve({
    collection: 'accounts', key: account, select: ['name'],
    expand: [
      { property: 'primarycontactid', select: ['lastname'], expand: [{ property: 'parentcustomerid_account', select: ['accountnumber'] }] },
      { property: 'contact_customer_accounts', select: ['lastname'], orderBy: ['lastname'], expand: [{ property: 'createdby', select: ['fullname'] }] },
    ],
  });
  s.nested = {
    primaryAccountNumber: nested.primarycontactid.parentcustomerid_account.accountnumber,
    children: nested.contact_customer_accounts.map((c) => c.lastname),
    creators: nested.contact_customer_accounts.map((c) => Boolean(c.createdby && c.createdby.fullname)),
  };

  const upserted = await api.callAction({
    collection: 'accounts', actionName: 'Microsoft.Dynamics.CRM.UpsertMultiple',
    action: {
      Targets: [
        typed({ name: `${prefix} Account renamed`, '@odata.id': `accounts(accountnumber='${prefix}')` }),
        typed({ name: `${prefix} New`, '@odata.id': `accounts(accountnumber='${prefix}-new')` }),
        typed({ name: `${prefix} Lonely renamed`, accountid: lonely }),
      ],
    },
  });
  s.upsertResult = upserted === undefined || upserted === null ? null : upserted;
  const after = await api.retrieveMultiple({
    collection: 'accounts', select: ['name', 'accountnumber'], filter: `startswith(name,'${prefix}')`, orderBy: ['name'],
  });
  s.afterUpsert = after.value.map((a) => a.name);
  s.newNumber = after.value.find((a) => a.name === `${prefix} New`).accountnumber;

  const me = await api.callFunction('WhoAmI');
  const privileges = await api.callFunction({
    collection: 'systemusers', key: me.UserId, name: 'Microsoft.Dynamics.CRM.RetrieveUserPrivileges',
  });
  const create = privileges.RolePrivileges.find((p) => p.PrivilegeName === 'prvCreateAccount');
  s.privilege = { depth: create.Depth, businessUnit: create.BusinessUnitId === me.BusinessUnitId, count: privileges.RolePrivileges.length };

  return s;
}

run(main);
