// A container's hostPort, made to work by the CNI portmap plugin, not by
// kube-proxy. Source: containernetworking/plugins plugins/meta/portmap
// portmap.go (genToplevelDnatChain: `-m addrtype --dst-type LOCAL -j
// CNI-HOSTPORT-DNAT` in nat PREROUTING and OUTPUT; genDnatChain/fillDnatRules:
// CNI-DN-<hash> with `-p tcp --dport <hostPort> -j DNAT --to-destination
// <podIP>:<containerPort>`, hairpin `-s <container subnet>` and localhost
// `-s 127.0.0.1` marked for CNI-HOSTPORT-MASQ) and its portmap_integ_test.go
// (a connection to the host's address and the hostPort reaches the container).
// A hostNetwork Pod gets no CNI call; its container listens on the node.
import { describe, expect, it } from 'vitest';
import { buildModel, type Model, type TraceResult, trace } from '../../src/engine/index.ts';

const web = (extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  nodeName: node-2
${extra}  containers:
  - name: app
    image: example/web:1
    ports:
    - containerPort: 8080
      hostPort: 9090
`;
const client = `---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: node-1
  containers: [{name: c, image: example/c:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: neighbour}
spec:
  nodeName: node-2
  containers: [{name: c, image: example/c:1}]
`;

function setup(text: string): Model {
  const model = buildModel([{ file: 'hostport.yaml', text }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model;
}

const nodeIP = (model: Model, name: string) =>
  model.nodes.find((n) => n.name === name)?.internalIP ?? '';
const podIP = (model: Model, name: string) =>
  model.pods.find((p) => p.metadata.name === name)?.podIP ?? '';
const send = (model: Model, from: string, to: string): TraceResult => trace(model, { from, to });

describe('hostPort through the CNI portmap plugin', () => {
  it('delivers <the Pod’s node IP>:<hostPort> from outside to podIP:containerPort, keeping the client’s address', () => {
    const model = setup(web() + client);
    const result = send(model, 'external', `http://${nodeIP(model, 'node-2')}:9090/`);
    expect(result.outcome).toBe('delivered');
    expect(result.destination).toMatchObject({ pod: 'web', port: 8080, node: 'node-2' });
    expect(result.destination?.podIP).toBe(podIP(model, 'web'));
    expect(result.destination?.sourceIP).toBe(model.cluster.externalClient);
    const dnat = result.hops.find((h) => h.chain === 'CNI-HOSTPORT-DNAT');
    expect(dnat).toMatchObject({ kind: 'iptables', at: 'node-2', table: 'nat' });
    expect(dnat?.message.id).toBe('cni.hostport-dnat');
    expect(dnat?.rewrite).toEqual({
      type: 'DNAT',
      from: `${nodeIP(model, 'node-2')}:9090`,
      to: `${podIP(model, 'web')}:8080`,
    });
    expect(dnat?.detail).toContain('CNI portmap plugin');
    expect(result.service).toBeNull();
  });

  it('is refused on another node: only the Pod’s own node has its DNAT', () => {
    const model = setup(web() + client);
    const result = send(model, 'external', `http://${nodeIP(model, 'node-1')}:9090/`);
    expect(result.outcome).toBe('refused');
    expect(result.hops.some((h) => h.chain === 'CNI-HOSTPORT-DNAT')).toBe(false);
  });

  it('works from a Pod on another node (routed to node-2, DNATed there) and from the node itself', () => {
    const model = setup(web() + client);
    const fromPod = send(model, 'pod/client', `${nodeIP(model, 'node-2')}:9090`);
    expect(fromPod.outcome).toBe('delivered');
    expect(fromPod.destination?.sourceIP).toBe(podIP(model, 'client'));
    expect(fromPod.hops.find((h) => h.chain === 'CNI-HOSTPORT-DNAT')?.at).toBe('node-2');
    const fromNode = send(model, 'node/node-2', `${nodeIP(model, 'node-2')}:9090`);
    expect(fromNode.outcome).toBe('delivered');
    expect(fromNode.destination?.sourceIP).toBe(nodeIP(model, 'node-2'));
  });

  it('masquerades a hairpin from the Pod subnet and a connection from localhost', () => {
    const model = setup(web() + client);
    const node2 = model.nodes.find((n) => n.name === 'node-2');
    const gateway = node2?.podCIDR.replace(/\.0\/\d+$/, '.1');
    const hairpin = send(model, 'pod/neighbour', `${nodeIP(model, 'node-2')}:9090`);
    expect(hairpin.outcome).toBe('delivered');
    expect(hairpin.destination?.sourceIP).toBe(gateway);
    expect(hairpin.hops.find((h) => h.chain === 'CNI-HOSTPORT-DNAT')?.detail).toContain(
      'masqueraded',
    );
    const localhost = send(model, 'node/node-2', '127.0.0.1:9090');
    expect(localhost.outcome).toBe('delivered');
    expect(localhost.destination?.sourceIP).toBe(gateway);
  });

  it('a hostNetwork Pod’s hostPort is the node’s own port: no DNAT, the container listens there', () => {
    const hostNet = web('  hostNetwork: true\n').replace(
      'containerPort: 8080',
      'containerPort: 9090',
    );
    const model = setup(hostNet + client);
    const result = send(model, 'external', `http://${nodeIP(model, 'node-2')}:9090/`);
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.podIP).toBe(nodeIP(model, 'node-2'));
    expect(result.hops.some((h) => h.chain === 'CNI-HOSTPORT-DNAT')).toBe(false);
  });
});
