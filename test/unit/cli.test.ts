// The routelab command as outside checks drive it (docs/cli.md): the
// real binary, its JSON, its exit codes and its one-line errors.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, routelab } from '../support/cli.ts';

const scenario = (name: string) => join(root, 'content', 'scenarios', name);

// Each test starts the real command (trace starts a thread too); a loaded machine takes seconds.
describe('routelab', { timeout: 60_000 }, () => {
  it('traces the article’s my-service from a Pod as JSON, exit 0', () => {
    const { code, stdout } = routelab([
      'trace',
      scenario('service-clusterip.yaml'),
      '--from',
      'deployment/my-app',
      '--to',
      'http://my-service/',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      'schema',
      'request',
      'outcome',
      'status',
      'reason',
      // Added by the structured trace (issue 12): the reason as a message id and parameters.
      'reasonMessage',
      'destination',
      'service',
      'ingress',
      'hops',
      'diagnostics',
    ]);
    expect(result).toMatchObject({
      schema: 'routelab.dev/trace/v1',
      request: { from: 'deployment/my-app', to: 'http://my-service/', method: 'GET' },
      outcome: 'delivered',
      status: 200,
      service: {
        name: 'my-service',
        namespace: 'default',
        type: 'ClusterIP',
        port: 80,
        targetPort: 8080,
      },
      destination: {
        namespace: 'default',
        port: 8080,
        container: 'app',
        workload: 'Deployment/my-app',
        scheme: 'http',
        host: 'my-service',
        path: '/',
      },
    });
    for (const hop of result.hops) {
      // trace/v1's four keys, the message (issue 12) and an iptables hop's typed fields.
      expect(Object.keys(hop)).toEqual(
        expect.arrayContaining(['kind', 'at', 'detail', 'packet', 'message']),
      );
      for (const key of Object.keys(hop))
        expect([
          'kind',
          'at',
          'detail',
          'packet',
          'message',
          'table',
          'chain',
          'rule',
          'servicePort',
          'rewrite',
        ]).toContain(key);
      expect([
        'dns',
        'load-balancer',
        'node',
        'iptables',
        'ingress-controller',
        'tls',
        'pod-network',
        'pod',
      ]).toContain(hop.kind);
    }
  });

  it('reports a timeout from outside with exit 1', () => {
    const ip = JSON.parse(
      routelab(['get', scenario('service-clusterip.yaml'), 'services', '--json']).stdout,
    ).items[0].spec.clusterIP;
    const { code, stdout } = routelab([
      'trace',
      scenario('service-clusterip.yaml'),
      '--to',
      `http://${ip}/`,
      '--json',
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'timeout',
      status: null,
      destination: null,
    });
  });

  it('adds a distribution with --count', () => {
    const { stdout } = routelab([
      'trace',
      scenario('service-nodeport.yaml'),
      '--to',
      'http://172.18.0.2:30080/',
      '--count',
      '40',
      '--json',
    ]);
    const result = JSON.parse(stdout);
    expect(result.outcomes).toEqual({ delivered: 40 });
    expect(result.distribution.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(
      40,
    );
  });

  it('validates with kube-apiserver’s messages and exit 1', () => {
    const bad =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n';
    const { code, stdout } = routelab(['validate', '-', '--json'], bad);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      schema: 'routelab.dev/validate/v1',
      valid: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'FieldValueInvalid',
          object: 'Service/default/my-service',
          field: 'spec.ports[0].nodePort',
          message:
            'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
          file: '<stdin>',
          line: 9,
          column: 15,
        },
      ],
    });
  });

  it('says valid and exits 0 on a valid directory, merged into one cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-'));
    copyFileSync(scenario('service-clusterip.yaml'), join(dir, 'a.yaml'));
    copyFileSync(scenario('ingress-tls.yaml'), join(dir, 'b.yml'));
    const { code, stdout } = routelab(['validate', dir]);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^valid/);
    expect(code).toBe(0);
  });

  it('refuses the article’s v1beta1 Ingress with kubectl’s message and the v1 manifest as a hint', () => {
    const { code, stdout } = routelab([
      'validate',
      scenario('ingress-article-v1beta1.yaml'),
      '--json',
    ]);
    expect(code).toBe(1);
    const [refusal] = JSON.parse(stdout).diagnostics;
    expect(refusal.message).toContain(
      'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"',
    );
    expect(refusal.fix.text).toContain('apiVersion: networking.k8s.io/v1');
  });

  it('routes by the Host header, like curl -H', () => {
    const { stdout } = routelab([
      'trace',
      scenario('ingress-article.yaml'),
      '--to',
      'http://198.51.100.1/b',
      '--header',
      'Host: myapp.example.com',
      '--json',
    ]);
    expect(JSON.parse(stdout).service.name).toBe('my-app-b');
  });

  it('prints kube-proxy’s rules for a node', () => {
    const { code, stdout } = routelab([
      'iptables',
      scenario('service-nodeport.yaml'),
      '--node',
      'node-1',
    ]);
    expect(code).toBe(0);
    expect(stdout.startsWith('*filter\n:KUBE-NODEPORTS - [0:0]\n')).toBe(true);
    expect(stdout).toContain(
      '-A KUBE-NODEPORTS -m comment --comment default/my-service -m tcp -p tcp --dport 30080 -j KUBE-EXT-FXIYY6OHUSNBITIX',
    );
    expect(stdout.trimEnd().endsWith('COMMIT')).toBe(true);
  });

  it('prints the same rules as iptables-save prints them with --format save', () => {
    const args = ['iptables', scenario('service-nodeport.yaml'), '--node', 'node-1'];
    const { code, stdout } = routelab([...args, '--format', 'save']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
    ]);
    expect(lines).toContain(
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/my-service" -m tcp --dport 30080 -j KUBE-EXT-FXIYY6OHUSNBITIX',
    );
    expect(lines).toContain('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    expect(lines.at(-1)).toBe('COMMIT');
    expect(stdout).not.toContain('# Generated by');
    // --format restore is the default.
    expect(routelab([...args, '--format', 'restore']).stdout).toBe(routelab(args).stdout);
  });

  it('refuses a --format iptables does not print, in one line', () => {
    const { code, stdout, stderr } = routelab([
      'iptables',
      scenario('service-nodeport.yaml'),
      '--node',
      'node-1',
      '--format',
      'json',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('routelab: --format must be one of restore, save, not "json"\n');
  });

  it('prints the cluster as kubectl get -o wide does', () => {
    const { code, stdout } = routelab([
      'get',
      scenario('service-loadbalancer-pending.yaml'),
      'svc',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /my-service\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:31234\/TCP/,
    );
  });

  it('fails with one line and exit 2 when it cannot run', () => {
    for (const args of [
      ['trace', scenario('service-clusterip.yaml')],
      ['trace', scenario('service-clusterip.yaml'), '--to', 'http://x/', '--bogus', '1'],
      ['validate', join(root, 'no-such-file.yaml')],
      ['iptables', scenario('service-clusterip.yaml'), '--node', 'node-9'],
      ['frobnicate'],
      ['trace', scenario('service-clusterip.yaml'), '--to', 'http://x/', '--count', 'many'],
    ]) {
      const { code, stderr } = routelab(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^routelab: /);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers --help for every command', () => {
    for (const command of ['validate', 'trace', 'get', 'iptables']) {
      const { code, stdout } = routelab([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`usage: routelab ${command}`);
    }
  });

  it('is what npx runs after npm ci', () => {
    const out = execFileSync('npx', ['--no-install', 'routelab', '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toContain('routelab validate FILE...');
  });
});
