'use strict';
// Calls the Web API's actions with the dynamics-web-api client: Merge, ImportSolution, ImportSolutionAsync,
// DeleteAndPromote, the bound CreateMultiple/UpdateMultiple, respondAsync with the background-operation status, the
// bound function RetrievePrincipalAccess with an aliased parameter, and an unknown action. Prints one JSON summary line.
// Usage: XRM4J_URL=… XRM4J_TOKEN=… XRM4J_SOLUTION=<zip> XRM4J_MANAGED_1=<zip> XRM4J_MANAGED_2=<zip> node actions.js
const crypto = require('crypto');
const fs = require('fs');
const { client, failure, run } = require('./client');

const api = client();
const base64 = (name) => fs.readFileSync(process.env[name]).toString('base64');
const typed = (table, record) => ({ '@odata.type': `Microsoft.Dynamics.CRM.${table}`, ...record });

async function merge(respondAsync) {
  const master = await api.create({ collection: 'accounts', data: { name: 'Node master' } });
  const sub = await api.create({ collection: 'accounts', data: { name: 'Node sub' } });
  const result = await api.callAction({
    actionName: 'Merge', respondAsync,
    action: {
      Target: typed('account', { accountid: master }), Subordinate: typed('account', { accountid: sub }),
      UpdateContent: typed('account', { websiteurl: 'https://node.example' }), PerformParentingChecks: false,
    },
  });
  return { master, sub, result };
}

async function awaitOperation(id) {
  for (let i = 0; i < 600; i++) {
    const status = await api.getBackgroundOperationStatus(id);
    if (status.backgroundOperationStateCode === 3) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('background operation ' + id + ' did not complete');
}

async function main() {
  const s = {};
  const m = await merge(false);
  s.merge = { result: m.result === undefined ? 'undefined' : m.result };
  const master = await api.retrieve({ collection: 'accounts', key: m.master, select: ['websiteurl'] });
  const sub = await api.retrieve({ collection: 'accounts', key: m.sub, select: ['statecode'] });
  s.merge.websiteurl = master.websiteurl;
  s.merge.subordinateState = sub.statecode;

  const importJobId = crypto.randomUUID();
  s.importSolution = await api.callAction({
    actionName: 'ImportSolution',
    action: { OverwriteUnmanagedCustomizations: true, PublishWorkflows: true, CustomizationFile: base64('XRM4J_SOLUTION'), ImportJobId: importJobId },
  });
  s.importSolution = s.importSolution === undefined ? 'undefined' : s.importSolution;
  s.importJob = (await api.retrieve({ collection: 'importjobs', key: importJobId, select: ['solutionname'] })).solutionname;

  const asyncImport = await api.callAction({
    actionName: 'ImportSolutionAsync',
    action: { OverwriteUnmanagedCustomizations: false, PublishWorkflows: false, CustomizationFile: base64('XRM4J_SOLUTION') },
  });
  s.importAsync = { asyncOperationId: asyncImport.AsyncOperationId, importJobKey: asyncImport.ImportJobKey };
  s.importAsync.status = (await awaitOperation(asyncImport.AsyncOperationId)).backgroundOperationStatusCode;

  for (const [file, holding] of [['XRM4J_MANAGED_1', false], ['XRM4J_MANAGED_2', true]]) {
    await api.callAction({
      actionName: 'ImportSolution',
      action: {
        OverwriteUnmanagedCustomizations: false, PublishWorkflows: false, CustomizationFile: base64(file),
        ImportJobId: crypto.randomUUID(), HoldingSolution: holding,
      },
    });
  }
  s.promoted = await api.callAction({ actionName: 'DeleteAndPromote', action: { UniqueName: process.env.XRM4J_MANAGED_NAME } });

  const created = await api.callAction({
    collection: 'accounts', actionName: 'Microsoft.Dynamics.CRM.CreateMultiple',
    action: { Targets: [typed('account', { name: 'Node bulk 1' }), typed('account', { name: 'Node bulk 2', numberofemployees: 2 })] },
  });
  s.createMultiple = created.Ids;
  s.updateMultiple = await api.callAction({
    collection: 'accounts', actionName: 'Microsoft.Dynamics.CRM.UpdateMultiple',
    action: { Targets: created.Ids.map((id, i) => typed('account', { accountid: id, numberofemployees: 10 + i })) },
  });
  s.updateMultiple = s.updateMultiple === undefined ? 'undefined' : s.updateMultiple;
  s.afterUpdate = [];
  for (const id of created.Ids) s.afterUpdate.push((await api.retrieve({ collection: 'accounts', key: id, select: ['numberofemployees'] })).numberofemployees);

  const background = await merge(true);
  s.background = { location: background.result.location, id: background.result.backgroundOperationId };
  const done = await awaitOperation(background.result.backgroundOperationId);
  s.background.state = done.backgroundOperationStateCode;
  s.background.status = done.backgroundOperationStatusCode;
  s.background.subordinateState = (await api.retrieve({ collection: 'accounts', key: background.sub, select: ['statecode'] })).statecode;
  // A completed operation cannot be canceled any more: the client gets the fault.
  s.background.cancelCompleted = await failure(api.cancelBackgroundOperation(background.result.backgroundOperationId));

  const me = await api.callFunction('WhoAmI');
  s.principalAccess = (await api.callFunction({
    name: 'RetrievePrincipalAccess', collection: 'systemusers', key: me.UserId,
    parameters: { Target: { '@odata.id': `accounts(${m.master})` } },
  })).AccessRights;
  s.unknown = await failure(api.callAction({ actionName: 'NoSuchAction', action: {} }));
  return s;
}

run(main);
