// kube-proxy's nftables table, compared with the expected transactions of its
// own tests (kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go). Each
// fixture is a test's cluster written as manifests, plus the text the test
// expects; both are normalised as the test's assertNFTablesTransactionEqual
// does (nftables-sort.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, nftables } from '../../src/engine/index.ts';
import { sortTransaction } from './nftables-sort.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'nftables');

function tableFor(fixture: string, node: string): string {
  const file = `${fixture}.yaml`;
  const model = buildModel([{ file, text: readFileSync(join(fixtures, file), 'utf8') }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const text = nftables(model, node);
  if (text === null) throw new Error(`no node ${node}`);
  return text;
}

/** baseRules followed by a test's own part, as each test builds its expected text. */
const expectedAfterBase = (name: string) =>
  readFileSync(join(fixtures, 'base-rules.expected'), 'utf8') +
  readFileSync(join(fixtures, `${name}.expected`), 'utf8');

describe('kube-proxy nftables table', () => {
  it('TestOverallNFTablesRules: ClusterIP, NodePort, LoadBalancer (Local and Cluster), externalIPs, source ranges, affinity, no endpoints', () => {
    expect(sortTransaction(tableFor('overall', 'test-node'))).toBe(
      sortTransaction(expectedAfterBase('overall')),
    );
  });

  // The later states of TestSyncProxyRulesRepeated keep the flushed chains of
  // deleted Services until a later sync deletes them: a history a cluster
  // written as manifests does not have. Its first two states are what a fresh
  // sync of the same Services writes.
  for (const [state, label] of [
    ['sync-repeated-1', 'first sync: svc1 and svc2'],
    ['sync-repeated-2', 'after svc3 is added'],
  ] as const)
    it(`TestSyncProxyRulesRepeated, ${label}`, () => {
      expect(sortTransaction(tableFor(state, 'test-node'))).toBe(
        sortTransaction(expectedAfterBase(state)),
      );
    });

  it('TestSyncProxyRulesStartup: a second endpoint for svc1, svc3 with none', () => {
    expect(sortTransaction(tableFor('sync-startup', 'test-node'))).toBe(
      sortTransaction(expectedAfterBase('sync-startup')),
    );
  });
});

describe('the text is knftables Fake.Dump()', () => {
  const dump = tableFor('overall', 'test-node').trimEnd().split('\n');

  it('opens with the table, then chains, sets and maps, each kind sorted by name', () => {
    expect(dump[0]).toBe('add table ip kube-proxy { comment "rules for kube-proxy" ; }');
    const kinds = dump.map((line) => line.split(' ')[1]);
    const firstSet = kinds.indexOf('set');
    const firstMap = kinds.indexOf('map');
    expect(kinds.lastIndexOf('chain')).toBeLessThan(firstSet);
    expect(kinds.lastIndexOf('set')).toBeLessThan(firstMap);
    for (const kind of ['chain', 'set', 'map']) {
      const names = dump.filter((l) => l.split(' ')[1] === kind).map((l) => l.split(' ')[4] ?? '');
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('puts each rule under its chain and each element under its set or map', () => {
    let owner = '';
    for (const line of dump.slice(1)) {
      const [, kind, , , name] = line.split(' ');
      if (kind === 'chain' || kind === 'set' || kind === 'map') owner = name ?? '';
      else expect(name).toBe(owner);
    }
  });
});
