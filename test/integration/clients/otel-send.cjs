// The real OpenTelemetry JS logs SDK and exporter, in a process of its own
// (the exporters load `http` with a dynamic import that jest's sandbox refuses).
// Usage: node otel-send.cjs <json|proto> <url>
// Emits, from two "hosts": the same crash twice (other user, order, host and
// time), a different error once, and an info record; prints the export result
// codes as JSON (0 = SUCCESS).
const { SeverityNumber } = require('@opentelemetry/api-logs');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');

const [kind, url] = process.argv.slice(2);
const { OTLPLogExporter } =
  kind === 'proto'
    ? require('@opentelemetry/exporter-logs-otlp-proto')
    : require('@opentelemetry/exporter-logs-otlp-http');

class InventoryLockedError extends Error {
  name = 'InventoryLockedError';
}

function reserve(sku) {
  throw new InventoryLockedError(`sku ${sku} is locked by reservation r-${sku * 7}`);
}

function caught(sku) {
  try {
    reserve(sku);
  } catch (e) {
    return e;
  }
}

async function send(host, user, sku, codes) {
  const exporter = new OTLPLogExporter({ url });
  const counting = {
    export: (logs, done) =>
      exporter.export(logs, (r) => {
        codes.push(r.code);
        if (r.error) process.stderr.write(`export error: ${r.error?.message ?? r.error}\n`);
        done(r);
      }),
    shutdown: () => exporter.shutdown(),
  };
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'shop', 'host.name': host }),
    processors: [new BatchLogRecordProcessor({ exporter: counting })],
  });
  const logger = provider.getLogger('inventory');
  const err = caught(sku);
  logger.emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'ERROR',
    body: `reservation failed for order ${sku * 3}`,
    attributes: {
      'exception.type': err.name,
      'exception.message': err.message,
      'exception.stacktrace': err.stack,
      'user.id': user,
    },
  });
  logger.emit({ severityNumber: SeverityNumber.INFO, body: `order ${sku * 3} received` });
  if (host === 'web-2') {
    logger.emit({
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: 'payment provider unreachable',
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
}

async function main() {
  const codes = [];
  // Both after an await, so both stacks are the same code path (the first
  // call would otherwise also show node's module loader frames below main).
  for (const [host, user, sku] of [
    ['web-1', 'alice', 1001],
    ['web-2', 'bob', 2417],
  ]) {
    await new Promise((done) => setTimeout(done, 20));
    await send(host, user, sku, codes);
  }
  process.stdout.write(JSON.stringify(codes));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
