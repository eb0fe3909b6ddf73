"""A browser-like HTTP client for the benchmarks: one kept-alive connection and the session cookie.

``bench/load_writers.py`` and ``bench/soak.py`` post real forms with it (the CSRF token and
the session cookie as a browser sends them). Loopback only; a dropped connection is closed
and opened again on the next request.
"""
from __future__ import annotations

import http.client
from urllib.parse import urlencode


class BrowserSession:
    def __init__(self, host: str, port: int, timeout: float = 60):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookie = ""
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, form: dict | None = None):
        """(response, body text); raises OSError or HTTPException when the server is gone."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("session="):
                self.cookie = header.split(";", 1)[0]
        return response, text

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
