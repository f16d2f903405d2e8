// Builds the JSON Schema the editor validates and completes against, at build
// time, from kubernetes-types' declarations (their doc comments are the
// Kubernetes API's own field descriptions, shown on hover). Only the kinds the
// engine understands are included, plus the engine's own Cluster and Answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

type Schema = Record<string, unknown>;

/** apiVersion, kind and the declaration file (module) that holds the kind. */
export const kinds: [string, string, string][] = [
  ['v1', 'Pod', 'core/v1'],
  ['v1', 'Service', 'core/v1'],
  ['v1', 'Secret', 'core/v1'],
  ['v1', 'Namespace', 'core/v1'],
  ['v1', 'Endpoints', 'core/v1'],
  ['v1', 'Node', 'core/v1'],
  ['apps/v1', 'Deployment', 'apps/v1'],
  ['apps/v1', 'ReplicaSet', 'apps/v1'],
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['apps/v1', 'DaemonSet', 'apps/v1'],
  ['networking.k8s.io/v1', 'Ingress', 'networking/v1'],
  ['networking.k8s.io/v1', 'IngressClass', 'networking/v1'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networking/v1'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery/v1'],
];

interface Module {
  file: ts.SourceFile;
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
  /** Imported name -> module path, e.g. ObjectMeta -> meta/v1. */
  imports: Map<string, string>;
}

const root = dirname(createRequire(import.meta.url).resolve('kubernetes-types/package.json'));
const modules = new Map<string, Module>();

function moduleAt(path: string): Module {
  const known = modules.get(path);
  if (known) return known;
  const text = readFileSync(join(root, `${path}.d.ts`), 'utf8');
  const file = ts.createSourceFile(`${path}.d.ts`, text, ts.ScriptTarget.Latest, true);
  const mod: Module = { file, interfaces: new Map(), aliases: new Map(), imports: new Map() };
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) mod.interfaces.set(statement.name.text, statement);
    else if (ts.isTypeAliasDeclaration(statement)) mod.aliases.set(statement.name.text, statement);
    else if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      const target = join(dirname(path), statement.moduleSpecifier.text);
      for (const element of statement.importClause.namedBindings.elements)
        mod.imports.set(element.name.text, target);
    }
  }
  modules.set(path, mod);
  return mod;
}

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
    .join('\n')
    .trim();
  return text || undefined;
}

function withDoc(schema: Schema, doc: string | undefined): Schema {
  return doc ? { ...schema, description: doc } : schema;
}

// size: one recursive walk over kubernetes-types, its closures sharing the definitions table; split, they would pass it round.
export function kubernetesSchema(which: readonly [string, string, string][] = kinds): Schema {
  const definitions: Record<string, Schema> = {};

  const reference = (path: string, name: string): Schema => {
    const mod = moduleAt(path);
    const imported = mod.imports.get(name);
    if (imported && !mod.interfaces.has(name) && !mod.aliases.has(name))
      return reference(imported, name);
    const alias = mod.aliases.get(name);
    if (alias) return withDoc(typeSchema(path, alias.type), docOf(alias));
    const key = `${path.replace('/', '.')}.${name}`;
    if (!definitions[key]) {
      definitions[key] = {};
      const declaration = mod.interfaces.get(name);
      if (!declaration) throw new Error(`kubernetes-types: no ${name} in ${path}`);
      definitions[key] = interfaceSchema(path, declaration);
    }
    return { $ref: `#/definitions/${key}` };
  };

  const typeSchema = (path: string, type: ts.TypeNode): Schema => {
    switch (type.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return {};
    }
    if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal))
      return { type: 'string', enum: [type.literal.text] };
    if (ts.isUnionTypeNode(type)) {
      // number | string is IntOrString: YAML writes it either way.
      return { anyOf: type.types.map((t) => typeSchema(path, t)) };
    }
    if (ts.isArrayTypeNode(type))
      return { type: 'array', items: typeSchema(path, type.elementType) };
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const name = type.typeName.text;
      if (name === 'Array' && type.typeArguments?.[0])
        return { type: 'array', items: typeSchema(path, type.typeArguments[0]) };
      return reference(path, name);
    }
    if (ts.isTypeLiteralNode(type)) {
      const index = type.members.find(ts.isIndexSignatureDeclaration);
      if (index?.type)
        return { type: 'object', additionalProperties: typeSchema(path, index.type) };
    }
    return {};
  };

  const interfaceSchema = (path: string, declaration: ts.InterfaceDeclaration): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = member.name.getText();
      properties[name] = withDoc(typeSchema(path, member.type), docOf(member));
      if (!member.questionToken) required.push(name);
    }
    return withDoc(
      {
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: false,
      },
      docOf(declaration),
    );
  };

  // oneOf, not if/then: yaml-language-server completes and validates by
  // choosing the branch whose apiVersion and kind match (its Kubernetes mode).
  const branches = which.map(([, kind, path]) => reference(path, kind));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifests Routelab understands',
    oneOf: [...branches, list, answers, cluster],
    definitions,
  };
}

/**
 * A v1 List or a typed list (ServiceList...), as `kubectl get -o yaml` writes
 * one: the engine reads each item as its own document (and checks its fields
 * strictly), so the editor asks only that items be objects.
 */
const list: Schema = {
  type: 'object',
  description: 'A list of objects, as kubectl get -o yaml writes it; each item is applied.',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string', pattern: 'List$' },
    metadata: { type: 'object' },
    items: { type: 'array', items: { type: 'object' } },
  },
  required: ['kind', 'items'],
  additionalProperties: false,
};

const answers: Schema = {
  type: 'object',
  description: 'Routelab: your answers to the exercise’s questions.',
  properties: {
    apiVersion: { const: 'routelab.dev/v1alpha1' },
    kind: { const: 'Answers' },
    answers: {
      type: 'object',
      description: 'One entry per question id.',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  },
  additionalProperties: false,
};

const cluster: Schema = {
  type: 'object',
  description:
    'Routelab: what real Kubernetes keeps outside YAML — the machines, the cloud, the state of each kube-proxy.',
  properties: {
    apiVersion: { const: 'routelab.dev/v1alpha1' },
    kind: { const: 'Cluster' },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        nodes: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: { type: 'string' },
              internalIP: { type: 'string' },
              podCIDR: { type: 'string' },
              kubeProxy: { enum: ['Running', 'Stopped'] },
              ready: { type: 'boolean' },
            },
          },
        },
        clusterCIDR: { type: 'string' },
        serviceCIDR: { type: 'string' },
        nodePortRange: { type: 'string' },
        loadBalancer: { enum: ['cloud', 'none'] },
        ingressController: { enum: ['ingress-nginx', 'none'] },
        ingressControllerService: { enum: ['LoadBalancer', 'NodePort', 'None'] },
        kubeProxyMode: { enum: ['iptables', 'nftables'] },
        networkPolicy: { enum: ['enforced', 'ignored'] },
        pods: { type: 'array', items: { type: 'object' } },
      },
    },
  },
  additionalProperties: false,
};
