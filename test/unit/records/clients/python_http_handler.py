# Sends records with Python's own logging.handlers.HTTPHandler, as a program would.
# Usage: python3 python_http_handler.py <host:port> <plain|formatted>
# "formatted" puts a StreamHandler first, which fills record.exc_text before
# HTTPHandler serialises the record (HTTPHandler itself never formats).
import logging
import logging.handlers
import sys

host, mode = sys.argv[1], sys.argv[2]
log = logging.getLogger("billing.charge")
log.setLevel(logging.INFO)
log.propagate = False
if mode == "formatted":
    log.addHandler(logging.StreamHandler(sys.stderr))
log.addHandler(logging.handlers.HTTPHandler(host, "/logs", method="POST"))


class LedgerLockedError(Exception):
    pass


def settle(order):
    raise LedgerLockedError("ledger row %s locked by another writer" % order)


try:
    settle("ord-8812")
except LedgerLockedError:
    log.exception("settlement of %s failed for %s", "ord-8812", "alice")
log.warning("retrying settlement in %d s", 30)
