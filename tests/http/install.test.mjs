// Installing Agora as a volunteer would: `cmake --install` into a fresh prefix, the
// installed programs finding their own files and FHS-style defaults, the systemd unit
// checked by systemd-analyze, the nginx configuration checked by nginx, --version and
// --public-url.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { scratch, startServer, agoraIndex, agoraSearchd, corpus, buildIndex } from './server_harness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const build = process.env.AGORA_BUILD_DIR ?? path.join(root, 'build');
const projectVersion = /project\(agora VERSION ([0-9.]+)/.exec(readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8'))[1];

let work;
let prefix;
before(() => {
  work = scratch();
  prefix = path.join(work.dir, 'prefix');
  const install = spawnSync('cmake', ['--install', build, '--prefix', prefix], { encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);
});
after(() => work.cleanup());

function run(program, args, options = {}) {
  return spawnSync(program, args, { encoding: 'utf8', ...options });
}

test('the install puts programs, shared data, docs and man pages in place', () => {
  for (const file of [
    'bin/agora-index',
    'bin/agora-searchd',
    'share/agora/web/index.html',
    'share/agora/web/i18n/de.json',
    'share/agora/schema/record.schema.json',
    'share/doc/agora/deploy.md',
    'share/doc/agora/LICENSE',
    'share/doc/agora/examples/agora.conf',
    'share/doc/agora/copyright',
    'share/man/man1/agora-index.1.gz',
    'share/man/man1/agora-searchd.1.gz',
    'lib/systemd/system/agora-searchd.service',
    'etc/agora/searchd.json',
  ]) {
    assert.ok(existsSync(path.join(prefix, file)), `${file} is installed`);
  }
  const page = run('man', ['-l', path.join(prefix, 'share/man/man1/agora-searchd.1.gz')], { env: { ...process.env, MANWIDTH: '100' } });
  assert.equal(page.status, 0, page.stderr);
  assert.match(page.stdout, /--public-url/);
  assert.match(page.stdout, /FILES/);
});

test('both programs say their version, the one of the CMake project', () => {
  for (const program of [agoraIndex, agoraSearchd, path.join(prefix, 'bin/agora-index'), path.join(prefix, 'bin/agora-searchd')]) {
    const version = run(program, ['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), `${path.basename(program)} ${projectVersion}`);
  }
});

test('the systemd unit runs the installed program and passes systemd-analyze verify', () => {
  const unit = path.join(prefix, 'lib/systemd/system/agora-searchd.service');
  const text = readFileSync(unit, 'utf8');
  assert.match(text, new RegExp(`^ExecStart=${prefix}/bin/agora-searchd --config ${prefix}/etc/agora/searchd.json$`, 'm'));
  for (const sandbox of ['ProtectSystem=strict', `ReadWritePaths=${prefix}/var/lib/agora`, 'NoNewPrivileges=yes', 'PrivateTmp=yes']) {
    assert.ok(text.includes(sandbox), sandbox);
  }
  // man: links are checked against the man path, which for a prefix is its own.
  const verify = run('systemd-analyze', ['verify', unit], { env: { ...process.env, MANPATH: path.join(prefix, 'share/man') } });
  assert.equal(verify.status, 0, verify.stderr + verify.stdout);
  // The check can fail: a unit naming a program that is not there is refused.
  const broken = path.join(work.dir, 'agora-broken.service');
  writeFileSync(broken, text.replace(`${prefix}/bin/agora-searchd`, `${prefix}/bin/agora-nothing`));
  assert.notEqual(run('systemd-analyze', ['verify', broken], { env: { ...process.env, MANPATH: path.join(prefix, 'share/man') } }).status, 0);
});

test('installed, the programs default to the index in var/lib/agora and the installed web files', async () => {
  const index = run(path.join(prefix, 'bin/agora-index'), ['add', '--quiet', path.join(corpus, 'resources')]);
  assert.equal(index.status, 0, index.stderr);
  assert.ok(existsSync(path.join(prefix, 'var/lib/agora/index')), 'the index is made in PREFIX/var/lib/agora');
  const server = await startServer(['--no-access-log'], path.join(prefix, 'bin/agora-searchd'));
  try {
    assert.match(server.log.stderr, new RegExp(`serving ${prefix}/var/lib/agora/index`));
    const health = await (await fetch(`${server.url}/healthz`)).json();
    assert.deepEqual(health, { status: 'ok', version: projectVersion });
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/);
    const search = await (await fetch(`${server.url}/api/search?q=cooperative`)).json();
    assert.ok(search.total > 0, 'the installed index answers');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, new RegExp(`^agora_build_info\\{version="${projectVersion.replaceAll('.', '\\.')}"\\} 1$`, 'm'));
  } finally {
    await server.stop();
  }
  // From the build tree nothing changes: --db stays required.
  const plain = run(agoraIndex, ['stats']);
  assert.equal(plain.status, 2);
  assert.match(plain.stderr, /--db is required/);
});

test('the nginx configuration is accepted by nginx', { skip: !existsSync('/usr/sbin/nginx') && 'nginx is not installed' }, () => {
  const dir = path.join(work.dir, 'nginx');
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const tls = run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=agora.example.org', '-keyout', key, '-out', cert]);
  assert.equal(tls.status, 0, tls.stderr);
  const site = readFileSync(path.join(prefix, 'share/doc/agora/examples/agora.conf'), 'utf8')
    .replace(/\/etc\/letsencrypt\/live\/agora\.example\.org\/fullchain\.pem/, cert)
    .replace(/\/etc\/letsencrypt\/live\/agora\.example\.org\/privkey\.pem/, key);
  const main = `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n${site}\n}\n`;
  writeFileSync(path.join(dir, 'nginx.conf'), main);
  const check = run('/usr/sbin/nginx', ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')]);
  assert.equal(check.status, 0, check.stderr);
  writeFileSync(path.join(dir, 'broken.conf'), main.replace('proxy_pass', 'proxy_passs'));
  assert.notEqual(run('/usr/sbin/nginx', ['-t', '-p', dir, '-c', path.join(dir, 'broken.conf')]).status, 0);
});

test('--public-url makes OpenSearch, robots.txt, sitemaps and /oai use the public address', async () => {
  mkdirSync(path.join(work.dir, 'public'));
  const db = buildIndex(path.join(work.dir, 'public'));
  const server = await startServer(['--db', db, '--no-access-log', '--public-url', 'https://Agora.Example.org/']);
  try {
    const opensearch = await (await fetch(`${server.url}/opensearch.xml`)).text();
    assert.match(opensearch, /template="https:\/\/agora\.example\.org\/api\/search\?/);
    assert.doesNotMatch(opensearch, /127\.0\.0\.1/);
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    assert.match(robots, /^Sitemap: https:\/\/agora\.example\.org\/sitemap\.xml$/m);
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    assert.match(sitemap, /<loc>https:\/\/agora\.example\.org\/resource\//);
    assert.doesNotMatch(sitemap, /http:\/\/127/);
    const identify = await (await fetch(`${server.url}/oai?verb=Identify`)).text();
    assert.match(identify, /<baseURL>https:\/\/agora\.example\.org\/oai<\/baseURL>/);
  } finally {
    await server.stop();
  }
  for (const bad of ['agora.example.org', 'ftp://agora.example.org', 'https://agora.example.org/?q=1']) {
    const refused = run(agoraSearchd, ['--db', db, '--public-url', bad]);
    assert.equal(refused.status, 2, bad);
    assert.match(refused.stderr, /--public-url: .* is not an http\(s\) address/);
  }
});
