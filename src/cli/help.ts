// The text of routelab --help and of each command's --help.
import { locales } from '../i18n/locales.ts';

const langs = locales.join('|');

export const help: Record<string, string> = {
  routelab: `routelab: how a request reaches a Pod, simulated.

usage:
  routelab validate FILE... [--json]
  routelab trace    FILE... --to TARGET [--from SOURCE] [--count N] [--seed S]
                            [--resolve HOST:IP]... [--header 'Name: value']... [--method M] [--json]
  routelab get      FILE... [KIND[,KIND...][/NAME] [NAME...]] [-o wide|yaml|json|name] [-n NS] [--json]
  routelab describe FILE... KIND NAME [-n NS]
  routelab iptables FILE... --node NODE [--format restore|save]
  routelab nftables FILE... --node NODE
  routelab grade    EXERCISE SUBMISSION... [--format text|json|junit|csv] [--lang ${langs}]
  routelab grade    --course PROGRESS...    (a class's gradebook from its progress files)
  routelab exercises [--json] [--lang ${langs}]

FILE is a YAML file, a directory of them, or - for standard input.
Run "routelab COMMAND --help" for one command.`,
  validate: `usage: routelab validate FILE... [--json]

Applies the manifests as kube-apiserver would and prints what it would refuse
(with its own messages), plus warnings for what it accepts but breaks routing.
Exit 0 when valid, 1 when not.`,
  trace: `usage: routelab trace FILE... --to TARGET [--from SOURCE] [--count N] [--seed S]
                      [--resolve HOST:IP]... [--header 'Name: value']... [--method M] [--json]

TARGET  http://host[:port]/path, https://..., or IP:PORT
SOURCE  external (default), pod/NAME, pod/NAMESPACE/NAME, deployment/NAME, node/NAME
--count N      send N requests and report how they spread (default 1)
--seed S       repeat the same random choices (default 1)
--resolve H:IP resolve host H to IP for this request, like curl's --resolve
--exercise ID  run on that exercise's cluster (as routelab grade does)
--timeout S    stop after S seconds (default 30): a use-regex path can take that long
Exit 0 when the request is delivered, 1 when it is not, 2 when it could not run.`,
  get: `usage: routelab get FILE... [KIND[,KIND...] [NAME...] | KIND/NAME...]
                    [-o wide|yaml|json|name] [-n NAMESPACE | -A] [--json]

Prints the cluster as kubectl get prints it. KIND takes kubectl's names: plural,
singular, short name or kind, with or without its group (svc, po, no, ns, deploy,
ing, ingressclass, endpointslices, deployments.apps, gtw, gc, httproutes,
refgrant, all...). Without KIND: nodes,
pods, deployments, services, endpointslices, ingresses and ingressclasses.
Without -n, every namespace (as -A); a NAME is looked up in default, or in -n's.
-o  wide (the default: the table with kubectl's -o wide columns), yaml, json,
    name (kind.group/name); --json prints a v1 List of the objects.
Exit 0; 1 when a NAME or KIND is not found (kubectl's own error line).`,
  describe: `usage: routelab describe FILE... KIND [NAME] [-n NAMESPACE | -A]

Prints what kubectl describe prints for a Node, Pod, Service, Ingress,
IngressClass, EndpointSlice or Namespace, and for Gateway API's GatewayClass,
Gateway, HTTPRoute and ReferenceGrant as kubectl describes a custom resource (KIND as routelab get takes it;
KIND/NAME works too). A NAME that matches no object describes those whose name
begins with it. Without NAME, every object of KIND in the namespace (default,
-n's, or every one with -A). The simulation keeps no events: each description
ends with "Events: <none>".
Exit 0; 1 when the NAME or KIND is not found (kubectl's own error line).`,
  iptables: `usage: routelab iptables FILE... --node NODE [--format restore|save]

Prints the filter and nat rules kube-proxy (iptables mode) writes on NODE: as
its iptables-restore input (restore, the default), or as iptables-save prints
them back on the node (save: /32, iptables' option order, --set-xmark...),
even when the cluster runs nftables mode (spec.kubeProxyMode): a note says so.`,
  nftables: `usage: routelab nftables FILE... --node NODE

Prints the ip kube-proxy table kube-proxy (nftables mode) writes on NODE as its
tests dump it (add table/chain/rule/set/map/element; chains, sets and maps by
name), even when the cluster runs iptables mode: a note says so.`,
  grade: `usage: routelab grade EXERCISE SUBMISSION... [--format text|json|junit|csv] [--lang ${langs}]
                      [--timeout SECONDS] [--seed S | --learner NAME]

SUBMISSION is a YAML file (one submission), or a directory: each YAML file in it
is one submission, each sub-directory (all the YAML inside) is one submission.
Each is read and graded on its own thread with a time limit (default 20 s); one
that cannot be read or graded fails with a reason and the others go on. Only
regular files are read; a symbolic link only when it leads to a regular file
inside the graded folder (any other link is a failed row that says where it
leads). Dotfiles, macOS ._* sidecars, __MACOSX/ and files that are not .yaml or
.yml are not graded, and the report lists them as ignored.
--format  text (default), json (routelab.dev/grade/v1), junit (XML), csv
--lang    the language of the check messages (default en)
--seed    grade against the variant this seed gives (a progress file's "seed");
--learner the same from the name or id the learner gave the progress page
Exit 0 when every submission passed, 1 when some failed.
With --course, each PROGRESS is a learner's exported progress file (or a folder
of them): every exercise graded for every learner, one row each (csv: a column
per exercise, its checks passed; json: routelab.dev/gradebook/v1).`,
  exercises: `usage: routelab exercises [--json] [--lang ${langs}]

Lists the course's exercises: id, chapter and title.`,
};
