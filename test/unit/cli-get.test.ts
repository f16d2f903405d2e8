// routelab get and describe as outside checks drive them (docs/cli.md, "Commands"
// and "get"; what the contract leaves open is in docs/cli-notes.md): the real
// binary, kubectl's argument forms, its error lines and the exit codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, routelab } from '../support/cli.ts';

const web = join(root, 'test', 'conformance', 'fixtures', 'kubectl', 'web.yaml');
const gateway = join(root, 'test', 'conformance', 'fixtures', 'kubectl', 'gateway.yaml');

describe('routelab get', { timeout: 60_000 }, () => {
  it('takes -o in kubectl’s three spellings: -o yaml, -o=yaml, -oyaml', () => {
    const outs = [['-o', 'yaml'], ['-o=yaml'], ['-oyaml'], ['--output', 'yaml']].map((flag) =>
      routelab(['get', web, 'svc/web', ...flag]),
    );
    for (const run of outs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(outs[0]?.stdout);
    }
    expect(outs[0]?.stdout).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
  });

  it('prints the same table without -o and with -o wide (the contract’s default)', () => {
    const plain = routelab(['get', web, 'svc', '-n', 'default']);
    expect(plain.code).toBe(0);
    expect(routelab(['get', web, 'svc', '-n', 'default', '-o', 'wide']).stdout).toBe(plain.stdout);
    expect(plain.stdout).toMatch(/^NAME {3}TYPE .* AGE {9}SELECTOR\nweb /);
  });

  it('says NotFound as kubectl does, prints what it found, and exits 1', () => {
    const { code, stdout, stderr } = routelab(['get', web, 'svc', 'web', 'nope', '-o', 'name']);
    expect(code).toBe(1);
    expect(stdout).toBe('service/web\n');
    expect(stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  it('prints Gateway API kinds with their CRDs’ printer columns, by kubectl’s names for them', () => {
    const gtw = routelab(['get', gateway, 'gtw']);
    expect(gtw.code).toBe(0);
    expect(gtw.stdout).toBe(
      'NAMESPACE   NAME   CLASS   ADDRESS        PROGRAMMED   AGE\n' +
        'default     eg     eg      198.51.100.2   True         <unknown>\n',
    );
    for (const kind of ['gateways.gateway.networking.k8s.io', 'gateway', 'Gateway'])
      expect(routelab(['get', gateway, kind]).stdout, kind).toBe(gtw.stdout);
    expect(routelab(['get', gateway, 'httproutes']).stdout).toBe(
      'NAMESPACE   NAME   HOSTNAMES               AGE\n' +
        'default     app    ["myapp.example.com"]   <unknown>\n',
    );
    expect(routelab(['get', gateway, 'gc']).stdout).toMatch(
      /^NAME {3}CONTROLLER {38}ACCEPTED {3}AGE\neg {5}gateway\.envoyproxy\.io\/gatewayclass-controller {3}True/,
    );
  });

  it('shows the status Envoy Gateway writes in -o yaml, and describes a route as kubectl does a custom resource', () => {
    const yaml = routelab(['get', gateway, 'httproute/app', '-o', 'yaml']).stdout;
    expect(yaml).toContain('controllerName: gateway.envoyproxy.io/gatewayclass-controller');
    expect(yaml).toMatch(/reason: Accepted\n {6}status: "True"\n {6}type: Accepted/);
    expect(yaml).toMatch(/backendRefs:\n {4}- group: ""\n {6}kind: Service\n {6}name: my-app-a/);
    const text = routelab(['describe', gateway, 'httproute', 'app']).stdout;
    expect(text).toMatch(/^Name: {9}app\nNamespace: {4}default\n/);
    expect(text).toContain('API Version:  gateway.networking.k8s.io/v1\n');
    expect(text).toContain('  Parent Refs:\n');
    expect(text).toMatch(
      /\n {4}Controller Name: +gateway\.envoyproxy\.io\/gatewayclass-controller\n/,
    );
    expect(text).toMatch(/Events: +<none>\n$/);
  });

  it('says "No resources found in NS namespace." on standard error for an empty namespace', () => {
    const { code, stdout, stderr } = routelab(['get', web, 'po', '-n', 'empty']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('No resources found in empty namespace.\n');
  });

  it('prints only the error for one missing name, and no "No resources found" but with the tables', () => {
    const missing = routelab(['get', web, 'svc/nope', '-o', 'json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    const empty = routelab(['get', web, 'po', '-n', 'empty', '-o', 'name']);
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const list = routelab(['get', web, 'po', '-n', 'empty', '-o', 'json']);
    expect(JSON.parse(list.stdout)).toEqual({
      apiVersion: 'v1',
      items: [],
      kind: 'List',
      metadata: { resourceVersion: '' },
    });
  });

  it('refuses, in one line with exit 2, a bad -o and a kind it keeps no objects of', () => {
    for (const args of [
      ['get', web, 'svc', '-o', 'table'],
      ['get', web, 'configmaps'],
      ['get', web, 'svc', 'svc/web'],
    ]) {
      const { code, stderr } = routelab(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^routelab: /);
    }
  });

  it('keeps --json a v1 List, even of one named object', () => {
    const { code, stdout } = routelab(['get', web, 'svc/web', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['web']);
  });
});

describe('routelab describe', { timeout: 60_000 }, () => {
  it('describes a Service by KIND NAME and by KIND/NAME alike', () => {
    const a = routelab(['describe', web, 'svc', 'web']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Name: {21}web\nNamespace: {16}default\n/);
    expect(a.stdout).toMatch(/\nEvents: {19}<none>\n$/);
    expect(routelab(['describe', web, 'service/web']).stdout).toBe(a.stdout);
  });

  it('describes the objects whose name begins with NAME when none is called NAME', () => {
    const { code, stdout } = routelab(['describe', web, 'endpointslices', 'web']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Name: {9}web-/);
  });

  it('describes every object of a KIND in default unless -A says every namespace, as kubectl does', () => {
    const names = (args: string[]) =>
      [...routelab(['describe', web, ...args]).stdout.matchAll(/^Name: +(.*)$/gm)].map((m) => m[1]);
    expect(names(['svc'])).toEqual(['web']);
    expect(names(['svc', '-A'])).toEqual(['web', 'ingress-nginx-controller']);
  });

  it('describes a node, every node without a NAME, and says NotFound for a node that is not there', () => {
    const one = routelab(['describe', web, 'node', 'node-2']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Name: {15}node-2\nRoles: {14}<none>\n/);
    expect(one.stdout).toContain('\n  InternalIP:  172.18.0.3\n');
    // The Deployment's second Pod was placed on node-2: it is the one Pod listed.
    expect(one.stdout).toMatch(/\(1 in total\)\n.*\n.*\n {2}default +web-5f54f6dc76-pgxrq +0 /);
    expect(one.stdout).toMatch(/\nEvents: {14}<none>\n$/);
    expect(routelab(['describe', web, 'nodes/node-2']).stdout).toBe(one.stdout);
    const names = [...routelab(['describe', web, 'no']).stdout.matchAll(/^Name: +(.*)$/gm)];
    expect(names.map((m) => m[1])).toEqual(['node-1', 'node-2', 'node-3']);
    const missing = routelab(['describe', web, 'node', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });

  it('says NotFound and exits 1 for a name nothing begins with', () => {
    const { code, stdout, stderr } = routelab(['describe', web, 'ing', 'nope']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Error from server (NotFound): ingresses.networking.k8s.io "nope" not found\n',
    );
  });

  it('needs a KIND, in one line with exit 2', () => {
    const { code, stderr } = routelab(['describe', web]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'routelab: describe needs a KIND and a NAME (see routelab describe --help)\n',
    );
  });

  it('answers --help, and is listed in routelab --help', () => {
    const { code, stdout } = routelab(['describe', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: routelab describe FILE... KIND');
    expect(routelab(['--help']).stdout).toContain('routelab describe FILE...');
  });
});
