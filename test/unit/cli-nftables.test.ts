// `routelab nftables` as outside checks drive it (docs/cli.md, "kube-proxy
// modes"; docs/cli-notes.md): the real binary, its output, its notes on
// standard error, its exit codes and one-line errors, and `routelab iptables`
// on a cluster whose kube-proxy runs nftables mode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, nftables } from '../../src/engine/index.ts';
import { root, routelab } from '../support/cli.ts';

const scenario = (name: string) => join(root, 'content', 'scenarios', name);
const overall = join(root, 'test', 'conformance', 'fixtures', 'nftables', 'overall.yaml');

describe('routelab nftables', { timeout: 60_000 }, () => {
  it('prints the node’s ip kube-proxy table, exit 0, nothing on standard error in nftables mode', () => {
    const { code, stdout, stderr } = routelab(['nftables', overall, '--node', 'test-node']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const model = buildModel([{ file: 'overall.yaml', text: readFileSync(overall, 'utf8') }]);
    expect(stdout).toBe(nftables(model, 'test-node'));
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('add table ip kube-proxy { comment "rules for kube-proxy" ; }');
    expect(lines).toContain(
      'add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }',
    );
  });

  it('prints the table kube-proxy would write on an iptables-mode cluster, and says so', () => {
    const { code, stdout, stderr } = routelab([
      'nftables',
      scenario('service-nodeport.yaml'),
      '--node',
      'node-1',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^add element ip kube-proxy service-nodeports \{ tcp \. 30080 : goto external-/m,
    );
    expect(stdout).toContain('add element ip kube-proxy nodeport-ips { 172.18.0.2 }');
    expect(stderr).toBe(
      'routelab: note: this cluster runs kube-proxy in iptables mode (spec.kubeProxyMode): these are the rules it would write in nftables mode, and in iptables mode it writes none of them\n',
    );
  });

  it('is the same table on every node but for the node’s own address', () => {
    const one = routelab(['nftables', scenario('service-nodeport.yaml'), '--node', 'node-1']);
    const two = routelab(['nftables', scenario('service-nodeport.yaml'), '--node', 'node-2']);
    expect(two.stdout).toBe(
      one.stdout.replace('nodeport-ips { 172.18.0.2 }', 'nodeport-ips { 172.18.0.3 }'),
    );
    expect(two.stdout).not.toBe(one.stdout);
  });

  it('prints nothing for a node whose kube-proxy is stopped, and says so', () => {
    const { code, stdout, stderr } = routelab([
      'nftables',
      scenario('troubleshoot.yaml'),
      '--node',
      'node-2',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      'routelab: kube-proxy is stopped on node-2: it has written no rules',
    );
  });

  it('fails with one line and exit 2 as routelab iptables does', () => {
    const unknown = routelab(['nftables', scenario('service-clusterip.yaml'), '--node', 'node-9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('routelab: no node named node-9 (nodes: node-1, node-2, node-3)\n');
    const iptables = routelab(['iptables', scenario('service-clusterip.yaml'), '--node', 'node-9']);
    expect(iptables.stderr).toBe(unknown.stderr);
    for (const args of [
      ['nftables', scenario('service-clusterip.yaml')],
      ['nftables', scenario('service-clusterip.yaml'), '--node', 'node-1', '--format', 'save'],
      ['nftables', join(root, 'no-such-file.yaml'), '--node', 'node-1'],
    ]) {
      const { code, stderr } = routelab(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^routelab: /);
    }
    expect(routelab(['nftables', scenario('service-clusterip.yaml')]).stderr).toBe(
      'routelab: nftables needs --node NODE\n',
    );
  });

  it('answers --help, and is listed in routelab --help', () => {
    const { code, stdout } = routelab(['nftables', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: routelab nftables FILE... --node NODE');
    expect(routelab(['--help']).stdout).toContain('routelab nftables FILE... --node NODE');
  });
});

describe('routelab iptables on an nftables-mode cluster', { timeout: 60_000 }, () => {
  it('prints the iptables-mode rules and says the cluster runs nftables mode', () => {
    const { code, stdout, stderr } = routelab(['iptables', overall, '--node', 'test-node']);
    expect(code).toBe(0);
    expect(stdout).toContain('-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP"');
    expect(stderr).toBe(
      'routelab: note: this cluster runs kube-proxy in nftables mode (spec.kubeProxyMode): these are the rules it would write in iptables mode, and in nftables mode it writes none of them\n',
    );
  });

  it('says nothing more on an iptables-mode cluster', () => {
    const { stderr } = routelab([
      'iptables',
      scenario('service-nodeport.yaml'),
      '--node',
      'node-1',
    ]);
    expect(stderr).toBe('');
  });
});
