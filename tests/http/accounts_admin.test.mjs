// What an association's admin does for its members from the command line, and what members
// do for themselves: new passwords, resets without mail, signing out everywhere, the audit
// log, and exporting or erasing what Agora holds about a person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, PASSWORD, createAccount, runAdmin, scratch, signedIn, startServer, buildIndex,
} from './server_harness.mjs';
import { isProblem } from './openapi_contract.mjs';

const NEW_PASSWORD = 'a fresh and longer passphrase';

let space, db, server, base;

before(async () => {
  space = scratch();
  db = buildIndex(space.dir);
  server = await startServer(['--db', db, '--no-access-log']);
  base = server.url;
});

after(async () => {
  await server?.stop();
  space?.cleanup();
});

test('set-password: the new password signs in, the old one and its sessions are gone', async () => {
  createAccount(db, 'setpw-ana', 'contributor');
  const before = await signedIn(base, 'setpw-ana');

  const weak = runAdmin(db, ['set-password', '--username', 'setpw-ana'], 'short\n');
  assert.equal(weak.status, 2, weak.stderr);
  assert.match(weak.stderr, /password: must be 10 to 1024 bytes/);
  assert.equal((await before.get('/api/me')).status, 200, 'a refused change leaves the session');

  const unknown = runAdmin(db, ['set-password', '--username', 'setpw-nobody'], `${NEW_PASSWORD}\n`);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no account named 'setpw-nobody'/);

  const changed = runAdmin(db, ['set-password', '--username', 'setpw-ana'], `${NEW_PASSWORD}\n`);
  assert.equal(changed.status, 0, changed.stderr);
  isProblem(await before.get('/api/me'), 401, 'the session from before');
  isProblem(await new Client(base).signIn('setpw-ana', PASSWORD), 401, 'the old password');
  const after = await new Client(base).signIn('setpw-ana', NEW_PASSWORD);
  assert.equal(after.status, 200, after.text);
});
