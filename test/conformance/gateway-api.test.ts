// The Gateway API conformance suite (kubernetes-sigs/gateway-api
// conformance/tests, v1.6.1), HTTPRoute and HTTP Gateway tests in Core and the
// Extended features Envoy Gateway claims, transcribed into fixtures (one per
// test, named by its ShortName; fixtures/gateway-api/README.md). Each runs
// against the engine with Envoy Gateway as the controller: the status upstream
// asserts, then each request and what upstream's CompareRoundTrip checks.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/engine/index.ts';
import {
  type Case,
  Cluster,
  fixtures,
  judge,
  judgeStatus,
  judgeWeights,
  runSetup,
  type StatusCheck,
  send,
} from '../support/gateway-conformance.ts';

function checkStatus(model: Model, checks: StatusCheck[] | undefined): string[] {
  return (checks ?? []).flatMap((c) =>
    judgeStatus(model, c).map((w) => `${c.kind} ${c.namespace ?? ''}/${c.name}: ${w}`),
  );
}

function checkCases(model: Model, cases: Case[] | undefined): string[] {
  return (cases ?? []).flatMap((c, i) => {
    const label = `case ${i} ${c.request.method ?? 'GET'} ${c.request.host ?? ''}${c.request.path}`;
    if (c.expect.weights) return judgeWeights(model, c).map((w) => `${label}: ${w}`);
    const result = send(model, c);
    if (typeof result === 'string') return [`${label}: ${result}`];
    return judge(c, result).map((w) => `${label}: ${w}`);
  });
}

describe('Gateway API conformance (HTTPRoute, Envoy Gateway)', () => {
  for (const fixture of fixtures()) {
    it(`${fixture.shortName} (${fixture.source})`, () => {
      const cluster = new Cluster(fixture.manifests);
      let model = cluster.model();
      const errors = model.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.object}: ${d.message}`)).toEqual([]);
      const failures = checkStatus(model, fixture.status);
      if (fixture.setup) {
        runSetup(cluster, fixture.setup);
        model = cluster.model();
      }
      failures.push(...checkCases(model, fixture.cases));
      for (const step of fixture.steps ?? []) {
        if (step.apply) cluster.apply(step.apply);
        for (const d of step.delete ?? []) cluster.delete(d.kind, d.name, d.namespace);
        model = cluster.model();
        failures.push(...checkStatus(model, step.status), ...checkCases(model, step.cases));
      }
      expect(failures).toEqual([]);
    });
  }
});
