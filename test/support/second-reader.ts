// Second readers for the marked copies: openpyxl (Python) and LibreOffice headless, both from
// Debian packages that .ci/run installs. Off CI a missing reader skips its tests with a message;
// under CI=true it fails them (as the browser tests' gate does).

import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { isCi } from './gates';

export type ReaderDecision = { action: 'run' } | { action: 'skip'; reason: string } | { action: 'fail'; reason: string };

export function readerDecision(found: boolean, ci: boolean, what: string, install: string): ReaderDecision {
  if (found) return { action: 'run' };
  if (ci) return { action: 'fail', reason: `CI=true but ${what} is missing: the marked copies must be opened by a second reader on CI (${install})` };
  return { action: 'skip', reason: `second-reader tests skipped: ${what} is missing (${install}; under CI=true this fails)` };
}

/** Debian's python3 (openpyxl is installed for it, not for a pyenv or venv python). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export function openpyxlDecision(): ReaderDecision {
  const found = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
  return readerDecision(found, isCi(), `openpyxl for ${PYTHON}`, 'apt-get install -y python3-openpyxl');
}

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

export function libreOfficeDecision(): ReaderDecision {
  return readerDecision(existsSync(SOFFICE), isCi(), `LibreOffice at ${SOFFICE}`, 'apt-get install -y libreoffice-calc-nogui, or set SOFFICE_PATH');
}

/** What openpyxl sees in a workbook: its sheets, and per cell of the first sheet its fill and note. */
export interface Seen {
  sheets: string[];
  cells: Record<string, { fill: string | null; note: string | null }>;
  /** The findings sheet's first row (its column headings). */
  findingsHeader: (string | null)[];
}

const SCRIPT = `
import json, sys, openpyxl
out = []
for path in sys.argv[2:]:
    wb = openpyxl.load_workbook(path)
    ws = wb[sys.argv[1]]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
            note = c.comment.text if c.comment is not None else None
            if fill or note:
                cells[c.coordinate] = {'fill': fill if isinstance(fill, str) else None, 'note': note}
    findings = [s for s in wb.sheetnames if 'Findings' in s]
    head = [c.value for c in wb[findings[0]][1]] if findings else []
    out.append({'sheets': wb.sheetnames, 'cells': cells, 'findingsHeader': head})
print(json.dumps(out))
`;

/** Opens each workbook with openpyxl; throws with Python's own message when one does not open. */
export function openWithOpenpyxl(sheet: string, files: string[]): Seen[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT, sheet, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`openpyxl could not open the copies: ${r.stderr}`);
  return JSON.parse(r.stdout) as Seen[];
}

/** LibreOffice opens each file and saves it again as .xlsx into `outDir` (one run for all files). */
export function resaveWithLibreOffice(files: string[], outDir: string, profile: string): { status: number | null; stderr: string } {
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stderr: `${r.stderr}${r.stdout}` };
}
