// Gateway API のホップと結末を日本語で。./ja.ts が自分の表に展開する。
import type {
  GatewayMessageParams,
  MessageTable,
  RuleRef,
  ServiceRef,
} from '../../engine/index.ts';
import { verbatim } from './verbatim.ts';

const ref = (s: ServiceRef) => `${s.namespace}/${s.name}`;
const rule = (r: RuleRef) => `HTTPRoute ${ref(r.route)} のルール ${r.rule}（${r.match}）`;
const list = (items: string[]) => items.join('、');

export const gatewayJa: Pick<MessageTable, keyof GatewayMessageParams> = {
  'dns.gateway': (p) =>
    `${p.host} -> ${p.ip}（このホストの DNS レコードは Gateway ${ref(p.gateway)} のアドレスを指しています）`,
  'dns.gateway-no-address': (p) =>
    `Gateway ${ref(p.gateway)} は ${p.host} を受け持ちますが、DNS レコードで指せるアドレスがありません（Envoy の Service のロードバランサーが <pending> のままです）`,
  'dns.route-not-attached': (p, r) =>
    `${p.host} は名前解決できません。HTTPRoute ${ref(p.route)} がこの名前を挙げていますが、どの Gateway もこのルートを受け入れていないので（${p.why ? `Accepted が False：${p.why}` : 'Gateway のコントローラーがステータスを書いていません'}）、Gateway を指す DNS レコードがありません${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'gateway.tls': (p) =>
    `Envoy がリスナー ${p.listener} で ${p.host} の TLS を終端します。証明書は Secret ${ref(p.secret)} のものです`,
  'gateway.no-tls-listener': (p) =>
    `Gateway ${ref(p.gateway)} のポート ${p.port} には ${p.host} を受け持つ HTTPS リスナーがありません。Envoy はこのサーバー名に合うフィルターチェーンを見つけられず、接続を閉じます`,
  'gateway.plain-to-tls': (p) =>
    `Gateway ${ref(p.gateway)} のポート ${p.port} は HTTPS リスナーです。Envoy は TLS ハンドシェイクを待つので、平文の HTTP の接続は閉じられます`,
  'gateway.tls-to-plain': (p) =>
    `Gateway ${ref(p.gateway)} のポート ${p.port} は平文の HTTP リスナーなので、クライアントの TLS ハンドシェイクは失敗します`,
  'gateway.protocol-not-simulated': (p) =>
    `Gateway ${ref(p.gateway)} のポート ${p.port} は ${p.protocol} リスナーです。そのルートは Routelab ではシミュレートしていません`,
  'gateway.no-route': (p) =>
    p.hostname === null
      ? `Envoy（Gateway ${ref(p.gateway)}${p.listener ? `、リスナー ${p.listener}` : ''}）にはホスト ${p.host} のルートがありません。404 を返します`
      : `Envoy（Gateway ${ref(p.gateway)}、リスナー ${p.listener ?? ''}）はホスト ${p.host} を ${p.hostname} として受け持ちますが、${p.path} に合うルールがありません。404 を返します`,
  'gateway.route': (p) =>
    `Envoy（Gateway ${ref(p.gateway)}、リスナー ${p.listener}）：${p.host}${p.path} は ${rule(p.rule)} に合います`,
  'gateway.header-filter': (p) =>
    `RequestHeaderModifier：${[p.set.length ? `${list(p.set)} を設定` : '', p.add.length ? `${list(p.add)} を追加` : '', p.remove.length ? `${list(p.remove)} を削除` : ''].filter(Boolean).join('、')}`,
  'gateway.rewrite': (p) =>
    `URLRewrite：${[p.path !== null ? `パスを ${p.path} に` : '', p.host !== null ? `Host を ${p.host} に` : ''].filter(Boolean).join('、')}書き換えます`,
  'gateway.redirect': (p) =>
    `${rule(p.rule)} はリダイレクトします。Envoy が ${p.status} と Location ${p.location} を返します`,
  'gateway.mirror': (p) =>
    `RequestMirror：リクエストの複製が Service ${ref(p.service)} のポート ${p.port} へ送られます。その応答は使われません`,
  'gateway.cors-preflight': (p) =>
    p.allowed
      ? `CORS：${p.origin} からのプリフライトに Envoy 自身が 200 で答え、許可します`
      : `CORS：オリジン ${p.origin} は許可されていません。Envoy 自身がプリフライトに 200 で答えますが、Access-Control-Allow-* ヘッダーは付けません`,
  'gateway.cors-actual': (p) =>
    p.allowed
      ? `CORS：オリジン ${p.origin} は許可されています。応答に Access-Control-Allow-Origin が付きます`
      : `CORS：オリジン ${p.origin} は許可されていません。リクエストはそのまま進み、応答に Access-Control-Allow-Origin は付きません`,
  'gateway.dropped-rule': (p) =>
    `${rule(p.rule)} は設定されませんでした（${verbatim(p.why)}）。Envoy は 500 を返します`,
  'gateway.invalid-backend': (p) =>
    `${rule(p.rule)} はこのリクエストをバックエンド ${ref(p.backend)} に送りますが、参照が解決できません（${verbatim(p.why)}）。Envoy は 500 を返します`,
  'gateway.no-backends': (p) =>
    `${rule(p.rule)} には backendRefs がないので、Envoy は 500 を返します`,
  'gateway.zero-weight': (p) =>
    `${rule(p.rule)} の backendRef の重みがすべて 0 なので、Envoy Gateway は 500 を返します`,
  'gateway.weighted': (p) =>
    `backendRefs の重みは合計 ${p.total} のうち ${p.weight} が Service ${ref(p.service)} です。このリクエストはそちらへ行きます`,
  'gateway.no-endpoints': (p) =>
    `Service ${ref(p.service)} のポート ${p.port} にはエンドポイントがないので、Envoy Gateway は 503 を返します`,
  'gateway.no-healthy-upstream': (p) =>
    `Service ${ref(p.service)} のポート ${p.port} に Ready なエンドポイントがないので、Envoy は 503（no healthy upstream）を返します`,
  'gateway.proxy': (p) =>
    `Envoy が Service ${p.service} のエンドポイント ${p.ip}:${p.port} へ転送します${p.toNode ? `（Pod ネットワークを通って ${p.toNode} へ）` : ''}`,
  'gateway.endpoint-refused': (p) =>
    `${p.pod} はポート ${p.port} の接続を拒否します。Envoy は 503（upstream connect error）を返します`,
  'gateway.endpoint-timeout': (p, render) =>
    `Envoy から ${p.pod} のポート ${p.port} への接続はタイムアウトします（${render(p.why)}）。Envoy は 503 を返します`,
  'gateway.endpoint-accepts': (p) =>
    `コンテナー ${p.container} がポート ${p.port} で受け付けます。Envoy からの ${p.host}${p.path} への HTTP リクエストで、クライアントは ${p.client} です`,
  'gateway.delivered': (p) =>
    `Gateway ${ref(p.gateway)} が ${p.path} を ${rule(p.rule)} で Service ${ref(p.service)} のポート ${p.port}、Pod ${p.pod} へ届けました${p.rewrittenTo ? `（パスは ${p.rewrittenTo} に書き換え）` : ''}`,
  'convert.header': (p) =>
    `Ingress ${p.ingress} を ingress2gateway と同じやり方で Gateway API に変換しました（クラスは Envoy Gateway のもの）。routelab が変換の前後で同じリクエストを送って確かめています`,
  'convert.same': () => '確かめたリクエストは、変換の前後ですべて同じように答えられます',
  'convert.differs': (p) =>
    `答えが変わるリクエスト：${p.request}：変換前は ${p.before}、変換後は ${p.after}`,
  'offer.convert-gateway-title': () =>
    'この Ingress を Gateway API（Gateway と HTTPRoute）に変換する',
  'offer.convert-gateway': (p) =>
    `Ingress ${p.ingress} は Gateway API に変換できます。クイックフィックスが Gateway と HTTPRoute を書き、何が変わるかを示します`,
  'convert.annotation': (p) =>
    `Ingress ${p.ingress} の ${p.annotation} は引き継がれません。Gateway API にはアノテーションがありません（書き換えは URLRewrite フィルター、リダイレクトは RequestRedirect フィルターになります）`,
  'convert.no-class': (p) =>
    `Ingress ${p.ingress} にはクラスの指定がないので、そのルートには parentRefs がなく、どの Gateway にもアタッチされません`,
  'convert.resource-backend': (p) =>
    `バックエンドの ${p.kind} ${p.name} は Service ではないので、引き継がれません`,
  'convert.port-name': (p) =>
    `Service ${p.service} には ${p.port} という名前のポートがないので、このバックエンドは引き継がれません`,
  'convert.implementation-specific': (p) =>
    `パス ${p.path} の pathType は ImplementationSpecific です。PathPrefix になりますが、ingress-nginx の解釈（前方一致、use-regex なら正規表現）と一致しないことがあります`,
  'warning.gateway-class-missing': (p) =>
    `Gateway ${p.gateway} は存在しない GatewayClass ${p.gatewayClass} を指定しています。どのコントローラーもこの Gateway を引き受けないので、何も待ち受けません`,
  'warning.gateway-class-foreign': (p) =>
    `GatewayClass ${p.gatewayClass} はコントローラー ${p.controller} 用ですが、それは入っていません（Envoy Gateway が引き受けるのは gateway.envoyproxy.io/gatewayclass-controller です）。その Gateway は受け入れられないままです`,
  'warning.gateway-no-controller': (p) =>
    `GatewayClass ${p.gatewayClass} は Envoy Gateway を待っていますが、このクラスターには Gateway API のコントローラーがありません（spec.gatewayController: none）`,
  'warning.route-condition': (p) =>
    `Gateway ${p.gateway} 上の HTTPRoute ${p.route}：${p.type} が False です（${p.reason}）：${verbatim(p.message)}`,
  'warning.listener-condition': (p) =>
    `Gateway ${p.gateway} のリスナー ${p.listener} は使われません。${p.type} が ${p.type === 'Conflicted' ? 'True' : 'False'} です（${p.reason}）：${verbatim(p.message)}`,
  'warning.route-no-parent': (p) =>
    `HTTPRoute ${p.route} の親に指定された Gateway ${p.gateway} は存在しません。このルートはどこにもアタッチされません`,
};
