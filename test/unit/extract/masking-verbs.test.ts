import { maskLine, maskText } from '#lib/extract/mask';

describe('statuses stated by a verb, and actor paths', () => {
  it('keeps the status a peer answered with, and masks a count', () => {
    expect(maskText('upstream answered 502')).toBe('upstream answered 502');
    expect(maskText('inventory service returned 409.')).toBe('inventory service returned 409.');
    expect(maskText('billing responded with 503, retrying')).toBe('billing responded with 503, retrying');
    expect(maskText('query returned 200 rows')).toBe('query returned <*> rows');
    expect(maskText('payments returned 502 for /v2/charges')).toBe('payments returned 502 for <*>');
    expect(maskText('payments returned 503 Service Unavailable')).toBe(
      'payments returned 503 Service Unavailable',
    );
    expect(maskText('export returned 201 in 512ms')).toBe('export returned 201 in <duration>');
    expect(maskText('export returned 312 items in 512ms')).toBe('export returned <*> items in <duration>');
    expect(maskLine('sync failed: upstream answered 502')).not.toBe(
      maskLine('sync failed: upstream answered 504'),
    );
  });

  it("keeps PDO's SQLSTATE class and its driver's code in brackets", () => {
    expect(maskText('SQLSTATE[HY000] [2002] Connection refused')).toBe(
      'SQLSTATE[HY000] [2002] Connection refused',
    );
    expect(maskText('SQLSTATE[23000]: Integrity constraint violation')).toBe(
      'SQLSTATE[23000]: Integrity constraint violation',
    );
  });

  it("keeps an actor path's names and masks its address and id segments", () => {
    expect(maskText('[akka://orders/user/shard/order-8812] price list missing')).toBe(
      '[akka://orders/user/shard/<*>] price list missing',
    );
    expect(maskText('Association with [pekko://orders@10.0.0.7:25520/user/$a] failed')).toBe(
      'Association with [pekko://orders/user/<*>] failed',
    );
    expect(maskText('[akka://orders/user/pricing] down')).not.toBe(
      maskText('[akka://orders/user/stock] down'),
    );
  });
});
