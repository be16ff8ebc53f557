// pino with the pino-loki transport (its own worker thread, as pino runs
// transports), sending to the stack's Loki push API, as a pino user pointing
// pino-loki at logsift would. Usage: node pino-loki-send.mjs <base url>
// Logs the same TypeError for two users, a warning and an info line.
import pino from 'pino';

const [base] = process.argv.slice(2);
const transport = pino.transport({
  target: 'pino-loki',
  // Batching (pino-loki's default): closing the transport sends what is buffered.
  options: { host: base, batching: { interval: 1 }, labels: { app: 'checkout' } },
});
const logger = pino({ base: { service: 'checkout' } }, transport);

function charge(cart) {
  return cart.total.amount;
}

for (const user of ['ines', 'jonas']) {
  try {
    charge({ id: `cart-${user.length * 97}` });
  } catch (err) {
    logger.error({ err, user, requestId: `req-${user.length * 13}` }, 'charge failed');
  }
}
logger.warn({ queue: 'mail', depth: 812 }, 'mail queue is backing up');
logger.info({ user: 'ines' }, 'order placed');

// pino's worker thread does not keep the process alive: wait for it to finish sending.
const alive = setInterval(() => {}, 1000);
await new Promise((done) => {
  transport.on('close', done);
  transport.end();
});
clearInterval(alive);
