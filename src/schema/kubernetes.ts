// Builds the JSON Schema the editor validates and completes against, at build
// time, from kubernetes-types' declarations and, for Gateway API's kinds,
// @kubernetes-models/gateway-api's (their doc comments are the APIs' own field
// descriptions, shown on hover). Only the kinds the engine understands are
// included, plus the engine's own Cluster and Answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { gatewayKinds, standardChannelLacks } from './gateway-api.ts';

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
  ...gatewayKinds,
];

interface Module {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
  /** Imported name -> where it is declared, e.g. ObjectMeta -> meta/v1, ObjectMeta. */
  imports: Map<string, { path: string; name: string }>;
}

const require = createRequire(import.meta.url);
const packageRoot = (name: string) => dirname(require.resolve(`${name}/package.json`));
const modules = new Map<string, Module>();

/**
 * A module is a file of kubernetes-types ("core/v1", every kind of an API
 * group version in one file) or of a kubernetes-models package
 * ("@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute", one
 * type a file, declared as IHTTPRoute and imported by its long name,
 * IIoK8sSigsGatewayApiApisV1HTTPRoute): both are read as kubernetes-types'
 * files are, the type by its short name.
 */
function moduleAt(path: string): Module {
  const known = modules.get(path);
  if (known) return known;
  const models = path.startsWith('@kubernetes-models/');
  const [scope = '', name = '', ...rest] = path.split('/');
  const location = models
    ? join(packageRoot(`${scope}/${name}`), `${rest.join('/')}.d.ts`)
    : join(packageRoot('kubernetes-types'), `${path}.d.ts`);
  const text = readFileSync(location, 'utf8');
  const file = ts.createSourceFile(location, text, ts.ScriptTarget.Latest, true);
  const mod: Module = { interfaces: new Map(), aliases: new Map(), imports: new Map() };
  // A kubernetes-models file's one type is I<file name>; the rest (its class, aliases of it) are the runtime's.
  const short = posix.basename(path);
  const named = (declared: string) => (!models ? declared : declared === `I${short}` ? short : '');
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) && named(statement.name.text))
      mod.interfaces.set(named(statement.name.text), statement);
    else if (ts.isTypeAliasDeclaration(statement) && named(statement.name.text))
      mod.aliases.set(named(statement.name.text), statement);
    else if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      const from = importedFrom(path, statement.moduleSpecifier.text);
      if (!from) continue;
      for (const element of statement.importClause.namedBindings.elements)
        mod.imports.set(element.name.text, {
          path: from.path,
          name: from.name ?? element.name.text,
        });
    }
  }
  modules.set(path, mod);
  return mod;
}

/**
 * Where an import's names are declared: a relative file ("../meta/v1", or
 * "./HTTPRouteSpec.js" and the one type it holds), or apimachinery's types,
 * which kubernetes-models publishes on their own and kubernetes-types already
 * declares (so ObjectMeta is one definition for every kind).
 * @kubernetes-models/base is the models' runtime (TypeMeta, Model), no part of
 * the API: undefined.
 */
function importedFrom(
  path: string,
  specifier: string,
): { path: string; name?: string } | undefined {
  const models = path.startsWith('@kubernetes-models/');
  if (specifier.startsWith('.')) {
    const target = posix.join(posix.dirname(path), specifier.replace(/\.js$/, ''));
    return models ? { path: target, name: posix.basename(target) } : { path: target };
  }
  const meta = '@kubernetes-models/apimachinery/apis/meta/v1/';
  if (specifier.startsWith(meta)) return { path: 'meta/v1', name: specifier.slice(meta.length) };
  return undefined;
}

/** The key of a type in the schema's definitions: core.v1.Service, gateway.networking.k8s.io.v1.HTTPRoute. */
export function definitionKey(path: string, name: string): string {
  if (path.startsWith('@kubernetes-models/'))
    return `${posix.dirname(path).split('/').slice(2).join('.')}.${name}`;
  return `${path.replace('/', '.')}.${name}`;
}

/**
 * Gateway API's markers in its doc comments, dropped as its CRD generator drops
 * them for the standard channel: what is said of the experimental channel only
 * or kept out of CRDs, and the validation markers, each a line of its own.
 */
const markers =
  /<gateway:(experimental:description|util:excludeFromCRD)>[\s\S]*?<\/gateway:\1>|^<gateway:.*$/gm;

function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
    .join('\n')
    .replace(markers, '')
    // kubernetes-models escapes each * (so that no */ ends its comment early).
    .replace(/\\\*/g, '*')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || undefined;
}

function withDoc(schema: Schema, doc: string | undefined): Schema {
  return doc ? { ...schema, description: doc } : schema;
}

// size: one recursive walk over the declarations, its closures sharing the definitions table; split, they would pass it round.
export function kubernetesSchema(which: readonly [string, string, string][] = kinds): Schema {
  const definitions: Record<string, Schema> = {};

  const reference = (path: string, name: string): Schema => {
    const mod = moduleAt(path);
    const imported = mod.imports.get(name);
    if (imported && !mod.interfaces.has(name) && !mod.aliases.has(name))
      return reference(imported.path, imported.name);
    const alias = mod.aliases.get(name);
    if (alias) return withDoc(typeSchema(path, alias.type), docOf(alias));
    const key = definitionKey(path, name);
    if (!definitions[key]) {
      definitions[key] = {};
      const declaration = mod.interfaces.get(name);
      if (!declaration) throw new Error(`no ${name} in ${path}`);
      definitions[key] = interfaceSchema(path, declaration, key);
    }
    return { $ref: `#/definitions/${key}` };
  };

  const literal = (type: ts.TypeNode): string | number | undefined => {
    if (!ts.isLiteralTypeNode(type)) return undefined;
    if (ts.isStringLiteral(type.literal)) return type.literal.text;
    if (ts.isNumericLiteral(type.literal)) return Number(type.literal.text);
    return undefined;
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
    const value = literal(type);
    if (value !== undefined) return { type: typeof value, enum: [value] };
    if (ts.isUnionTypeNode(type)) {
      // "Exact" | "PathPrefix", 301 | 302: an enum of one type.
      const values = type.types.map(literal);
      const kinds = new Set(values.map((v) => typeof v));
      if (kinds.size === 1 && !kinds.has('undefined'))
        return { type: typeof values[0], enum: values };
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

  /** Its own fields and those of the interfaces it extends (Go's embedded structs), less the ones the served API lacks. */
  const members = (
    path: string,
    declaration: ts.InterfaceDeclaration,
    key: string,
  ): { path: string; member: ts.PropertySignature; name: string }[] => {
    const inherited = (declaration.heritageClauses ?? []).flatMap((clause) =>
      clause.types.flatMap((base) => {
        // Not imported from a module of types: kubernetes-models' TypeMeta (apiVersion and
        // kind, which each kind declares itself).
        const from = moduleAt(path).imports.get(base.expression.getText());
        if (!from) return [];
        const declared = moduleAt(from.path).interfaces.get(from.name);
        if (!declared) throw new Error(`no ${from.name} in ${from.path}`);
        return members(from.path, declared, definitionKey(from.path, from.name));
      }),
    );
    const lacks = standardChannelLacks[key] ?? [];
    const own = declaration.members
      .filter(ts.isPropertySignature)
      .map((member) => ({ path, member, name: propertyName(member.name) }))
      .filter(({ name }) => !lacks.includes(name));
    return [...inherited, ...own];
  };

  const interfaceSchema = (
    path: string,
    declaration: ts.InterfaceDeclaration,
    key: string,
  ): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const { path: at, member, name } of members(path, declaration, key)) {
      if (!member.type) continue;
      properties[name] = withDoc(typeSchema(at, member.type), docOf(member));
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

/** kubernetes-types names a field bare (port), kubernetes-models quoted ("port"). */
function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
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
        gatewayController: { enum: ['envoy-gateway', 'none'] },
        kubeProxyMode: { enum: ['iptables', 'nftables'] },
        networkPolicy: { enum: ['enforced', 'ignored'] },
        pods: { type: 'array', items: { type: 'object' } },
      },
    },
  },
  additionalProperties: false,
};
