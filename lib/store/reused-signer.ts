/**
 * The SDK builds a new SigV4 signer for every call it signs (its default
 * `signer` provider spreads the whole client config into a fresh
 * `SignatureV4`), so each call also derives its signing key afresh — four
 * HMACs — because the signer's key cache lives on the instance. Measured in
 * process against a stub server, that was some 15 % of a DynamoDB call's CPU.
 * This keeps the signer the SDK built for a given auth scheme and hands it
 * out again: the same class, built from the same config, signing with the
 * credentials provider it was given (resolved per call, so rotated
 * credentials are used as before; the key cache is keyed by them and by date,
 * region and service). The SDK itself pins the signer's region and service
 * to the first call's (`config.signingRegion ||= …`).
 */

interface AuthScheme {
  name?: string;
  signingName?: string;
  signingRegion?: string;
  signingRegionSet?: string[];
}

type SignerProvider = (authScheme?: AuthScheme) => Promise<unknown>;

/** Wraps a built client's `config.signer` in place. */
export function reuseSigners(client: { config: object }): void {
  const config = client.config as { signer?: SignerProvider };
  const build = config.signer;
  if (typeof build !== 'function') return;
  const built = new Map<string, Promise<unknown>>();
  config.signer = (authScheme) => {
    const key = JSON.stringify([
      authScheme?.name,
      authScheme?.signingName,
      authScheme?.signingRegion,
      authScheme?.signingRegionSet,
    ]);
    let signer = built.get(key);
    if (!signer) {
      signer = build(authScheme);
      built.set(key, signer);
      // a failed build (no region yet, say) is tried again on the next call
      signer.catch(() => built.delete(key));
    }
    return signer;
  };
}
