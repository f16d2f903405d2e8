// The placeholders a check's request is filled with. A task that names no
// Service ("a Service of type LoadBalancer", "set externalTrafficPolicy to
// Local") is checked through whichever Service selects the app, so a right
// answer under any name passes; a task that names one is checked through it.
import { describe, expect, it } from 'vitest';
import { fill, Unfillable } from '../../src/course/exercises/placeholders.ts';
import type { Model } from '../../src/engine/index.ts';
import { model, myApp, service } from '../support/engine.ts';

function serviceNamed(m: Model, name: string) {
  const found = m.services.find((s) => s.metadata.name === name);
  if (!found) throw new Error(`the test's model has no Service ${name}`);
  return found;
}

/** The reasons, in both languages, of a placeholder that cannot be filled. */
function reasons(text: string, m: Model): { en: string; ja: string } {
  try {
    fill(text, m);
  } catch (error) {
    if (error instanceof Unfillable) return error.reason;
    throw error;
  }
  throw new Error(`${text} was filled`);
}

const lb = (name: string, port: number, extra = '') =>
  service(
    `type: LoadBalancer\n${extra}selector:\n  app: my-app\nports:\n- port: ${port}\n  targetPort: 8080`,
    name,
  );

describe('{lbIPSelecting:APP}', () => {
  it('is the address of a LoadBalancer Service selecting the app, whatever its name', () => {
    const m = model(`${myApp}---\n${lb('web', 80)}`);
    expect(fill('http://{lbIPSelecting:my-app}/', m)).toBe(
      `http://${serviceNamed(m, 'web').loadBalancerIngress[0]}/`,
    );
  });

  it('prefers the Service with port 80 when two select the app', () => {
    const m = model(`${myApp}---\n${lb('a', 8080)}---\n${lb('b', 80)}`);
    const b = serviceNamed(m, 'b').loadBalancerIngress[0];
    expect(b).toBeTruthy();
    expect(fill('{lbIPSelecting:my-app}', m)).toBe(b);
  });

  it('says which Services select the app when none is of type LoadBalancer', () => {
    const m = model(
      `${myApp}---\n${service('type: NodePort\nselector:\n  app: my-app\nports:\n- port: 80', 'web')}`,
    );
    const why = reasons('{lbIPSelecting:my-app}', m);
    expect(why.en).toBe(
      'no Service of type LoadBalancer selects the Pods labelled app=my-app (web is of type NodePort)',
    );
    expect(why.ja).toContain('web の type は NodePort です');
  });

  it('does not count a LoadBalancer Service in another namespace', () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n';
    const elsewhere = lb('web', 80).replace('  name: web', '  name: web\n  namespace: other');
    const m = model(`${namespace}---\n${myApp}---\n${elsewhere}`);
    expect(m.services.some((s) => s.metadata.namespace === 'other')).toBe(true);
    expect(reasons('{lbIPSelecting:my-app}', m).en).toContain('(no Service selects them at all)');
  });

  it('says the address is pending on a cluster without a load-balancer provider', () => {
    const cluster =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  loadBalancer: none\n';
    const why = reasons(
      '{lbIPSelecting:my-app}',
      model(`${cluster}---\n${myApp}---\n${lb('web', 80)}`),
    );
    expect(why.en).toBe('Service web has no load-balancer address (its EXTERNAL-IP is <pending>)');
  });
});

describe('{nodePortSelecting:APP}', () => {
  it('is the NodePort of a Service selecting the app, whatever its name and number', () => {
    const m = model(
      `${myApp}---\n${service('type: NodePort\nselector:\n  app: my-app\nports:\n- port: 80\n  targetPort: 8080\n  nodePort: 31234', 'web')}`,
    );
    expect(fill('{nodePortSelecting:my-app}', m)).toBe('31234');
  });

  it('takes the one with externalTrafficPolicy Local first, and a LoadBalancer Service counts', () => {
    const m = model(
      `${myApp}---\n${lb('a', 80)}---\n${lb('b', 80, 'externalTrafficPolicy: Local\n')}`,
    );
    expect(fill('{nodePortSelecting:my-app}', m)).toBe(
      String(serviceNamed(m, 'b').ports[0]?.nodePort),
    );
  });

  it('refuses when only a ClusterIP Service selects the app', () => {
    const m = model(
      `${myApp}---\n${service('selector:\n  app: my-app\nports:\n- port: 80', 'web')}`,
    );
    expect(reasons('{nodePortSelecting:my-app}', m).en).toBe(
      'no Service of type NodePort or LoadBalancer selects the Pods labelled app=my-app (web is of type ClusterIP)',
    );
  });
});

describe('{nodeIPWith:APP} and {nodeIPWithout:APP}', () => {
  const m = model(myApp);
  const hosting = new Set(
    m.pods.filter((p) => p.metadata.labels.app === 'my-app').map((p) => p.nodeName),
  );
  const ipOf = (ip: string) => m.nodes.find((n) => n.internalIP === ip)?.name ?? '';

  it('are a node that runs a Pod of the app, and one that runs none', () => {
    expect(hosting.has(ipOf(fill('{nodeIPWith:my-app}', m)))).toBe(true);
    expect(ipOf(fill('{nodeIPWithout:my-app}', m))).not.toBe('');
    expect(hosting.has(ipOf(fill('{nodeIPWithout:my-app}', m)))).toBe(false);
  });

  it('refuses an app no node runs', () => {
    expect(reasons('{nodeIPWith:other}', m).en).toBe('no node runs a ready Pod labelled app=other');
  });
});

describe('{nodePort:SVC} (a Service the task names)', () => {
  it('is that Service’s NodePort, and says so when the Service is missing or has none', () => {
    const m = model(
      `${myApp}---\n${service('type: NodePort\nselector:\n  app: my-app\nports:\n- port: 80\n  nodePort: 30080')}---\n${service('selector:\n  app: my-app\nports:\n- port: 80', 'inside')}`,
    );
    expect(fill('{nodePort:my-service}', m)).toBe('30080');
    expect(reasons('{nodePort:web}', m).en).toBe('there is no Service web');
    expect(reasons('{nodePort:inside}', m).en).toBe(
      'Service inside has no NodePort (its type is ClusterIP)',
    );
  });
});
