# Debian's python3-elasticsearch (7.17) pointed at the stack's Elasticsearch-
# compatible root, as an application shipping its own log records would:
# info() (the client's product check runs first), then helpers.bulk with two
# records of one failure that differ in user, host, request id and time, one of
# a second failure, and an info record.
# Usage: /usr/bin/python3 es_py_bulk.py <base-url>/es <index> [bearer-token]
# Prints one JSON object: the info answer, bulk's (success, errors), and each
# _bulk request body the client sent with the answer it got.
import base64
import json
import sys
import traceback
from datetime import datetime, timedelta, timezone

from elasticsearch import Elasticsearch, helpers
from elasticsearch.connection import Urllib3HttpConnection

url, index = sys.argv[1], sys.argv[2]
token = sys.argv[3] if len(sys.argv) > 3 else None
sent = []


class Recording(Urllib3HttpConnection):
    """Keeps each bulk body exactly as it goes on the wire, and its answer."""

    def perform_request(self, method, url, params=None, body=None, **kwargs):
        status, headers, data = super().perform_request(method, url, params, body, **kwargs)
        if url.endswith("/_bulk"):
            raw = body if isinstance(body, bytes) else str(body).encode("utf-8")
            sent.append({"body": base64.b64encode(raw).decode(), "answer": json.loads(data)})
        return status, headers, data


class QuotaLedgerError(Exception):
    pass


def reserve(user):
    raise QuotaLedgerError("quota ledger is sealed")


def failure(user, host, request_id, at):
    try:
        reserve(user)
    except QuotaLedgerError as error:
        return {
            "@timestamp": at.isoformat(),
            "log": {"level": "error", "logger": "quota.reserve"},
            "message": "reserving quota failed",
            "error": {
                "type": type(error).__name__,
                "message": str(error),
                "stack_trace": traceback.format_exc(),
            },
            "user": {"name": user},
            "host": {"name": host},
            "http": {"request": {"id": request_id}},
        }


now = datetime.now(timezone.utc)
records = [
    failure("alice", "api-3", "req-8f1c", now),
    {"@timestamp": now.isoformat(), "log": {"level": "info"}, "message": "quota reserved for carol"},
    failure("bob", "api-9", "req-22d0", now + timedelta(seconds=41)),
    {
        "@timestamp": now.isoformat(),
        "log": {"level": "warn", "logger": "quota.sweep"},
        "message": "quota sweep is 12 minutes behind",
    },
]

headers = {"Authorization": "Bearer " + token} if token else None
es = Elasticsearch([url], connection_class=Recording, headers=headers)
info = es.info()
success, errors = helpers.bulk(es, ({"_index": index, "_source": r} for r in records))
print(json.dumps({"info": info, "success": success, "errors": errors, "sent": sent}))
