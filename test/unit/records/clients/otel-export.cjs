// Runs the real OpenTelemetry JS logs SDK in its own process: its exporters load
// `http` with a dynamic import, which jest's module sandbox refuses.
// Usage: node otel-export.cjs <json|proto> <url>; prints the export result codes as JSON.
const { SeverityNumber } = require('@opentelemetry/api-logs');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { LoggerProvider, SimpleLogRecordProcessor } = require('@opentelemetry/sdk-logs');

const [kind, url] = process.argv.slice(2);
const { OTLPLogExporter } =
  kind === 'proto'
    ? require('@opentelemetry/exporter-logs-otlp-proto')
    : require('@opentelemetry/exporter-logs-otlp-http');

class CardDeclinedError extends Error {
  name = 'CardDeclinedError';
}

function thrownInCheckout() {
  try {
    throw new CardDeclinedError('card 4242 declined by issuer');
  } catch (e) {
    return e;
  }
}

async function main() {
  const exporter = new OTLPLogExporter({ url });
  const codes = [];
  const counting = {
    export: (logs, done) =>
      exporter.export(logs, (r) => {
        codes.push(r.code);
        done(r);
      }),
    shutdown: () => exporter.shutdown(),
  };
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'deployment.environment.name': 'staging',
      'host.name': 'web-7',
    }),
    processors: [new SimpleLogRecordProcessor({ exporter: counting })],
  });
  const logger = provider.getLogger('payments');
  const err = thrownInCheckout();
  logger.emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'ERROR',
    body: 'charge failed for order 8812',
    attributes: {
      'exception.type': err.name,
      'exception.message': err.message,
      'exception.stacktrace': err.stack,
      'user.id': 'alice',
      attempt: 3,
    },
  });
  logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'order 8813 paid' });
  logger.emit({ severityNumber: SeverityNumber.WARN, body: { event: 'slow_charge', ms: 1840 } });
  await provider.forceFlush();
  await provider.shutdown();
  process.stdout.write(JSON.stringify(codes));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
