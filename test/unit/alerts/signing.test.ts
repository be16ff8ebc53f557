import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from '#lib/alerts/signing';

const SECRET = 'whsec-unit-0123456789abcdef';
const BODY = '{"id":"al_1","rule":"crashes"}';

describe('the webhook signature', () => {
  it('is HMAC-SHA256 over "timestamp.body", as a receiver recomputes it', () => {
    const header = signatureHeader(SECRET, 1_800_000_000, BODY);
    const expected = createHmac('sha256', SECRET).update(`1800000000.${BODY}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${expected}`);
    expect(verifySignature(SECRET, header, BODY, 1_800_000_010)).toBe(true);
  });

  it('fails for another body, another secret, or a timestamp outside the replay window', () => {
    const header = signatureHeader(SECRET, 1_800_000_000, BODY);
    expect(verifySignature(SECRET, header, `${BODY} `, 1_800_000_000)).toBe(false);
    expect(verifySignature('another-secret-0123456789', header, BODY, 1_800_000_000)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, 1_800_000_301)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, 1_799_999_699)).toBe(false);
    expect(verifySignature(SECRET, undefined, BODY, 1_800_000_000)).toBe(false);
    expect(verifySignature(SECRET, 't=1800000000,v1=zz', BODY, 1_800_000_000)).toBe(false);
  });

  it('accepts any of several v1 values (a secret being rotated)', () => {
    const good = signatureHeader(SECRET, 1_800_000_000, BODY).split('v1=')[1];
    expect(verifySignature(SECRET, `t=1800000000,v1=${'0'.repeat(64)},v1=${good}`, BODY, 1_800_000_000)).toBe(
      true,
    );
  });
});
