# Python's own logging.handlers.HTTPHandler sending to the stack, as a program
# configured for logsift does. Usage: python3 python_send.py <host:port> <user>
# The same failure from every run; only the user and the order differ.
import logging
import logging.handlers
import sys

host, user = sys.argv[1], sys.argv[2]
log = logging.getLogger("billing.charge")
log.setLevel(logging.INFO)
log.propagate = False
# A StreamHandler first formats the record, which fills exc_text (HTTPHandler never formats).
log.addHandler(logging.StreamHandler(sys.stderr))
log.addHandler(logging.handlers.HTTPHandler(host, "/logs", method="POST"))


class LedgerLockedError(Exception):
    pass


def settle(order):
    raise LedgerLockedError("ledger row %s locked by another writer" % order)


order = "ord-%d" % (len(user) * 1000 + 7)
try:
    settle(order)
except LedgerLockedError:
    log.exception("settlement of %s failed for %s", order, user)
log.info("settlement retried for %s", user)
