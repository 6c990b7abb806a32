'use strict';
// Defines custom APIs as customapi rows and calls them with the dynamics-web-api client: an unbound action with a
// response property, an unbound function, and an action bound to a record (collection + key, namespaced name), plus a
// call missing its required parameter. Prints one JSON summary line.
// Usage: XRM4J_URL=… XRM4J_TOKEN=… XRM4J_ACTION=<name> XRM4J_FUNCTION=<name> XRM4J_BOUND=<name> node customapis.js
const { client, failure, run } = require('./client');

const api = client();

async function define(name, bindingtype, isfunction, withResponse) {
  const data = { uniquename: name, name, displayname: name, bindingtype, isfunction };
  if (bindingtype === 1) data.boundentitylogicalname = 'account';
  const id = await api.create({ collection: 'customapis', data });
  const bind = { 'customapiid@odata.bind': `/customapis(${id})` };
  await api.create({ collection: 'customapirequestparameters', data: { uniquename: 'Amount', name: 'Amount', type: 7, isoptional: false, ...bind } });
  if (withResponse) await api.create({ collection: 'customapiresponseproperties', data: { uniquename: 'Total', name: 'Total', type: 2, ...bind } });
}

async function main() {
  const { XRM4J_ACTION: action, XRM4J_FUNCTION: fn, XRM4J_BOUND: bound } = process.env;
  await define(action, 0, false, true);
  await define(fn, 0, true, true);
  await define(bound, 1, false, false);
  const s = {};
  s.action = await api.callAction({ actionName: action, action: { Amount: 6 } });
  s.function = await api.callFunction({ name: fn, parameters: { Amount: 5 } });
  const account = await api.create({ collection: 'accounts', data: { name: 'Node bound', numberofemployees: 1 } });
  const result = await api.callAction({ collection: 'accounts', key: account, actionName: `Microsoft.Dynamics.CRM.${bound}`, action: { Amount: 42 } });
  s.bound = result === undefined ? 'undefined' : result;
  s.employees = (await api.retrieve({ collection: 'accounts', key: account, select: ['numberofemployees'] })).numberofemployees;
  s.missing = await failure(api.callAction({ actionName: action, action: {} }));
  return s;
}

run(main);
