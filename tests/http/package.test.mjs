// The Debian package (packaging/CMakeLists.txt, scripts/build-package.sh): made with
// CPack from the build tree, its control fields, contents and maintainer scripts, and its
// programs extracted and run as they would be installed: --version, indexing the sample
// corpus, serving it with the packaged web page, the packaged unit passing systemd-analyze.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, appendFileSync, statSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scratch, startServer, corpus } from './server_harness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const build = path.resolve(process.env.AGORA_BUILD_DIR ?? path.join(root, 'build'));
const projectVersion = /project\(agora VERSION ([0-9.]+)/.exec(readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8'))[1];

// The sanitizer build is for finding memory errors in the programs, not something anyone
// ships: its package would be checked for nothing the default build's does not show.
const asanTree = path.basename(build).endsWith('-asan');

function run(program, args, options = {}) {
  return spawnSync(program, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
}

/** Runs a command that must succeed; returns its standard output. */
function must(program, args, options = {}) {
  const result = run(program, args, options);
  assert.equal(result.status, 0, `${program} ${args.join(' ')}: ${result.error ?? ''}${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The control fields of `dpkg-deb -I` as a map (continuation lines joined). */
function controlFields(info) {
  const fields = new Map();
  let last = null;
  for (const line of info.split('\n')) {
    const field = /^ ([A-Za-z][A-Za-z0-9-]*): ?(.*)$/.exec(line);
    if (field) {
      last = field[1];
      fields.set(last, field[2]);
    } else if (last && /^  \S/.test(line)) {
      fields.set(last, `${fields.get(last)}\n${line.trim()}`);
    }
  }
  return fields;
}

describe('the Debian package', { skip: asanTree && 'the AddressSanitizer build is not packaged' }, () => {
  let work;
  let deb;
  let contents; // member path (without the leading "./") -> the `dpkg-deb -c` line
  let extracted; // the data archive unpacked, as if / were this directory
  let control; // the control archive unpacked

  before(() => {
    work = scratch();
    // CPack from the existing build tree, as scripts/build-package.sh does after building;
    // -B keeps the package and the staging tree out of the build directory. With Makefiles,
    // CPack first builds the preinstall target, that is everything: naming a generator
    // that has no such step makes it package what is built, as `cmake --install` would,
    // so that a test never compiles (and a missing program fails it at once).
    const output = path.join(work.dir, 'cpack');
    const started = Date.now();
    const cpack = run('cpack', ['--config', path.join(build, 'CPackConfig.cmake'), '-G', 'DEB', '-B', output, '-D', 'CPACK_CMAKE_GENERATOR=Ninja']);
    assert.equal(cpack.status, 0, cpack.stderr + cpack.stdout);
    const debs = readdirSync(output).filter((name) => name.endsWith('.deb'));
    assert.equal(debs.length, 1, `one .deb made: ${debs.join(', ')}`);
    deb = path.join(output, debs[0]);
    console.log(`cpack: ${debs[0]}, ${(statSync(deb).size / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    contents = new Map();
    for (const line of must('dpkg-deb', ['-c', deb]).split('\n').filter(Boolean)) {
      // "-rwxr-xr-x root/root 123 2026-01-01 00:00 ./usr/bin/agora-index"; links end in "-> target".
      const member = /\s\.\/(\S*)(?: -> .*)?$/.exec(line);
      assert.ok(member, `a dpkg-deb -c line: ${line}`);
      contents.set(member[1].replace(/\/$/, ''), line);
    }

    extracted = path.join(work.dir, 'root');
    must('dpkg-deb', ['-x', deb, extracted]);
    control = path.join(work.dir, 'control');
    must('dpkg-deb', ['-e', deb, control]);
  }, { timeout: 240_000 });
  after(() => work?.cleanup());

  test('its control fields name the package, the project version and the libraries it needs', () => {
    const fields = controlFields(must('dpkg-deb', ['-I', deb]));
    assert.equal(fields.get('Package'), 'agora');
    assert.equal(fields.get('Version'), projectVersion);
    assert.equal(fields.get('Architecture'), must('dpkg', ['--print-architecture']).trim());
    assert.equal(path.basename(deb), `agora_${projectVersion}_${fields.get('Architecture')}.deb`);
    assert.match(fields.get('Maintainer') ?? '', /<.+@.+>/);
    assert.match(fields.get('Description') ?? '', /^collaborative multilingual search engine.*\n\S/);
    // The long description is one CMake string: a list would leave its ";" in the lines.
    assert.doesNotMatch(fields.get('Description'), /^;|\n;/, fields.get('Description'));
    const depends = fields.get('Depends') ?? '';
    // dpkg-shlibdeps names the runtime packages of the libraries the programs link, never
    // the -dev packages they were built with.
    for (const library of [/\blibxapian\d+/, /\blibicu\d+/, /\blibsqlite3-0\b/, /\blibsodium\d+/, /\blibc6\b/, /\badduser\b/]) {
      assert.match(depends, library, `Depends: ${depends}`);
    }
    assert.doesNotMatch(depends, /-dev\b/, `Depends: ${depends}`);
    // An installed size far from the unpacked data would mean CPack measured something else.
    const installedKiB = Number(fields.get('Installed-Size'));
    const unpackedKiB = Number(must('du', ['-sk', extracted]).split('\t')[0]);
    assert.ok(installedKiB > unpackedKiB / 2 && installedKiB < unpackedKiB * 2, `Installed-Size ${installedKiB} KiB for ${unpackedKiB} KiB unpacked`);
  });

  test('it holds the programs, the unit, the configuration, the web page and the man pages', () => {
    for (const file of [
      'usr/bin/agora-index',
      'usr/bin/agora-searchd',
      'etc/agora/searchd.json',
      'usr/share/agora/web/index.html',
      'usr/share/agora/web/agora.js',
      'usr/share/agora/web/i18n/de.json',
      'usr/share/agora/schema/record.schema.json',
      'usr/share/doc/agora/LICENSE',
      'usr/share/doc/agora/copyright',
      'usr/share/doc/agora/examples/agora.conf',
    ]) {
      assert.ok(contents.has(file), `${file} is in the package`);
    }
    const unit = [...contents.keys()].filter((file) => /^(usr\/)?lib\/systemd\/system\/agora-searchd\.service$/.test(file));
    assert.equal(unit.length, 1, 'the systemd unit is in the package');
    for (const program of ['agora-index', 'agora-searchd']) {
      assert.ok([...contents.keys()].some((file) => new RegExp(`^usr/share/man/man1/${program}\\.1\\.gz$`).test(file)), `the man page of ${program}`);
      assert.match(contents.get(`usr/bin/${program}`), /^-rwxr-xr-x root\/root /, `${program} is an executable owned by root`);
    }
    // What scripts/build.sh compiled for query translation goes with the programs.
    if (existsSync(path.join(build, 'dictionaries.agora'))) {
      assert.ok(contents.has('usr/share/agora/dictionaries.agora'), 'the compiled dictionaries');
    }
    // Nothing from the build machine: every member is owned by root and lies under the
    // directories a package may fill.
    for (const [file, line] of contents) {
      assert.match(line, /^\S+ root\/root /, `${file} is owned by root`);
      assert.match(file, /^(|etc|usr|var|lib)(\/|$)/, `${file} is in a system directory`);
      assert.doesNotMatch(file, /CMakeFiles|_CPack_Packages/, file);
    }
    // The programs find their libraries on the system, not in the build tree.
    for (const program of ['agora-index', 'agora-searchd']) {
      const dynamic = must('readelf', ['-d', path.join(extracted, 'usr/bin', program)]);
      assert.doesNotMatch(dynamic, /\((RUNPATH|RPATH)\)/, `${program} has no run path`);
      const libraries = must('ldd', [path.join(extracted, 'usr/bin', program)]);
      assert.doesNotMatch(libraries, /not found/, libraries);
    }
  });

  test('its control archive has the conffile and the maintainer scripts', () => {
    assert.deepEqual(readFileSync(path.join(control, 'conffiles'), 'utf8').split('\n').filter(Boolean), ['/etc/agora/searchd.json']);
    for (const script of ['postinst', 'prerm', 'postrm']) {
      const file = path.join(control, script);
      assert.ok(existsSync(file), `${script} is in the control archive`);
      assert.equal(statSync(file).mode & 0o777, 0o755, `${script} is executable`);
      must('sh', ['-n', file]);
    }
    const postinst = readFileSync(path.join(control, 'postinst'), 'utf8');
    assert.match(postinst, /adduser --system/);
    assert.match(postinst, /chown agora:agora \/var\/lib\/agora/);
    // Removing the package stops the daemon before its program is deleted.
    assert.match(readFileSync(path.join(control, 'prerm'), 'utf8'), /"\$1" = remove .*\n\s*systemctl stop agora-searchd\.service/);
    const postrm = readFileSync(path.join(control, 'postrm'), 'utf8');
    assert.match(postrm, /"\$1" = purge/);
    assert.match(postrm, /rm -rf \/var\/lib\/agora/);
    assert.match(postrm, /deluser --system/);
  });

  test('the configuration and the unit name the paths of a /usr installation', () => {
    const config = JSON.parse(readFileSync(path.join(extracted, 'etc/agora/searchd.json'), 'utf8'));
    assert.equal(config.db, '/var/lib/agora/index');
    assert.equal(config.web, '/usr/share/agora/web');
    const unitFile = [...contents.keys()].find((file) => file.endsWith('systemd/system/agora-searchd.service'));
    const unit = readFileSync(path.join(extracted, unitFile), 'utf8');
    assert.match(unit, /^ExecStart=\/usr\/bin\/agora-searchd --config \/etc\/agora\/searchd\.json$/m);
    for (const line of ['User=agora', 'ReadWritePaths=/var/lib/agora', 'ProtectSystem=strict', 'NoNewPrivileges=yes']) {
      assert.match(unit, new RegExp(`^${line}$`, 'm'));
    }
    // /usr/bin/agora-searchd exists only once the package is installed: the unit is checked
    // with its paths moved into the unpacked tree, which checks everything else in it.
    // man: links are checked against the man path, here the package's own.
    const moved = path.join(work.dir, 'agora-searchd.service');
    writeFileSync(moved, unit.replaceAll('/usr/bin/', `${extracted}/usr/bin/`).replaceAll('/etc/agora/', `${extracted}/etc/agora/`));
    const env = { ...process.env, MANPATH: path.join(extracted, 'usr/share/man') };
    const verify = run('systemd-analyze', ['verify', moved], { env });
    assert.equal(verify.status, 0, verify.stderr + verify.stdout);
    // The same check refuses a unit whose program is not where it says.
    const broken = path.join(work.dir, 'broken', 'agora-searchd.service');
    mkdirSync(path.dirname(broken));
    writeFileSync(broken, readFileSync(moved, 'utf8').replace(`${extracted}/usr/bin/agora-searchd`, `${extracted}/usr/bin/agora-nothing`));
    assert.notEqual(run('systemd-analyze', ['verify', broken], { env }).status, 0);
  });

  test('the packaged programs index the sample corpus and serve it with the packaged web page', { timeout: 120_000 }, async () => {
    const agoraIndex = path.join(extracted, 'usr/bin/agora-index');
    const agoraSearchd = path.join(extracted, 'usr/bin/agora-searchd');
    for (const program of [agoraIndex, agoraSearchd]) {
      assert.equal(must(program, ['--version']).trim(), `${path.basename(program)} ${projectVersion}`);
    }
    const db = path.join(work.dir, 'index');
    must(agoraIndex, ['add', '--db', db, '--quiet', ...['resources', 'feeds', 'html', 'oai'].map((folder) => path.join(corpus, folder))]);
    // A mark in the unpacked page shows that / comes from the package's share/agora/web,
    // found from the program's own path, and not from the source tree.
    const mark = `<!-- unpacked ${path.basename(work.dir)} -->`;
    appendFileSync(path.join(extracted, 'usr/share/agora/web/index.html'), `${mark}\n`);
    const server = await startServer(['--db', db, '--no-access-log'], agoraSearchd);
    try {
      assert.match(server.log.stderr, new RegExp(`agora-searchd ${projectVersion.replaceAll('.', '\\.')}: serving ${db}`));
      const health = await (await fetch(`${server.url}/healthz`)).json();
      assert.deepEqual(health, { status: 'ok', version: projectVersion });
      const search = await (await fetch(`${server.url}/api/search?q=cooperative`)).json();
      assert.ok(search.total > 0, `the packaged programs find "cooperative": ${JSON.stringify(search).slice(0, 300)}`);
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const html = await page.text();
      assert.match(html, /<html/);
      assert.ok(html.includes(mark), 'the page is the packaged one');
      const script = await fetch(`${server.url}/agora.js`);
      assert.equal(script.status, 200);
    } finally {
      await server.stop();
    }
  });
});
