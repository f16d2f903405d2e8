// Where ingress-nginx finds a host's certificate in a Secret: its tls.crt and
// tls.key keys, whatever the Secret's type. An Opaque Secret holding both
// serves; one without them "contains no keypair or CA certificate" and the
// host gets the fake certificate (internal/ingress/controller/store/
// backend_ssl.go, getPemCertificate; TestGetPemCertificateBranches).
import type { Secret } from '../api/types.ts';

const keypair = ['tls.crt', 'tls.key'];

/** The keys of the keypair the Secret lacks; none when ingress-nginx can serve it. */
export function missingKeypair(secret: Secret): string[] {
  return keypair.filter((key) => !secret.keys.includes(key));
}
