// The engine ends at its entry module: code outside src/engine imports
// src/engine/index.ts and nothing past it, so the engine's insides can move
// without touching the CLI, the course, the pages, the bench or the tests.
//
// Two folders may look inside, because their purpose is the engine's internals:
// test/unit/engine/ unit-tests single engine modules (the YAML reader's limits),
// and test/conformance/ compares engine parts with upstream's own test
// expectations (kube-proxy's rules, kube-apiserver's validation) part by part.
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, readScript, sourceFiles } from '../support/source.ts';

const entry = 'src/engine/index.ts';
const insiders = ['src/engine/', 'test/unit/engine/', 'test/conformance/'];

/** The imports of a file that go past the engine's entry module. */
function pastTheEntry(file: string, script: string): string[] {
  if (insiders.some((folder) => file.startsWith(folder))) return [];
  return importSpecifiers(script)
    .filter((s) => s.startsWith('.'))
    .map((s) => normalize(join(dirname(file), s)))
    .filter((target) => target.startsWith('src/engine/') && target !== entry)
    .map((target) => `${file} imports ${target}`);
}

describe('the engine boundary', () => {
  it('nothing outside src/engine imports past src/engine/index.ts', () => {
    const files = sourceFiles('src', 'test', 'bench');
    expect(files).toContain('src/cli/main.ts');
    expect(files.flatMap((f) => pastTheEntry(f, readScript(f)))).toEqual([]);
    // Scanning every source file takes a second or two, more on a busy machine.
  }, 30_000);

  it('catches an import past the entry, type-only, re-exported or dynamic', () => {
    const script = [
      "import type { Hop } from '../../engine/trace/types.ts';",
      "export { trace } from '../../engine/trace/repeat.ts';",
      "const m = await import('../../engine/model/build.ts');",
      "import { buildModel } from '../../engine/index.ts';",
      "import { fill } from '../../course/exercises/placeholders.ts';",
    ].join('\n');
    expect(pastTheEntry('src/components/diagrams/x.ts', script)).toEqual([
      'src/components/diagrams/x.ts imports src/engine/trace/types.ts',
      'src/components/diagrams/x.ts imports src/engine/trace/repeat.ts',
      'src/components/diagrams/x.ts imports src/engine/model/build.ts',
    ]);
  });

  it('lets the engine itself and the engine-internal test folders in', () => {
    const internal = (up: string) =>
      `import { readDocuments } from '${up}src/engine/yaml/read.ts';`;
    expect(
      pastTheEntry('src/engine/trace/trace.ts', "import { x } from '../yaml/read.ts';"),
    ).toEqual([]);
    expect(pastTheEntry('test/unit/engine/yaml-read.test.ts', internal('../../../'))).toEqual([]);
    expect(pastTheEntry('test/conformance/validation.test.ts', internal('../../'))).toEqual([]);
    expect(pastTheEntry('test/unit/yaml-read.test.ts', internal('../../'))).toEqual([
      'test/unit/yaml-read.test.ts imports src/engine/yaml/read.ts',
    ]);
  });
});
