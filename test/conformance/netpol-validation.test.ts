// kube-apiserver's answers to invalid NetworkPolicies, message for message.
// Sources: kubernetes/kubernetes pkg/apis/networking/validation/validation.go
// (ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer,
// ValidateIPBlock) and the error cases of its validation_test.go
// TestValidateNetworkPolicy, named below as they are there; apimachinery
// pkg/apis/meta/v1/validation ValidateLabelSelector; defaults from
// pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicy,
// SetDefaults_NetworkPolicyPort).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import { errors } from '../support/engine.ts';

const policy = (spec: string, name = 'np') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: default}\nspec:\n${spec
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n`;

const cidrMessage = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

describe('NetworkPolicy validation (TestValidateNetworkPolicy error cases)', () => {
  it('accepts the success cases’ shapes: empty spec, egress and ingress with every peer', () => {
    expect(errors(policy('podSelector: {}'))).toEqual([]);
    expect(
      errors(
        policy(
          [
            'podSelector: {matchLabels: {a: b}}',
            'ingress:',
            '- from:',
            '  - podSelector: {matchLabels: {c: d}}',
            '    namespaceSelector: {matchLabels: {e: f}}',
            '  - ipBlock: {cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24]}',
            '  ports:',
            '  - {protocol: TCP, port: 80}',
            '  - {protocol: UDP, port: dns}',
            '  - {protocol: SCTP, port: 32000, endPort: 32768}',
            'egress:',
            '- to:',
            '  - ipBlock: {cidr: "fd00:192:168::/48", except: ["fd00:192:168:3::/64"]}',
          ].join('\n'),
        ),
      ),
    ).toEqual([]);
  });

  it('"namespaceSelector and ipBlock", "podSelector and ipBlock": one peer may not mix them', () => {
    expect(
      errors(
        policy(
          'ingress:\n- from:\n  - namespaceSelector: {matchLabels: {c: d}}\n    ipBlock: {cidr: 192.168.0.0/16}',
        ),
      ),
    ).toEqual([
      'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
    ]);
    expect(
      errors(
        policy(
          'egress:\n- to:\n  - podSelector: {matchLabels: {c: d}}\n    ipBlock: {cidr: 192.168.0.0/16}',
        ),
      ),
    ).toEqual(['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']);
  });

  it('"missing from and to type": an empty peer', () => {
    expect(errors(policy('ingress:\n- from:\n  - {}\negress:\n- to:\n  - {}'))).toEqual([
      'spec.ingress[0].from[0]: Required value: must specify a peer',
      'spec.egress[0].to[0]: Required value: must specify a peer',
    ]);
  });

  it('"invalid spec.podSelector", "invalid ingress.from.podSelector", "invalid egress.to.podSelector", "invalid ingress.from.namespaceSelector"', () => {
    const bad = 'NoUppercaseOrSpecialCharsLike=Equals';
    const keyMessage =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    expect(errors(policy(`podSelector: {matchLabels: {${bad}: b}}`))).toEqual([
      `spec.podSelector.matchLabels: Invalid value: "${bad}": ${keyMessage}`,
    ]);
    expect(
      errors(policy(`ingress:\n- from:\n  - podSelector: {matchLabels: {${bad}: b}}`)),
    ).toEqual([
      `spec.ingress[0].from[0].podSelector.matchLabels: Invalid value: "${bad}": ${keyMessage}`,
    ]);
    expect(errors(policy(`egress:\n- to:\n  - podSelector: {matchLabels: {${bad}: b}}`))).toEqual([
      `spec.egress[0].to[0].podSelector.matchLabels: Invalid value: "${bad}": ${keyMessage}`,
    ]);
    expect(
      errors(policy(`ingress:\n- from:\n  - namespaceSelector: {matchLabels: {${bad}: b}}`)),
    ).toEqual([
      `spec.ingress[0].from[0].namespaceSelector.matchLabels: Invalid value: "${bad}": ${keyMessage}`,
    ]);
  });

  it('checks matchExpressions as ValidateLabelSelectorRequirement does', () => {
    expect(
      errors(
        policy(
          [
            'podSelector:',
            '  matchExpressions:',
            '  - {key: a, operator: In}',
            '  - {key: b, operator: Exists, values: [x]}',
            '  - {key: c, operator: Near, values: [x]}',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.podSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.podSelector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator',
    ]);
  });

  it('"invalid ingress.ports.protocol", "invalid ingress.ports.port (int)", "invalid ingress.ports.port (str)" (and egress)', () => {
    for (const direction of ['ingress', 'egress'])
      expect(
        errors(
          policy(
            `${direction}:\n- ports:\n  - {protocol: ICMP, port: 80}\n  - {protocol: TCP, port: 123456789}\n  - {protocol: TCP, port: "!@#$"}`,
          ),
        ),
      ).toEqual([
        `spec.${direction}[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"`,
        `spec.${direction}[0].ports[1].port: Invalid value: 123456789: must be between 1 and 65535, inclusive`,
        `spec.${direction}[0].ports[2].port: Invalid value: "!@#$": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
        `spec.${direction}[0].ports[2].port: Invalid value: "!@#$": must contain at least one letter (a-z)`,
      ]);
  });

  it('"missing cidr field", "invalid cidr format", "invalid ipv6 cidr format"', () => {
    const block = (b: string) => policy(`ingress:\n- from:\n  - ipBlock: ${b}`);
    expect(errors(block('{cidr: ""}'))).toEqual([
      'spec.ingress[0].from[0].ipBlock.cidr: Required value',
    ]);
    expect(errors(block('{cidr: 192.168.5.6}'))).toEqual([
      `spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "192.168.5.6": ${cidrMessage}`,
    ]);
    expect(errors(block('{cidr: "fd00:192:168::"}'))).toEqual([
      `spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "fd00:192:168::": ${cidrMessage}`,
    ]);
  });

  it('"except field is an empty string", "... an space string", "... an invalid ip"', () => {
    const except = (e: string) =>
      errors(policy(`ingress:\n- from:\n  - ipBlock: {cidr: 192.168.0.0/16, except: ["${e}"]}`));
    for (const value of ['', ' ', '300.300.300.300'])
      expect(except(value)).toEqual([
        `spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "${value}": ${cidrMessage}`,
      ]);
  });

  it('"except IP is outside of CIDR range", "... not strictly within CIDR range", "except IPv6 is outside of CIDR range"', () => {
    const block = (cidr: string, except: string) =>
      errors(policy(`ingress:\n- from:\n  - ipBlock: {cidr: "${cidr}", except: ["${except}"]}`));
    expect(block('192.168.8.0/24', '192.168.9.1/32')).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.9.1/32": must be a strict subset of `cidr`',
    ]);
    expect(block('192.168.0.0/24', '192.168.0.0/24')).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`',
    ]);
    expect(block('fd00:192:168:1::/64', 'fd00:192:168:2::/64')).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "fd00:192:168:2::/64": must be a strict subset of `cidr`',
    ]);
    // Not upstream's: an IPv4 except under an IPv6 cidr, which net.IPNet.Contains never contains.
    expect(block('fd00:192:168:1::/64', '192.168.0.0/24')).toHaveLength(1);
    expect(block('fd00:192:168::/48', 'fd00:192:168:3::/64')).toEqual([]);
    expect(block('10.0.0.0/8', '010.1.0.0/16')).toEqual([]);
  });

  it('"invalid policyTypes", "too many policyTypes"', () => {
    const egress = 'egress:\n- to:\n  - ipBlock: {cidr: 192.168.0.0/16}\n';
    expect(errors(policy(`${egress}policyTypes: [foo, bar]`))).toEqual([
      'spec.policyTypes[0]: Unsupported value: "foo": supported values: "Ingress", "Egress"',
      'spec.policyTypes[1]: Unsupported value: "bar": supported values: "Ingress", "Egress"',
    ]);
    expect(errors(policy(`${egress}policyTypes: [foo, bar, baz]`))).toEqual([
      'spec.policyTypes: Invalid value: ["foo","bar","baz"]: may not specify more than two policyTypes',
    ]);
  });

  it('endPort: "multiple ports defined, one port range is invalid", "endPort defined with named/string port", "endPort defined without port defined", "port is greater than endPort", "invalid endport range defined"', () => {
    const ports = (list: string) =>
      errors(
        policy(`egress:\n- to:\n  - namespaceSelector: {matchLabels: {a: b}}\n  ports:\n${list}`),
      );
    expect(
      ports('  - {protocol: UDP, port: 35000, endPort: 32768}\n  - {port: 32000, endPort: 32768}'),
    ).toEqual([
      'spec.egress[0].ports[0].endPort: Invalid value: 32768: must be greater than or equal to `port`',
    ]);
    expect(
      ports('  - {protocol: UDP, port: dns, endPort: 32768}\n  - {port: 32000, endPort: 32768}'),
    ).toEqual([
      'spec.egress[0].ports[0].endPort: Invalid value: 32768: may not be specified when `port` is non-numeric',
    ]);
    expect(ports('  - {protocol: TCP, port: 0, endPort: 32768}')).toEqual([
      'spec.egress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(ports('  - {protocol: TCP, endPort: 32768}')).toEqual([
      'spec.egress[0].ports[0].endPort: Invalid value: 32768: may not be specified when `port` is not specified',
    ]);
    expect(ports('  - {protocol: SCTP, port: 35000, endPort: 32768}')).toEqual([
      'spec.egress[0].ports[0].endPort: Invalid value: 32768: must be greater than or equal to `port`',
    ]);
    expect(ports('  - {protocol: TCP, port: 30000, endPort: 65537}')).toEqual([
      'spec.egress[0].ports[0].endPort: Invalid value: 65537: must be between 1 and 65535, inclusive',
    ]);
  });

  it('points at the offending line', () => {
    const model = buildModel([
      { file: 'np.yaml', text: policy('ingress:\n- ports:\n  - {port: 80, endPort: 70}') },
    ]);
    const error = model.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({
      code: 'FieldValueInvalid',
      field: 'spec.ingress[0].ports[0].endPort',
      line: 7,
    });
  });

  it('defaults policyTypes and protocol as SetDefaults_NetworkPolicy(Port) do', () => {
    const built = (spec: string) =>
      buildModel([{ file: 'np.yaml', text: policy(spec) }]).networkPolicies[0];
    expect(built('podSelector: {}')?.policyTypes).toEqual(['Ingress']);
    expect(built('egress:\n- {}')?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(built('egress:\n- {}\npolicyTypes: [Egress]')?.policyTypes).toEqual(['Egress']);
    expect(built('ingress:\n- ports:\n  - port: 80')?.ingress[0]?.ports[0]?.protocol).toBe('TCP');
  });

  it('is simulated, no longer listed as not simulated', () => {
    const model = buildModel([{ file: 'np.yaml', text: policy('podSelector: {}') }]);
    expect(model.diagnostics.filter((d) => d.code === 'NotSimulated')).toEqual([]);
    expect(model.networkPolicies.map((p) => p.id)).toEqual(['NetworkPolicy/default/np']);
  });

  it('refuses an unknown field with strict decoding', () => {
    expect(errors(policy('podSelector: {}\ningres: []'))).toEqual([
      'Error from server (BadRequest): error when creating "test.yaml": NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingres"',
    ]);
  });
});
