/**
 * The baseline for the HTTP ingest figure: a bare node http server that only
 * parses the multipart body with busboy (as lib/http/form.ts does, file part
 * gathered into one Buffer) and answers a small JSON. Prints its URL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

let n = 0;
const server = createServer((req, res) => {
  const parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: 4 * 1024 * 1024 } });
  const chunks: Buffer[] = [];
  parser.on('file', (_name, file) => {
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
  });
  parser.on('close', () => {
    const bytes = Buffer.concat(chunks).length;
    n += 1;
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ logId: String(n).padStart(9, '0'), bytes }));
  });
  req.pipe(parser);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
