// The CLI's contract ships with the code: docs/cli.md is the text of
// ../shared/spec/cli.md (which keeps growing; CI has ../shared beside the clone
// and this test keeps the two in step), and it describes every command the
// routelab binary answers to.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
const shared = join(root, '..', 'shared', 'spec', 'cli.md');

/** The commands `routelab --help` lists, as a user sees them. */
async function commands(): Promise<string[]> {
  const out: string[] = [];
  const code = await main(['--help'], { out: (t) => out.push(t), err: () => {} });
  expect(code).toBe(0);
  return [...out.join('\n').matchAll(/^ {2}routelab (\w+)/gm)].map((m) => m[1] ?? '');
}

describe('docs/cli.md', () => {
  it('describes every command routelab implements, in its Commands section', async () => {
    const section = /^## Commands\n([\s\S]*?)^## /m.exec(doc)?.[1] ?? '';
    const implemented = await commands();
    expect(implemented).toEqual(
      expect.arrayContaining([
        'validate',
        'trace',
        'get',
        'describe',
        'iptables',
        'grade',
        'exercises',
      ]),
    );
    for (const command of implemented)
      expect(section, `routelab ${command}`).toMatch(new RegExp(`^routelab ${command} `, 'm'));
  });

  it('is the current text of ../shared/spec/cli.md, where a clone has it beside', () => {
    if (existsSync(shared)) expect(doc).toBe(readFileSync(shared, 'utf8'));
    // A clone without ../shared still has the contract, whole: title to last section.
    else
      expect(doc).toMatch(
        /^# The `routelab` command-line contract\n[\s\S]*\n## `grade --format json`\n/,
      );
  });
});
