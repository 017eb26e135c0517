import type { Lang } from '../functions/registry';
export async function validateCommand(_args: string[], io: { err(t: string): void }, _lang: Lang): Promise<number> {
  io.err('altrules validate: not built yet\n');
  return 2;
}
