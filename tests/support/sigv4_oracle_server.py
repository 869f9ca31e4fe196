#!/usr/bin/python3
"""An independent SigV4 oracle for tst_sigv4_oracle: botocore's SigV4Auth on loopback.

Run with Debian's interpreter (/usr/bin/python3, python3-botocore). It listens on 127.0.0.1 on a
port the kernel picks, prints that port on one line of stdout, and for every request:
  1. rebuilds a botocore AWSRequest from what arrived on the wire: method, URL
     http://127.0.0.1:PORT + path + query, the headers named in the received Authorization's
     SignedHeaders (values exactly as received) and the body;
  2. signs it with botocore.auth.SigV4Auth using the known test credentials, region and service,
     at the time given by the received X-Amz-Date;
  3. answers 200 when botocore's Authorization equals the received one, else 403 with both.

The query string is handed to botocore the way an AWS front end reads it: decoded into
(key, value) pairs (AWSRequest.params), so botocore itself applies the RFC 3986 encoding.

Clock: botocore 1.29 (Debian 12) stamps requests with datetime.datetime.utcnow() inside
botocore.auth; newer botocore calls botocore.auth.get_current_datetime(). Both are replaced
(only inside botocore.auth) by functions returning the received X-Amz-Date.

The process ends by itself when stdin reaches end-of-file (the test closed it or died) or after
IDLE_LIMIT_S seconds without a request.

The credentials are AWS's published documentation examples, not secrets.
"""

import datetime
import http.server
import sys
import threading
import time
import types
from urllib.parse import unquote

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN"
REGION = "us-east-1"
SERVICE = "monitoring"
IDLE_LIMIT_S = 60

try:
    import botocore
    import botocore.auth
    import botocore.awsrequest
    import botocore.credentials
except ImportError as error:  # the C++ test turns exit status 3 into a QSKIP
    sys.stderr.write("botocore is not importable: %s\n" % error)
    sys.exit(3)

_frozen_lock = threading.Lock()
_frozen_now = None  # naive UTC datetime, as utcnow() returns


class _FrozenDateTime(datetime.datetime):
    """datetime.datetime whose utcnow() answers the received X-Amz-Date (strptime etc. inherited)."""

    @classmethod
    def utcnow(cls):
        return _frozen_now


# botocore.auth does "import datetime" and calls datetime.datetime.utcnow(); give that module name
# a stand-in whose .datetime is the frozen class, leaving the real datetime module untouched.
_datetime_shim = types.ModuleType("datetime")
_datetime_shim.__dict__.update(datetime.__dict__)
_datetime_shim.datetime = _FrozenDateTime
botocore.auth.datetime = _datetime_shim
if hasattr(botocore.auth, "get_current_datetime"):  # botocore >= 1.32 reads time through this
    botocore.auth.get_current_datetime = lambda *args, **kwargs: _frozen_now

_last_activity = time.monotonic()


def _signed_header_names(authorization):
    for part in authorization.split(","):
        part = part.strip()
        if "SignedHeaders=" in part:
            return [n for n in part.split("SignedHeaders=", 1)[1].split(";") if n]
    return []


def _query_params(query):
    params = []
    for pair in query.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        params.append((unquote(key), unquote(value)))
    return params


def expected_authorization(method, port, target, headers, body):
    """botocore's Authorization for the request as received. `headers` is an email.message.Message."""
    global _frozen_now
    received = headers.get("Authorization", "")
    path, _, query = target.partition("?")
    url = "http://127.0.0.1:%d%s" % (port, path) + ("?" + query if query else "")
    request = botocore.awsrequest.AWSRequest(method=method, url=url, data=body, params=_query_params(query))
    for name in _signed_header_names(received):
        for value in headers.get_all(name) or []:
            request.headers[name] = value
    token = SESSION_TOKEN if headers.get("X-Amz-Security-Token") is not None else None
    credentials = botocore.credentials.Credentials(ACCESS_KEY, SECRET_KEY, token)
    with _frozen_lock:
        _frozen_now = datetime.datetime.strptime(headers.get("X-Amz-Date", ""), "%Y%m%dT%H%M%SZ")
        botocore.auth.SigV4Auth(credentials, SERVICE, REGION).add_auth(request)
    return received, request.headers.get("Authorization", "")


class OracleHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self):
        global _last_activity
        _last_activity = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            received, expected = expected_authorization(
                self.command, self.server.server_address[1], self.path, self.headers, body
            )
            if received and received == expected:
                status, text = 200, "ok\n"
            else:
                status, text = 403, "received: %s\nbotocore: %s\n" % (received, expected)
        except Exception as error:  # a malformed request is a failed check, not a crash
            status, text = 400, "oracle could not check the request: %r\n" % (error,)
        payload = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

    def log_message(self, *args):  # keep the test's output clean
        pass


def _watch_stdin(server):
    sys.stdin.read()  # returns at end-of-file: the test closed our stdin or exited
    server.shutdown()


def _watch_idle(server):
    while time.monotonic() - _last_activity < IDLE_LIMIT_S:
        time.sleep(1)
    server.shutdown()


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OracleHandler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=_watch_stdin, args=(server,), daemon=True).start()
    threading.Thread(target=_watch_idle, args=(server,), daemon=True).start()
    server.serve_forever()
    server.server_close()


if __name__ == "__main__":
    main()
