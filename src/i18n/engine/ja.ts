// エンジンのメッセージの日本語。kube-proxy のルール、HTTP のステータス行、
// "connection refused" のように端末で目にする文字列は英語のまま引用する。
import type { LocationRef, MessageTable, PortRef, ServiceRef } from '../../engine/index.ts';
import { gatewayJa } from './gateway-ja.ts';
import { verbatim } from './verbatim.ts';

const ref = (s: ServiceRef) => `${s.namespace}/${s.name}`;
const kubeProxy = (running: boolean) =>
  running
    ? 'kube-proxy は動いています'
    : 'kube-proxy が止まっているので、このノードには Service のルールがありません';
const declaredPorts = (ports: number[]) => (ports.length > 0 ? ports.join(', ') : 'なし');
// Kubernetes では containerPort は情報にすぎない。Routelab の約束事として言う。
const convention = 'Routelab では、コンテナは宣言したポートで待ち受けるものとしています';
/** A Service's port and the particle after it: no space after a closing parenthesis. */
const port = (p: PortRef, particle: string) =>
  p.name ? `ポート ${p.name}（${p.port}）${particle}` : `ポート ${p.port} ${particle}`;
const fakeCertificate = (hosts: string[]) =>
  `ingress-nginx は ${hosts.length > 0 ? `${hosts.join('、')} ` : 'これらのホスト'}を自己署名の仮の証明書で提供するので、クライアントには証明書の警告が出ます`;
const routesNothing = 'この Ingress は何もルーティングしません';

function location(l: LocationRef): string {
  if (l.kind === 'ingress-default') return 'Ingress の defaultBackend';
  if (l.kind === 'default-backend') return 'デフォルトバックエンド';
  return `${l.pathType} ${l.path}`;
}

const policyList = (names: string[]) => `NetworkPolicy ${names.join('、')}`;
const direction = (d: 'Ingress' | 'Egress') =>
  d === 'Ingress' ? '受信（ingress）' : '送信（egress）';
const unavailable = `ingress-nginx は ${verbatim('503 Service Temporarily Unavailable')} を返します`;

export const ja: MessageTable = {
  ...gatewayJa,
  'outcome.delivered': () => '到達',
  'outcome.http-error': () => 'HTTP エラー',
  'outcome.refused': () => '接続拒否',
  'outcome.timeout': () => 'タイムアウト',
  'outcome.dns-error': () => '名前解決の失敗',
  'outcome.invalid': () => '適用不可',
  'request.invalid-manifests': () =>
    '適用できないマニフェストがあります。理由は診断メッセージを見てください',
  'request.bad-port': (p) => `${p.to} のポートが 1 から 65535 の範囲にありません`,
  'request.bad-target': (p) =>
    `「${p.to}」は URL（http://host[:port]/path）でも IP:PORT でもありません`,
  'request.no-node': (p) => `${p.name} という名前のノードはありません`,
  'request.unknown-source': (p) =>
    `送信元「${p.from}」がわかりません。external、pod/NAME、pod/NAMESPACE/NAME、deployment/NAME、node/NAME のどれかを使ってください`,
  'request.no-pod': (p) => `${p.from} に当てはまる実行中の Pod がありません`,
  'request.pod-pending': (p) =>
    `Pod ${p.pod} はどのノードでも動いていない（Pending）ので、リクエストを送れません`,

  'dns.failed': (p, r) => `${p.host}: ${r(p.reason)}`,
  'dns.forced': (p) => `${p.host} -> ${p.ip}（--resolve で指定）`,
  'dns.hosts-file': (p) => `${p.host} -> ${p.ip}（/etc/hosts）`,
  'dns.hosts-own': (p) =>
    `${p.host} -> ${p.ip}（/etc/hosts: kubelet が Pod 自身のホスト名をその Pod IP で書き込んでいます）`,
  'dns.hosts-alias': (p) => `${p.host} -> ${p.ip}（/etc/hosts: Pod の hostAliases の項目）`,
  'dns.cname-loop': (p) => `${p.host} は終わりのない CNAME の連鎖です`,
  'dns.cname-failed': (p, r) =>
    `${p.fqdn} は ${p.externalName} の CNAME（ExternalName の Service）で、${r(p.inner)}`,
  'dns.cname': (p) => `${p.host} -> CNAME ${p.externalName} -> ${p.ip}`,
  'dns.cname-in-zone': (p) =>
    `${p.host} -> CNAME ${p.externalName} -> ${p.ip}（クラスターのドメインの名前なので、クラスター DNS が同じ応答で Service ${p.service} のアドレスも返します）`,
  'dns.zone-no-record': (p) =>
    `${p.fqdn} はクラスターのドメインの名前ですが、クラスター DNS にそのレコードはありません（その名前の Service がありません）`,
  'dns.headless-empty': (p) =>
    `${p.fqdn} は Ready なエンドポイントのないヘッドレス Service なので、クラスター DNS は返すアドレスを持っていません`,
  'dns.headless': (p) =>
    `${p.host} -> ${p.ip}（ヘッドレス Service ${p.fqdn}: ${p.count} 個ある Pod のアドレスの 1 つ）`,
  'dns.cluster-ip': (p) => `${p.host} -> ${p.ip}（${p.fqdn}）`,
  'dns.endpoint': (p) =>
    `${p.host} -> ${p.ip}（${p.fqdn}: Service ${p.service} のエンドポイント ${p.endpoint}。1 つの Pod 自身の名前です）`,
  'dns.pod-not-found': (p, r) =>
    `${p.host} は名前解決できません。クラスター DNS にその名前の Service はなく、ほかの DNS レコードもありません${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'dns.cluster-name-outside': (p) =>
    `${p.host} はクラスター DNS の名前で、名前解決できるのは Pod だけです（クラスター DNS は ${p.clusterDNS}）。${p.from === 'node' ? 'ノード' : 'クラスターの外のクライアント'}からは引けません`,
  'dns.not-found': (p, r) =>
    `${p.host} は名前解決できません。DNS レコードがありません${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'dns.resolve-hint': (p) => `（--resolve ${p.host}:IP で与えられます）`,
  'dns.resolve-hint-page': (p) =>
    `（プレイグラウンドでは「ホスト名の解決先」で ${p.host} にアドレスを与えられます）`,
  'dns.node-resolver': (p) =>
    `${p.host} はクラスター DNS の名前ですが、この Pod はノードのリゾルバーに問い合わせるので引けません。ノードのリゾルバーはクラスターの名前を知りません（${p.because === 'Default' ? 'dnsPolicy が Default です' : 'hostNetwork の Pod の dnsPolicy ClusterFirst は Default として扱われます。ClusterFirstWithHostNet ならクラスター DNS を使います'}。クラスター DNS は ${p.clusterDNS}）`,
  'dns.nameserver-not-simulated': (p) =>
    `${p.host} は Pod の dnsConfig のネームサーバー ${p.nameserver} に問い合わせられます。クラスターのものではないこの DNS サーバーはシミュレートしていません（--resolve ${p.host}:IP で答えを与えられます）`,
  'dns.ingress-lb': (p) =>
    `${p.host} -> ${p.ip}（Ingress のホストの DNS レコードは、Ingress コントローラーのロードバランサーを指しています）`,
  'dns.ingress-nodeport': (p) =>
    `${p.host} -> ${p.ip}（Ingress コントローラーは NodePort で公開されているので、レコードはノードを指しています）`,
  'dns.ingress-no-address': (p) =>
    `Ingress が ${p.host} を挙げていますが、DNS レコードで指せる Ingress コントローラーの外向きのアドレスがありません（${p.why === 'pending' ? 'ロードバランサーが <pending> のままです' : p.why === 'no-controller' ? 'Ingress コントローラーが入っていません' : 'コントローラーを公開する Service がありません'}）`,

  'lb.no-healthy-node': (p) =>
    `ロードバランサー ${p.ip}:${p.port} には、転送先にできる正常なノードがありません`,
  'lb.no-nodeport': (p) =>
    `Service ${p.service} のロードバランサーには、転送先の NodePort がありません`,
  'lb.no-healthy-reason': (p) =>
    `Service ${p.service} のロードバランサーは正常なノードを見つけられず（${p.local ? 'externalTrafficPolicy が Local で、Ready な Pod が動いているノードがありません' : 'Ready で kube-proxy が動いているノードがありません'}）、接続を捨てます`,
  'lb.source-range-hop': (p) =>
    `ロードバランサー ${p.ip}:${p.port} のクラウドプロバイダーのファイアウォールが ${p.client} からのパケットを捨てます。通すのは Service の loadBalancerSourceRanges（${p.ranges.join(', ')}）だけです`,
  'lb.source-range-reason': (p) =>
    `Service ${ref(p.service)} が受け付けるのは loadBalancerSourceRanges（${p.ranges.join(', ')}）からのクライアントだけで、${p.client} はそのどれにも入っていません。クラウドプロバイダーのファイアウォールが接続を捨てるので、クライアントはタイムアウトします`,
  'lb.forward': (p) =>
    `Service ${ref(p.service)} のクラウドのロードバランサーが、クライアントのアドレスを保ったまま ${p.node} の NodePort ${p.nodePort} へ転送します（${p.local ? 'ヘルスチェックに通るのは Ready な Pod が動いているノードだけです' : 'kube-proxy が動いているノードはどれもヘルスチェックに通ります'}）`,
  'unrouted.cluster-ip': (p) =>
    `${p.ip} は ClusterIP です。このアドレスを持つ機械はなく、知っているのはノードのルールだけなので、インターネットからの経路はありません`,
  'unrouted.pod-ip': (p) =>
    `${p.ip} は Pod のアドレスで、クラスターのネットワークの中でしかルーティングされません`,
  'unrouted.lb-port': (p) => `${p.ip} のロードバランサーはポート ${p.port} で待ち受けていません`,
  'unrouted.foreign': (p) => `${p.ip} にはこのクラスターのものが何もありません`,
  'unrouted.reason': (p, r) =>
    `${r(p.what)}。パケットは捨てられ、クライアントはタイムアウトするまで待ちます`,
  'node.arrive': (p) => `${p.node}（${p.ip}）に着きます。${kubeProxy(p.kubeProxyRunning)}`,
  'node.from-pod': (p) =>
    `Pod ${p.pod} から ${p.node} のネットワークスタックへ出ます。${kubeProxy(p.kubeProxyRunning)}`,
  'node.self': (p) => `${p.node} 自身が送ります。${kubeProxy(p.kubeProxyRunning)}`,
  'node.routed-in': (p) =>
    `${p.natted ? `${p.from} で ${p.node} 自身のアドレス ${p.ip} へ DNAT されたパケットが、${p.node} へルーティングされます。` : `${p.ip} は ${p.from} 自身のアドレスではないので ${p.from} のルールには当てはまらず、パケットはそのまま、このアドレスを持つ ${p.node} へルーティングされます。`}${kubeProxy(p.kubeProxyRunning)}`,

  'iptables.rule': (p) =>
    `${p.table} ${p.chain}: ${p.rule}${p.markedForSnat ? '（SNAT の印を付けます）' : ''}`,
  'iptables.rejected': (p) =>
    `${p.node} の kube-proxy のルールが拒否します。${p.service ? `Service ${ref(p.service)}` : 'Service'} には Ready なエンドポイントがないので、クライアントにはすぐに "connection refused" が返ります`,
  'iptables.dropped-no-local': (p) =>
    `${p.node} の kube-proxy のルールが filter ${p.chain}（"${p.comment}"）で捨てます。${p.policy} が Local で、${p.service ? `Service ${p.service}` : 'Service'} の Ready な Pod が ${p.node} で動いていないので、誰も応答せずクライアントはタイムアウトします`,
  'iptables.dropped-source-range': (p) =>
    `${p.node} の kube-proxy のルールが filter ${p.chain}（"${p.comment}"）で捨てます。送信元 ${p.source} は Service ${ref(p.service)} の loadBalancerSourceRanges（${p.ranges.join(', ')}）のどれにも入っていないので、誰も応答せずクライアントはタイムアウトします`,
  'iptables.dropped': (p) =>
    `${p.node} が filter ${p.chain}${p.comment ? `（"${p.comment}"）` : ''} で捨てます（${p.rule}）。誰も応答せずクライアントはタイムアウトします`,
  'nftables.rule': (p) =>
    `ip kube-proxy ${p.chain}: ${p.rule}${p.element ? `（要素 ${p.element} に一致）` : ''}${p.verdict ? ` → ${p.verdict}` : ''}`,
  'nftables.rejected': (p) =>
    `${p.node} の kube-proxy が${p.comment ? `「エンドポイントなし」の要素 "${p.comment}" で` : ''}拒否します。${p.service ? `Service ${ref(p.service)}` : 'Service'} には Ready なエンドポイントがないので、クライアントにはすぐに "connection refused" が返ります`,
  'nftables.rejected-port': (p) =>
    `${p.node} の kube-proxy が cluster-ips-check（"Reject traffic to invalid ports of ClusterIPs"）で拒否します。${p.ip} は ClusterIP ですが、その Service にポート ${p.port} はないので、クライアントにはすぐに "connection refused" が返ります`,
  'nftables.dropped-no-local': (p) =>
    `${p.node} の kube-proxy が${p.comment ? `「エンドポイントなし」の要素 "${p.comment}" で` : ''}捨てます。${p.policy} が Local で、${p.service ? `Service ${ref(p.service)}` : 'Service'} の Ready な Pod が ${p.node} で動いていないので、誰も応答せずクライアントはタイムアウトします`,
  'nftables.dropped-source-range': (p) =>
    `${p.node} の kube-proxy が ${p.chain} で捨てます。送信元 ${p.source} は Service ${ref(p.service)} の loadBalancerSourceRanges（${p.ranges.join(', ')}）のどれにも入っていないので、誰も応答せずクライアントはタイムアウトします`,
  'nftables.dropped-unallocated': (p) =>
    `${p.node} の kube-proxy が cluster-ips-check（"Drop traffic to unallocated ClusterIPs"）で捨てます。${p.ip} は Service CIDR の中のアドレスですが、どの Service にも割り当てられていないので、誰も応答せずクライアントはタイムアウトします`,
  'nftables.dropped': (p) =>
    p.rejected
      ? `${p.node} の kube-proxy が ${p.chain} で拒否します（${p.rule}）。クライアントにはすぐに "connection refused" が返ります`
      : `${p.node} の kube-proxy が ${p.chain} で捨てます（${p.rule}）。誰も応答せずクライアントはタイムアウトします`,
  'nftables.no-localhost-nodeport': (p) =>
    `nftables モードの kube-proxy は NodePort を ${p.node} 自身の IP（--nodeport-addresses の "primary"）でしか受け付けず、localhost では受け付けません。ポート ${p.port} で待ち受けるものもほかにないので、ノードがリセットを返します（connection refused）`,
  'cni.hostport-dnat': (p) =>
    `${p.node} の CNI portmap プラグインのルール（nat CNI-HOSTPORT-DNAT から Pod ごとの CNI-DN- チェーン）が、hostPort ${p.hostPort} を Pod ${p.pod} の ${p.podIP}:${p.containerPort} へ送ります${p.masquerade ? '（Pod のサブネットか localhost からなので、CNI-HOSTPORT-MASQ で送信元を書き換える印を付けます）' : ''}`,
  'node.refused-stopped': (p) =>
    `${p.node} の kube-proxy が止まっていて、ポート ${p.port} を扱うものがないので、ノードのカーネルがリセットを返します（connection refused）`,
  'node.refused-closed': (p) =>
    `${p.node} ではポート ${p.port} で待ち受けるものも、それを使う NodePort もないので、ノードがリセットを返します（connection refused）`,
  'nowhere.kube-proxy-stopped': (p) =>
    `${p.node} の kube-proxy が止まっているので、ClusterIP ${p.ip} を書き換えるルールがありません`,
  'nowhere.no-such-port': (p) =>
    `${p.node} には ${p.ip}:${p.port} に当てはまるルールがありません（Service にそのポートがありません）`,
  'nowhere.not-a-pod': (p) => `${p.ip} はどの Pod のアドレスでもありません`,
  'nowhere.hop': (p, r) =>
    `${r(p.why)}。パケットはデフォルトルートに従って出ていき、誰も応答しません`,
  'nowhere.reason': (p, r) =>
    `${r(p.why)}。パケットはデフォルトルートから出ていき、クライアントはタイムアウトします`,

  'pod-network.to-node': (p) =>
    `Pod ネットワークで ${p.from} から ${p.to} へ運ばれます（Pod ${p.podIP}）`,
  'pod-network.within-node': (p) => `${p.node} の中で Pod ${p.podIP} に届きます`,
  'pod.nothing-listens': (p) =>
    `${p.port} 番を宣言したコンテナがありません（宣言されたポート: ${declaredPorts(p.declared)}）。${convention}。そのため Pod はリセットを返します`,
  'pod.refused-reason': (p) =>
    `リクエストは Pod ${p.pod} のポート ${p.port} に届きましたが、そのポートを宣言したコンテナがありません（containerPort: ${declaredPorts(p.declared)}）。${convention}。そのため connection refused になります`,
  'pod.loopback': (p) =>
    `${p.ip} は Pod ${p.pod} 自身のネットワーク名前空間のループバックです。パケットは Pod の外へ出ず、ノードではなくこの Pod のコンテナに届きます`,
  'pod.accepts': (p) =>
    `コンテナ ${p.container} が ${p.port} 番で接続を受け付けます${p.http ? '。200 を返します' : ''}`,
  'pod.delivered-reason': (p) =>
    `${p.node} の Pod ${p.pod} がポート ${p.port} で接続を受け付けました。クライアントは ${p.source} に見えています`,

  'netpol.dropped': (p) =>
    p.direction === 'Ingress'
      ? `${policyList(p.policies)} が Pod ${p.namespace}/${p.pod} の受信（ingress）を制限していて、${p.peerPod ? `Pod ${p.peerPod}（${p.peer}）` : p.peer} から ${p.protocol} ポート ${p.port} への通信を許す ingress ルールがありません。CNI がパケットを捨てます`
      : `${policyList(p.policies)} が Pod ${p.namespace}/${p.pod} の送信（egress）を制限していて、${p.peerPod ? `Pod ${p.peerPod}（${p.peer}）` : p.peer} の ${p.protocol} ポート ${p.port} への通信を許す egress ルールがありません。CNI がパケットを捨てます`,
  'netpol.dropped-reason': (p) =>
    `${policyList(p.policies)} が Pod ${p.namespace}/${p.pod} の${direction(p.direction)}を制限していて、この接続を許すルールがどれにもありません。CNI がパケットを捨てるので、クライアントはタイムアウトします`,
  'netpol.allowed': (p) =>
    `NetworkPolicy ${p.namespace}/${p.policy} のルール（spec.${p.direction === 'Ingress' ? 'ingress' : 'egress'}[${p.rule}]）が Pod ${p.pod} のこの${direction(p.direction)}を許します`,
  'netpol.dns-dropped': (p) =>
    `${policyList(p.policies)} が Pod ${p.namespace}/${p.pod} の送信（egress）を制限していて、クラスター DNS の Pod（kube-system の k8s-app=kube-dns）への UDP ポート 53 を許すルールがありません。${p.clusterDNS} への問い合わせは捨てられ、名前解決はタイムアウトします`,
  'netpol.gateway-timeout': (p, r) =>
    `ingress-nginx から ${p.timedOut.join('、')} への接続がタイムアウトしました（${r(p.why)}）。そのため ingress-nginx は ${verbatim('504 Gateway Time-out')} を返します`,

  'certificate.no-tls': (p) => `${p.host ?? 'このホスト'}を tls に挙げている Ingress がありません`,
  'certificate.no-secret-name': (p) =>
    `Ingress ${p.ingress} は secretName なしでホストを tls に挙げています`,
  'certificate.tls-without-rule': (p) =>
    `Ingress ${p.ingress} は ${p.host} を tls に挙げていますが、そのルールは ${p.host} を指定していません。ingress-nginx はホストの証明書を、ルールでそのホストを指定している Ingress からしか取りません`,
  'certificate.host-not-listed': (p) =>
    `${p.host} の server を作った Ingress ${p.ingress} の tls には ${p.host} がありません。実際の ingress-nginx は、その tls の証明書のうち名前が ${p.host} に合うものがあればそれを使います（Routelab は証明書の中身を読まないので、この場合は扱いません）`,
  'certificate.secret-missing': (p) => `Secret ${p.secret} がNamespace ${p.namespace} にありません`,
  'certificate.secret-keys': (p) =>
    `Secret ${p.secret} には ${p.missing.join(' と ')} のキーがなく、証明書と鍵の組がありません`,
  'certificate.from-secret': (p) => `Secret ${p.namespace}/${p.secret} の証明書`,
  'tls.terminated': (p, r) =>
    `${p.host} の TLS を ${r(p.certificate)}で終端します（SNI で選ばれます）`,
  'tls.fake-certificate': (p, r) =>
    `${r(p.why)}。そのため ${p.host} の TLS は ingress-nginx の自己署名証明書 ${verbatim('Kubernetes Ingress Controller Fake Certificate')} で終端されます。クライアントには証明書の警告が出ます`,
  'location.regex': (p) =>
    `${p.path} に当てはまる最初の正規表現の location（長いパスから順。同じ長さなら文字コードの大きい順）は ${p.nginx} です`,
  'location.exact': (p) => `${p.path} は Exact のパス ${p.exact} と一致します`,
  'location.prefix-equal': (p) =>
    `${p.path} は Prefix のパス ${p.prefix} と一致します（ingress-nginx の "= ${p.base}"）`,
  'location.longest-prefix': (p) => `${p.path} に当てはまるいちばん長い接頭辞は ${p.prefix} です`,
  'location.root-only': () => 'ルートの location だけが当てはまります',
  'ingress.route': (p, r) => {
    const others = p.others.map(location);
    const notMatched =
      others.length > 0 ? `。${others.join('、')} は ${p.path} に当てはまりません` : '';
    const answering = `${p.ingress ? `Ingress ${ref(p.ingress)} の ` : ''}${location(p.location)}`;
    return `Host ${p.host} -> server ${p.server ?? '_（キャッチオール: このホストを挙げるルールがありません）'}。${r(p.why)}。そのため ${answering} が応答します${notMatched}`;
  },
  'ingress.redirect': (p) =>
    `ingress-nginx は https://${p.host}${p.path} への 308 Permanent Redirect を返します。${p.tls ? `${p.host} には TLS が設定されています${p.force ? '（force-ssl-redirect）' : '（ssl-redirect は既定で有効です）'}` : `tls セクションに ${p.host} がなくても、force-ssl-redirect アノテーションが HTTPS へリダイレクトさせます`}`,
  'ingress.no-rule': (p) =>
    `ホスト ${p.host}・パス ${p.path} に当てはまる Ingress のルールがない${p.server ? `（server ${p.server} にそのための location がありません）` : ''}ので、ingress-nginx のデフォルトバックエンドが 404 Not Found を返します`,
  'ingress.no-service': (p) =>
    `ルールの送り先の Service ${ref(p.service)} が存在しないので、ingress-nginx には upstream がなく、${verbatim('503 Service Temporarily Unavailable')} を返します`,
  'ingress.no-port': (p) =>
    `ルールの送り先は Service ${p.service} のポート ${p.port} ですが、そのポートがないので、${unavailable}`,
  'ingress.external-name': (p) =>
    `Service ${ref(p.service)} は ExternalName 型なので、ingress-nginx は ${p.externalName}:${p.port} に、その名前を DNS で引いたアドレスへ転送します。Routelab はこの名前解決を再現しないので、リクエストはここから先をたどりません`,
  'ingress.external-name-local': (p) =>
    `Service ${ref(p.service)} は ExternalName 型で、名前 ${p.externalName} はローカルのアドレスです。ingress-nginx はこれを使わない（${verbatim('Invalid attempt to use localhost name')}）ので、upstream にエンドポイントがなく、${verbatim('503 Service Temporarily Unavailable')} を返します`,
  'ingress.no-endpoints': (p) =>
    `Service ${p.service} にはポート ${p.port} の Ready なエンドポイントがないので、${unavailable}`,
  'ingress.proxy': (p) =>
    `ingress-nginx は Service ${p.service} のエンドポイント ${p.ip}:${p.port} へ直接（ClusterIP を通さずに）プロキシします${p.toNode ? `。Pod ネットワークで ${p.toNode} へ運ばれます` : ''}`,
  'ingress.endpoint-refused': (p) =>
    `${p.port} 番で待ち受けるものがありません: connection refused${p.tryNext ? '。ingress-nginx は次のエンドポイントを試します' : ''}`,
  'ingress.endpoint-accepts': (p) =>
    `コンテナ ${p.container} が ${p.port} 番で受け付け、200 を返します（パス ${p.path}、X-Forwarded-For ${p.client}、X-Forwarded-Proto ${p.proto}）`,
  'ingress.delivered': (p) =>
    `Ingress ${p.ingress} が ${p.host}${p.path} を Service ${p.service} のポート ${p.port} へ送り、Pod ${p.pod} が応答しました${p.rewrittenTo ? `（パスは ${p.rewrittenTo} に書き換えられています）` : ''}`,
  'ingress.bad-gateway': (p) =>
    `ingress-nginx が試したエンドポイントはどれも接続を拒否しました（${p.refused.join('、')}）。Service の targetPort で待ち受けるものがないので、502 Bad Gateway を返します`,

  'warning.selector-other-namespace': (p) =>
    `Service ${p.service} は Namespace ${p.namespace} にありますが、ラベル ${p.selector} の Pod は ${p.podNamespaces.join('、')} にあります。Service が選ぶのは同じ Namespace の Pod だけなので、エンドポイントがありません`,
  'warning.no-endpoints': (p) =>
    `Service ${p.service} のセレクターは ${p.selector} ですが、Namespace ${p.namespace} にこのラベルの Pod がありません。エンドポイントがないので、この Service への接続は拒否されます`,
  'warning.none-ready': (p) =>
    `Service ${p.service} が選ぶ Pod は ${p.pods} 個ありますが、どれも Ready ではありません。どれかが Ready になるまで、kube-proxy はこの Service への接続を拒否します`,
  'warning.kube-proxy-stopped': (p) =>
    `${p.node} の kube-proxy が止まっているので、Service ${p.service} の NodePort（${p.nodePorts.join(', ')}）はこのノードでは開いておらず、このノードからは ClusterIP にも届きません`,
  'warning.named-port-missing': (p) =>
    `Service ${p.service} の${port(p.port, 'は')}「${p.targetPort}」という名前のポートに送りますが、その名前の ${p.protocol} の containerPort を持つ Pod がありません。このポートにはエンドポイントがありません`,
  'warning.named-port-partly': (p) =>
    `Service ${p.service} の${port(p.port, 'は')}「${p.targetPort}」という名前のポートに送りますが、${p.pods.join('、')} はその名前のポートを宣言していません。${p.pods.length === 1 ? 'この Pod' : 'これらの Pod'} にはこのポートのトラフィックが届きません`,
  'warning.target-port-not-listening': (p) =>
    `Service ${p.service} の${port(p.port, 'は')}ポート ${p.targetPort} へ送りますが、選ばれた Pod のどのコンテナも ${p.protocol} ${p.targetPort} を宣言していません（containerPort: ${declaredPorts(p.containerPorts)}）。${convention}。そのため接続は拒否されます`,
  'warning.ingress-class-annotation': (p) =>
    `非推奨の kubernetes.io/ingress.class アノテーションが指定するクラス「${p.ingressClass}」を扱うコントローラーがこのクラスターにないので、${routesNothing}`,
  'warning.ingress-no-class': () =>
    `この Ingress には ingressClassName がなく、クラスターにデフォルトの IngressClass もないので、扱うコントローラーがありません。${routesNothing}`,
  'warning.ingress-class-missing': (p) =>
    `IngressClass「${p.ingressClass}」が存在しないので、この Ingress を扱うコントローラーがありません。${routesNothing}`,
  'warning.ingress-class-foreign': (p) =>
    `IngressClass「${p.ingressClass}」のコントローラー ${p.controller} はこのクラスターで動いていないので、${routesNothing}`,
  'warning.ingress-class-no-controller': (p) =>
    `IngressClass ${p.ingressClass} が指定するコントローラー ${p.controller} はこのクラスターで動いていないので、このクラスの Ingress は何もルーティングしません`,
  'warning.ingress-path-taken': (p) =>
    `${p.host ?? '（すべてのホスト）'}${p.path} は、これより先に作られた ${p.ingress ? `Ingress ${p.ingress}` : '別の Ingress'} がすでにルーティングしています。ingress-nginx は古いほうのルールを使います`,
  'warning.ingress-service-missing': (p) =>
    `Ingress ${p.ingress} の送り先の Service ${p.service} は Namespace ${p.namespace} にありません。ingress-nginx はそこで 503 を返します`,
  'warning.ingress-service-port-missing': (p) =>
    `Ingress ${p.ingress} の送り先は Service ${p.service} のポート ${p.port} ですが、その Service には${p.byName ? ` ${p.port} という名前のポートが` : `ポート ${p.port} が`}ありません（ポート: ${p.ports.map((q) => (q.name ? `${q.name}/${q.port}` : q.port)).join(', ')}）。ingress-nginx はそこで 503 を返します`,
  'warning.ingress-tls-secret-missing': (p) =>
    `Secret ${p.secret} が Namespace ${p.namespace} にありません（TLS の Secret は Ingress と同じ Namespace に置きます）。${fakeCertificate(p.hosts)}`,
  'warning.ingress-tls-secret-keys': (p) =>
    `Secret ${p.secret} には ${p.missing.join(' と ')} のキーがなく、証明書と鍵の組がありません。${fakeCertificate(p.hosts)}`,
  'hint.create-namespace': (p) =>
    `先に Namespace を作ってください（kind: Namespace、name: ${p.namespace}）。同じファイルでも、一緒に適用する別のファイルでもかまいません。`,
  'hint.kind-moved': (p) =>
    `${p.kind} は ${p.to} で提供されています（${p.from} は Kubernetes ${p.removedIn} で削除されました）。`,
  'hint.ingress-v1': (p) =>
    `${p.apiVersion} の Ingress は Kubernetes 1.22 で削除されました。同じ Ingress を networking.k8s.io/v1 で書くと次のとおりです（serviceName/servicePort は service.name と service.port になります。pathType ImplementationSpecific なら以前と同じ一致の仕方で、ふつうは Prefix が望む動きです）：\n${verbatim(p.text)}`,
  'fix.convert-ingress': () => 'networking.k8s.io/v1 に書き換える',
  'hint.pod-cidr-larger': () =>
    'clusterCIDR を広くする（/16 なら 256 ブロック、/14 なら 1024 ブロック）か、ノードを減らしてください。',
  'hint.pod-cidr-inside': (p) =>
    `podCIDR は ${p.clusterCIDR} の中から選ぶか、書かないでください（書かなければ割り当て側がノードに 1 つ渡します）。`,
  'hint.pod-cidr-unique': () =>
    'ほかのノードが持っていない podCIDR を書くか、書かないでください（書かなければ割り当て側が空いている範囲を渡します）。',
  'warning.pod-cidr-none-left': (p) =>
    `ノード ${p.node} には Pod の CIDR が割り当てられませんでした。${p.clusterCIDR} の /${p.maskSize} のブロック ${p.blocks} 個は、コントロールプレーンとほかのノードがすべて使っています。そのためこのノードは NotReady になり、Pod を動かしません。各コンポーネントの出力：\n${verbatim(p.log)}`,
  'warning.pod-cidr-out-of-range': (p) =>
    `ノード ${p.node} の podCIDR ${p.podCIDR} はクラスターの CIDR の外にあります。kube-controller-manager のログ：${verbatim(p.log)}`,
  'warning.pod-cidr-shared': (p) =>
    `ノード ${p.node} の podCIDR ${p.podCIDR} は ${p.holder} も持っています。kube-controller-manager はこれを受け入れる（使用中の範囲でも cidrset の Occupy が成功する）ので、2 つのノードが同じ範囲から Pod にアドレスを配ります`,
  'info.not-simulated': (p) =>
    `${p.kind}（${p.apiVersion}）は実在する Kubernetes の種類ですが、ここではルーティングに関わらないので無視します`,
  'info.custom-not-simulated': (p) =>
    `${p.kind}（${p.apiVersion}）は、マニフェストの中の CustomResourceDefinition が定義するカスタムリソースです。ここではルーティングに関わらないので無視します`,
  'error.cluster-twice': () => 'クラスターを表す Cluster のドキュメントは 1 つだけにしてください',
  'error.pod-limit': (p) =>
    `Routelab がクラスターで再現できる Pod は ${p.limit.toLocaleString('en')} 個までです（Kubernetes のテストは 150,000 個まで）。${p.kind} ${p.name} でそれが ${p.total.toLocaleString('en')} 個になるので、この Pod は作られません`,
  'warning.ingress-tls-host-no-rule': (p) =>
    `Ingress ${p.ingress} は ${p.host} を tls に挙げていますが、そのルールは ${p.host} を指定していません。ingress-nginx は server をルールからしか作らないので、${p.host} にはこの Ingress からの server もこの証明書もありません`,
  'warning.duplicate': (p) =>
    `${p.object} が 2 回定義されています（${p.file} の ${p.document} 番目のドキュメントにもあります）。kubectl apply と同じく、後の定義が使われます`,
  'info.ingress-external-name': (p) =>
    `Ingress ${p.ingress} の送り先 Service ${p.service} は ExternalName 型です。ingress-nginx は ${p.externalName} を DNS で引いた先へ転送しますが、Routelab はそれを再現しないので、そこへのリクエストはコントローラーまでしかたどりません`,
  'info.annotation-not-simulated': (p) =>
    `${p.annotation} は Routelab では再現されません。リクエストはこのアノテーションがないものとしてルーティングされます`,
};
