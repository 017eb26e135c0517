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

/** Exit codes of a run ended by a signal: 128 + the signal's number, as shells report them. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * A failed write as one line in both languages (no stack trace): read-only folder, no permission,
 * full disk, a file-size limit, or a place such as /proc where files cannot be made.
 */
export function writeFailure(out: string, err: unknown): Refusal | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  const dir = dirname(resolve(out));
  const [en, ja] =
    code === 'EACCES' || code === 'EPERM'
      ? [`no permission to write in the folder ${dir}`, `フォルダー ${dir} に書き込む権限がありません`]
      : code === 'EROFS'
        ? [`the folder ${dir} is on a read-only disk`, `フォルダー ${dir} は読み取り専用のディスクにあります`]
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? ['the disk is full (or the disk quota is used up)', 'ディスクがいっぱいです（またはディスク容量の割り当てを使い切りました）']
          : code === 'EFBIG'
            ? ['the copy would be larger than this system lets a file be (a file-size limit)', '写しがこのシステムのファイルの大きさの上限を超えます']
            : code === 'ENOENT' || code === 'ENOTDIR'
              ? [`the folder ${dir} does not take new files`, `フォルダー ${dir} には新しいファイルを作れません`]
              : [`the system refused the write (${code})`, `システムが書き込みを拒否しました（${code}）`];
  return new Refusal(`cannot write --out ${out}: ${en}; nothing was written`, `--out ${out} を書けません: ${ja}。何も書き込んでいません`);
}

/**
 * Writes a package to a temporary file beside the target, then moves it into place: an interrupted
 * or failed write never leaves the target half-written, and without `force` a file that appeared
 * meanwhile is not replaced. Ctrl-C (SIGINT), kill (SIGTERM) and a closed terminal (SIGHUP) end
 * the run and remove the temporary file. Write errors become a Refusal (see writeFailure).
 */
export async function writePackageSafely(out: string, force: boolean, produce: (zw: ZipWriter) => Promise<void> | void): Promise<void> {
  try {
    await writeThroughTemporary(out, force, produce);
  } catch (e) {
    throw writeFailure(out, e) ?? e;
  }
}

async function writeThroughTemporary(out: string, force: boolean, produce: (zw: ZipWriter) => Promise<void> | void): Promise<void> {
  const target = resolve(out);
  const tmp = join(dirname(target), `.${basename(target)}.altrules-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  // Interrupted: the half-written copy goes; the target was never touched.
  const interrupted = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
    process.exit(SIGNAL_EXIT[signal] ?? 143);
  };
  const signals = Object.keys(SIGNAL_EXIT) as NodeJS.Signals[];
  for (const s of signals) process.once(s, interrupted);
  let ok = false;
  try {
    // For the interrupt tests only: say where the temporary file is and wait for a signal, so a
    // test can interrupt a copy being written without racing a fast machine.
    if (process.env.ALTRULES_TEST_PAUSE_WRITE === '1') {
      process.stderr.write(`altrules: paused writing ${tmp}\n`);
      await new Promise((r) => setTimeout(r, 60_000));
    }
    await produce(new ZipWriter(fd));
    closeSync(fd);
    ok = true;
  } finally {
    for (const s of signals) process.off(s, interrupted);
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
