import { decodeEvent } from '#lib/http/request';
import { event } from './event.ts';

describe('decodeEvent', () => {
  it('looks headers up case-insensitively and decodes a base64 body', () => {
    const req = decodeEvent(
      event({ method: 'post', headers: { 'Content-Type': 'text/plain' }, body: 'héllo' }),
    );
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('text/plain');
    expect(req.body.toString('utf8')).toBe('héllo');
  });

  it('answers JSON to Accept: application/json and to ?format=json', () => {
    expect(decodeEvent(event({ headers: { accept: 'application/json' } })).wantsJson).toBe(true);
    expect(decodeEvent(event({ query: { format: 'json' } })).wantsJson).toBe(true);
    expect(decodeEvent(event({ headers: { accept: '*/*' } })).wantsJson).toBe(false);
  });

  it('treats a browser Accept header as preferring HTML', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const req = decodeEvent(event({ headers: { accept: browser } }));
    expect(req.prefersHtml).toBe(true);
    expect(req.wantsJson).toBe(false);
    expect(decodeEvent(event({ headers: { accept: '*/*' } })).prefersHtml).toBe(false);
  });
});
