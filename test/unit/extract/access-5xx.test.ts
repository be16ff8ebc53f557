import { failureOfRecord } from '#lib/extract/event';
import { parseLine } from '#lib/records/index';
import { extract, fingerprint, inLog } from './helpers';

const nginx = (client: string, id: number, status: number, agent: string) =>
  `${client} - - [01/May/2024:10:00:0${id % 10} +0000] "GET /api/orders/${id} HTTP/1.1" ${status} 157 "-" "${agent}"`;
const envoy = (status: number, flags: string, id: string) =>
  `[2024-05-01T10:05:00.123Z] "POST /api/pay HTTP/2" ${status} ${flags} 0 91 30 - "10.0.0.30" "curl/8.5.0" "${id}" "pay.svc:8080" "10.0.3.7:8080"`;

describe('access log lines answered with a 5xx', () => {
  it('are errors named by method, path template and status, not by client or agent', () => {
    const a = extract(inLog(nginx('203.0.113.7', 8812, 502, 'curl/8.5.0')));
    expect(a.type).toBe('E');
    expect(a.signature).toBe('[error]\nGET /api/orders/<*> HTTP 502');
    expect(fingerprint(inLog(nginx('198.51.100.23', 90, 502, 'Mozilla/5.0 (X11; Linux x86_64)')))).toBe(
      a.fingerprint,
    );
    expect(fingerprint(inLog(nginx('203.0.113.7', 8812, 504, 'curl/8.5.0')))).not.toBe(a.fingerprint);
  });

  it('are traffic, not failures, when answered with another status', () => {
    expect(extract(inLog(nginx('203.0.113.7', 8812, 200, 'curl/8.5.0'))).type).toBeNull();
    expect(extract(inLog(nginx('203.0.113.7', 8812, 404, 'curl/8.5.0'))).type).toBeNull();
    expect(failureOfRecord(parseLine(nginx('203.0.113.7', 8812, 404, 'curl/8.5.0')))).toBeNull();
  });

  it("keep Envoy's response flags and read alike as a stream event", () => {
    const e = parseLine(envoy(503, 'UF', 'a1'));
    expect(e.format).toBe('access');
    expect(e.message).toBe('POST /api/pay HTTP 503 UF');
    expect(failureOfRecord(e)?.fingerprint).toBe(
      failureOfRecord(parseLine(envoy(503, 'UF', 'b2')))?.fingerprint,
    );
    expect(failureOfRecord(e)?.fingerprint).not.toBe(
      failureOfRecord(parseLine(envoy(503, 'URX', 'a1')))?.fingerprint,
    );
  });

  it("read HAProxy's HTTP log, status before the request, by backend, path, status and why it ended", () => {
    const haproxy = (
      client: string,
      server: string,
      timers: string,
      status: number,
      state: string,
      id: number,
    ) =>
      `Dec  1 10:00:01 lb-2 haproxy[812]: ${client} [01/Dec/2026:10:00:01.${id % 1000}] fe_web~ be_cart/${server} ${timers} ${status} 230 - - ${state} 40/38/2/1/0 0/0 "GET /cart/${id} HTTP/1.1"`;
    const lines = (...xs: string[]) => `${xs.join('\n')}\n`;
    const ok = haproxy('10.1.2.3:40100', 'web1', '0/0/1/4/5', 200, '----', 7);
    const a = extract(lines(ok, haproxy('10.1.2.9:51000', '<NOSRV>', '0/-1/-1/-1/0', 503, 'SC--', 4411)));
    expect(a.type).toBe('E');
    expect(a.signature).toContain('be_cart: GET /cart/<*> HTTP 503 SC');
    const b = extract(lines(ok, haproxy('10.7.7.7:1200', '<NOSRV>', '0/-1/-1/-1/1', 503, 'SC--', 90)));
    const timeout = extract(
      lines(ok, haproxy('10.1.2.9:51000', 'web2', '0/0/1/-1/30001', 504, 'sH--', 4411)),
    );
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(timeout.fingerprint).not.toBe(a.fingerprint);
    expect(extract(lines(ok, ok)).type).toBeNull();
    const event = failureOfRecord(
      parseLine(haproxy('10.1.2.9:51000', '<NOSRV>', '0/-1/-1/-1/0', 503, 'SC--', 4411)),
    );
    expect(event?.signature).toContain('be_cart: GET /cart/<*> HTTP 503 SC');
  });

  it('find, in a document of JSON or logfmt access records, the requests answered with a 5xx', () => {
    const served = (i: number) =>
      JSON.stringify({ method: 'GET', path: `/users/${i}`, status: 200, duration: 1.5 });
    const json = [
      ...Array.from({ length: 40 }, (_, i) => served(i)),
      JSON.stringify({ method: 'GET', path: '/users/42/avatar', status: 503, duration: 30000.2 }),
      served(41),
      '',
    ].join('\n');
    const found = extract(json);
    expect(found.type).toBe('E');
    expect(found.signature).toBe('[error]\nGET /users/<*>/avatar HTTP 503');
    const logfmt = [
      ...Array.from({ length: 40 }, (_, i) => `level=info method=GET path=/users/${i} status=200`),
      'level=info method=PUT path=/users/9/avatar status=500',
      '',
    ].join('\n');
    expect(extract(logfmt).signature).toBe('[error]\nPUT /users/<*>/avatar HTTP 500');
    expect(
      extract(json.replace('"status": 503', '"status": 404').replace('"status":503', '"status":404')).type,
    ).toBeNull();
  });
});
