// Writes the table into README.md between `<!-- bench:start -->` and `<!-- bench:end -->`,
// leaving everything outside the markers as it is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../host/paths';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function writeReadmeSection(body: string): string {
  const file = path.join(repoRoot, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} section`);
  fs.writeFileSync(file, `${text.slice(0, start + START.length)}\n${body.trim()}\n${text.slice(end)}`);
  return file;
}
