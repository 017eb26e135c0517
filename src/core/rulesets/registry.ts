// The built-in rulesets: every JSON file in data/ is listed here (a test fails on a file that is
// not), and each kind names the family it uses when a formula names none. A second prefecture's
// family is one more file here; it never becomes anyone's default by having a higher version.

import clairR8File from './data/clair-r8.json';
import saitamaAltR5File from './data/saitama-alt-r5.json';
import { RulesetFile } from './parameters';

/** The ruleset files, as written: a new revision or prefecture is one more file here (its id is its file name). */
export const RULESET_FILES: readonly RulesetFile[] = [saitamaAltR5File as RulesetFile, clairR8File as RulesetFile];

/** The family each kind uses when a formula or check names no ruleset (see docs/rules.md, "Rulesets"). */
export const DEFAULT_FAMILY = { alt: 'saitama-alt', clair: 'clair' } as const satisfies Record<RulesetFile['kind'], string>;
