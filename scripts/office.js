#!/usr/bin/env node
// npm start / npm stop / npm run validate, as Office developers expect — and plain words where
// this machine cannot do it (sideloading needs Windows or macOS; the validator needs the network).
'use strict';
const { spawnSync } = require('child_process');

const MANIFESTS = ['manifest.xml', 'manifest-clair.xml'];
const action = process.argv[2];
const desktop = process.platform === 'win32' || process.platform === 'darwin';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === null ? 1 : r.status;
}

const SIDELOAD_HELP = `
Sideloading into desktop Excel works on Windows and macOS only; this is ${process.platform}.
To try the add-ins from here:
  1. npm run dev-server        serves dist/ at https://localhost:3000 (it needs a trusted
                               certificate: "npx office-addin-dev-certs install" on a machine
                               where you can trust its CA)
  2. Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >
     Upload My Add-in, and upload manifest.xml (ALT) and/or manifest-clair.xml (CLAIR).
  3. Or copy dist/ to any HTTPS host, build with ADDIN_BASE_URL=https://that.host npm run build,
     and upload dist/manifest.xml and dist/manifest-clair.xml the same way.
The worksheet functions also run here without Excel:  npx altrules call ALT.PAY 1 2023-08-01 2023-08-07
`;

switch (action) {
  case 'start':
    if (!desktop) {
      console.log(`npm start: cannot sideload into Excel on this machine.${SIDELOAD_HELP}`);
      process.exit(0);
    }
    process.exit(run('npx', ['office-addin-debugging', 'start', MANIFESTS[0], 'desktop', '--app', 'excel']));
    break;
  case 'stop':
    if (!desktop) {
      console.log('npm stop: nothing was sideloaded on this machine (desktop Excel runs on Windows and macOS only).');
      process.exit(0);
    }
    process.exit(run('npx', ['office-addin-debugging', 'stop', MANIFESTS[0]]));
    break;
  case 'validate': {
    let failed = 0;
    for (const m of MANIFESTS) failed += run('npx', ['office-addin-manifest', 'validate', m]) === 0 ? 0 : 1;
    if (failed) {
      console.log('\nThe official validator posts the manifest to a Microsoft web service, so it fails offline.\nThe same manifests are also checked offline by "npm test" (test/manifest.test.ts).');
    }
    process.exit(failed ? 1 : 0);
    break;
  }
  default:
    console.error('usage: node scripts/office.js start|stop|validate');
    process.exit(2);
}
