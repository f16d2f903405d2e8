// Mistakes Kubernetes accepts silently but that break routing: each becomes a
// warning in plain words at the line to fix. (The behaviours behind them are
// those the trace fixtures check.)
import { describe, expect, it } from 'vitest';
import { model, myApp, warnings } from '../support/engine.ts';

const svc = (spec: string, meta = '') =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\n${meta}spec:\n${spec}`;

describe('routing warnings', () => {
  it('a selector that matches no Pod, pointing at the selector', () => {
    const text =
      myApp + svc('  selector:\n    app: my-ap\n  ports:\n  - port: 80\n    targetPort: 8080\n');
    expect(warnings(text)).toEqual([
      'Service my-service selects app=my-ap, but no Pod in namespace default has these labels: it has no endpoints, and connections to it are refused',
    ]);
    const warning = model(text).diagnostics.find((d) => d.code === 'SelectorMatchesNothing');
    // Line 27 holds the selector's content, `app: my-ap`.
    expect(warning).toMatchObject({ line: 27, column: 5, field: 'spec.selector' });
  });

  it('a Service in another namespace than its Pods', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n${myApp}${svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n', '  namespace: shop\n')}`;
    expect(warnings(text)[0]).toMatch(
      /^Service my-service is in namespace shop, but the Pods labelled app=my-app are in default/,
    );
  });

  it('a targetPort no selected container declares', () => {
    expect(
      warnings(myApp + svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 80}]\n')),
    ).toEqual([
      'Service my-service port 80 sends traffic to port 80, but no container of the selected Pods declares TCP 80 (their containerPorts: 8080); Routelab takes a container to listen on the ports it declares, so connections are refused',
    ]);
  });

  it('a named targetPort that no Pod, or only some Pods, declare', () => {
    expect(
      warnings(
        myApp + svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: http}]\n'),
      )[0],
    ).toContain(
      'targets the port named "http", but none of its Pods has a TCP container port with that name',
    );
    const other = `---\napiVersion: v1\nkind: Pod\nmetadata: {name: extra, labels: {app: my-app}}\nspec:\n  containers: [{name: app, image: x, ports: [{name: http, containerPort: 8080}]}]\n`;
    const partial = warnings(
      myApp + other + svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: http}]\n'),
    );
    expect(partial[0]).toMatch(
      /which my-app-\S+, my-app-\S+ do not declare: those Pods get no traffic on this port/,
    );
  });

  it('Pods that are all not ready', () => {
    const faults = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  pods:\n  - {workload: Deployment/my-app, index: 0, ready: false}\n  - {workload: Deployment/my-app, index: 1, ready: false}\n---\n`;
    expect(
      warnings(
        faults +
          myApp +
          svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n'),
      ),
    ).toEqual([
      'Service my-service selects 2 Pods, but none is ready: kube-proxy rejects connections to it until one is',
    ]);
  });

  it('a NodePort on a node whose kube-proxy is stopped', () => {
    const stopped =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  nodes:\n  - {name: node-1, kubeProxy: Stopped}\n  - {name: node-2}\n---\n';
    expect(
      warnings(
        stopped +
          myApp +
          svc(
            '  type: NodePort\n  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]\n',
          ),
      ),
    ).toEqual([
      'kube-proxy is stopped on node-1: the NodePort of Service my-service (30080) is not open there, and its ClusterIP is not routed from that node',
    ]);
  });

  it('nothing for a Service that routes', () => {
    expect(
      warnings(myApp + svc('  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n')),
    ).toEqual([]);
  });
});
