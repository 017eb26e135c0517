// Writing a file for the clerk without ever losing one: --out is never an input (by any path or
// link) and never an existing file unless --force; the bytes go to a temporary file first.

import { closeSync, constants, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, Stats } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { Refusal, ZipWriter } from './zip';

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** Refuses an --out that is the input by any path or link, or that exists (unless --force). */
export function outProblem(input: string, out: string, force: boolean): Refusal | undefined {
  const inStat = statSync(input);
  const inReal = realpathSync(input);
  let outStat: Stats | undefined;
  try {
    outStat = statSync(out); // follows a symbolic link to what it names
  } catch {
    outStat = undefined;
  }
  let outReal: string | undefined;
  try {
    outReal = join(realpathSync(dirname(resolve(out))), basename(out));
  } catch {
    return new Refusal(`the folder for --out ${out} does not exist`, `--out ${out} のフォルダーがありません`);
  }
  const isInput = (outStat && sameFile(inStat, outStat)) || outReal === inReal || (outStat && inStat.nlink > 1 && sameFile(inStat, outStat));
  if (isInput) return new Refusal(`--out ${out} is the input file ${input} (by its path or a link): the input is never overwritten`, `--out ${out} は入力ファイル ${input} と同じファイルです（パスまたはリンク）。入力ファイルは上書きしません`);
  if (outStat?.isDirectory()) return new Refusal(`--out ${out} is a folder; give a file name`, `--out ${out} はフォルダーです。ファイル名を指定してください`);
  if (outStat && !force) return new Refusal(`--out ${out} already exists; add --force to replace it`, `--out ${out} はすでにあります。置き換えるには --force を付けてください`);
  if (outStat && !outStat.isFile()) return new Refusal(`--out ${out} is not a regular file`, `--out ${out} は通常のファイルではありません`);
  return undefined;
}

/**
 * Writes a package to a temporary file beside the target, then moves it into place: an interrupted
 * or failed write never leaves the target half-written, and without `force` a file that appeared
 * meanwhile is not replaced.
 */
export async function writePackageSafely(out: string, force: boolean, produce: (zw: ZipWriter) => Promise<void> | void): Promise<void> {
  const target = resolve(out);
  const tmp = join(dirname(target), `.${basename(target)}.altrules-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  // Interrupted (Ctrl+C, kill): the half-written copy goes; the target was never touched.
  const interrupted = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let ok = false;
  try {
    await produce(new ZipWriter(fd));
    closeSync(fd);
    ok = true;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    if (!ok) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      unlinkSync(tmp);
    }
  }
  try {
    if (force) renameSync(tmp, target);
    else {
      // Without --force, a file that appeared meanwhile is not replaced: link fails if it exists.
      linkSync(tmp, target);
      unlinkSync(tmp);
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Refusal(`--out ${out} already exists; add --force to replace it`, `--out ${out} はすでにあります。置き換えるには --force を付けてください`);
    throw e;
  }
}

